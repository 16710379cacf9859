"""station id and audit inserts: who the database is, and appends only at the end

A random station id (`station.id` in the settings) tells this database's backups from
another's that share a backup folder, so start-up recovery offers only its own. A trigger
refuses any insert into `audit_log` whose id is not greater than the last one, or whose
hash is already there: `INSERT OR REPLACE` would otherwise replace a row (SQLite's REPLACE
deletes the old row without firing the DELETE trigger).

The trigger text is kept here, frozen; `db/audit_guard.py` holds the same definitions for
`redband check`, which reports a trigger that is missing or differs.

Revision ID: 0009_station_id
Revises: 0008_clues
Create Date: 2026-12-02
"""

from __future__ import annotations

import json
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0009_station_id"
down_revision = "0008_clues"
branch_labels = None
depends_on = None

STATION_KEY = "station.id"

SQLITE_INSERT_TRIGGER = (
    "CREATE TRIGGER audit_log_append_only_insert BEFORE INSERT ON audit_log "
    "WHEN NEW.id IS NULL OR NEW.id <= (SELECT coalesce(max(id), 0) FROM audit_log) "
    "OR EXISTS (SELECT 1 FROM audit_log WHERE hash = NEW.hash) "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: new entries go after the last one'); END"
)
PG_INSERT_FUNCTION = (
    "CREATE FUNCTION audit_log_append_at_end() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF NEW.id IS NULL OR NEW.id <= (SELECT coalesce(max(id), 0) FROM audit_log) "
    "OR EXISTS (SELECT 1 FROM audit_log WHERE hash = NEW.hash) THEN "
    "RAISE EXCEPTION 'audit_log is append-only: new entries go after the last one'; END IF; "
    "RETURN NEW; END $$"
)
PG_INSERT_TRIGGER = (
    "CREATE TRIGGER audit_log_append_only_insert BEFORE INSERT ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_at_end()"
)

settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text))


def upgrade() -> None:
    bind = op.get_bind()
    present = bind.execute(sa.select(settings.c.key).where(settings.c.key == STATION_KEY)).first()
    if present is None:
        op.execute(settings.insert().values(key=STATION_KEY, value=json.dumps(str(uuid.uuid4()))))
    if bind.dialect.name == "sqlite":
        op.execute(SQLITE_INSERT_TRIGGER)
    else:
        op.execute(PG_INSERT_FUNCTION)
        op.execute(PG_INSERT_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only_insert")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only_insert ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_at_end()")
    # the station id stays: it names the data, not the schema, and an upgrade keeps it
