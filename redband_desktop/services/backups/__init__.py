"""Verified backups of the SQLite file, restore, start-up recovery and `redband check`."""
