"""Clue reports (线索上报) and their flow from received to feedback."""
