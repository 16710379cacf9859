"""Station staff accounts: sign-in, passwords, lockout and user administration."""
