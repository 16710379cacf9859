"""Widgets shared by every page: field errors, form inputs and combos, pickers, filters,
register tables, page keys, messages, and PDF preview and printing."""
