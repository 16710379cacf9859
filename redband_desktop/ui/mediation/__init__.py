"""The people's mediation page: the case book with its filters, registering a dispute,
printing a case file and exporting the list."""
