"""The clue reports page (线索上报) and its dialogs."""
