"""The site page (District → Site → Building/Zone, details and heads) and the coverage view."""
