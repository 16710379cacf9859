"""Qt widgets: the main window, one package per page, dialogs and table models."""
