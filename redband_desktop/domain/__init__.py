"""Validators and value types with no I/O: ID numbers, phones, names, enumerations."""
