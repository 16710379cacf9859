"""The incident register page (警情登记) and the incident dialog."""
