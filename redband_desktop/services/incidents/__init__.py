"""The incident register (警情)."""
