"""Test helper: what someone with write access to the database (a SQLite tool, a server
superuser) can do to the audit trail behind the program's back — drop its triggers,
append a correctly chained entry, cut off the end and rewrite the checkpoint, or edit an
entry and recompute every later hash and the checkpoint."""

from __future__ import annotations

import json

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from redband_desktop.db.engine import Database
from redband_desktop.db.models import AuditEntry, Setting
from redband_desktop.db.models.base import now
from redband_desktop.services.shared.audit_log import HEAD_KEY, _digest


def drop_triggers(db: Database) -> None:
    with db.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            for name in ("audit_log_no_update", "audit_log_no_delete", "audit_log_append_only_insert"):
                conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        else:
            for name in ("audit_log_append_only", "audit_log_append_only_insert"):
                conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON audit_log"))


def _checkpoint(s: Session, entry: AuditEntry) -> None:
    s.merge(Setting(key=HEAD_KEY, value=json.dumps({"id": entry.id, "hash": entry.hash})))


def append_forged(db: Database, summary: str = "伪造的记录", checkpoint: bool = False) -> int:
    """Add one correctly chained entry (the triggers let an insert at the end through)."""
    with db.engine.begin() as conn, Session(conn) as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
        e = AuditEntry(id=last.id + 1, at=now(), user_id=None, username="admin", host="elsewhere",
                       action="create", entity="volunteer", entity_id="1", summary=summary, changes="{}",
                       prev_hash=last.hash)
        e.hash = _digest(e.prev_hash, e)
        s.add(e)
        if checkpoint:
            _checkpoint(s, e)
        s.commit()
        return e.id


def cut_tail(db: Database, keep: int) -> None:
    """Delete every entry after `keep` and move the checkpoint to `keep`."""
    drop_triggers(db)
    with db.engine.begin() as conn, Session(conn) as s:
        s.execute(delete(AuditEntry).where(AuditEntry.id > keep))
        _checkpoint(s, s.get(AuditEntry, keep))
        s.commit()


def rewrite(db: Database, entry_id: int, summary: str) -> None:
    """Change one entry's summary and recompute its hash, every later hash and the checkpoint."""
    drop_triggers(db)
    with db.engine.begin() as conn, Session(conn) as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.id >= entry_id).order_by(AuditEntry.id)))
        prev = entries[0].prev_hash
        entries[0].summary = summary
        for e in entries:
            e.prev_hash = prev
            e.hash = _digest(prev, e)
            prev = e.hash
            s.flush()
        _checkpoint(s, entries[-1])
        s.commit()


def last_id(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) or 0
