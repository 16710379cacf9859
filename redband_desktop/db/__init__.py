"""Persistence: engine and pragmas, ORM models, Alembic migrations, backups."""
