"""The volunteer roster: search, records, status, personal-data rights and export."""
