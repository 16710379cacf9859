"""What every capability shares: who is signed in and may act, the audit log, the station's
key/value settings, export results and the common form rules."""
