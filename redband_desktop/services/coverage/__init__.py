"""Coverage of buildings and market zones by heads and leads (定点见红), station-wide."""
