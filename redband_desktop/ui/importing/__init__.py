"""The import wizard (File → Import…): file, columns, places, preview, then the commit."""
