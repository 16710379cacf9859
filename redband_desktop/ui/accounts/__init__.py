"""Signing in, locking, changing one's password: the dialogs of the signed-in account."""
