"""Alembic migration environment and revisions (the schema's only owner)."""
