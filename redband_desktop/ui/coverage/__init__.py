"""The coverage view (定点见红): which buildings and zones lack an active head."""
