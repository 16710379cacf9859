"""The roster page and its dialogs."""
