"""Volunteer ID cards: issue, print, revoke, the register, the design and verification."""
