"""The duty rota (排班): shift templates, generated shifts, assignments, skipped days."""
