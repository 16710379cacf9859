"""Districts, sites, buildings and market zones, their heads, and coverage (定点见红)."""
