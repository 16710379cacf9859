"""The database triggers that keep `audit_log` append-only, as they should be, and what
differs from that in a database (for `redband check`).

The migrations (0002 and 0009) create the triggers with their own frozen copies of the
text below; a test checks that a migrated database has exactly these. Someone with write
access to the file or server can drop or change a trigger and then edit the trail; the
hash chain and its anchors outside the file catch the edit, and this check says that the
guard itself was touched.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

_SQLITE_REFUSE = "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
SQLITE_TRIGGERS: dict[str, str] = {
    "audit_log_no_update": f"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log {_SQLITE_REFUSE}",
    "audit_log_no_delete": f"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log {_SQLITE_REFUSE}",
    "audit_log_append_only_insert": (
        "CREATE TRIGGER audit_log_append_only_insert BEFORE INSERT ON audit_log "
        "WHEN NEW.id IS NULL OR NEW.id <= (SELECT coalesce(max(id), 0) FROM audit_log) "
        "OR EXISTS (SELECT 1 FROM audit_log WHERE hash = NEW.hash) "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: new entries go after the last one'); END"
    ),
}

# PostgreSQL: trigger name → (pg_trigger.tgtype bits, function, the function's body).
# tgtype: 1 row-level, 2 before, 4 insert, 8 delete, 16 update.
PG_TRIGGERS: dict[str, tuple[int, str, str]] = {
    "audit_log_append_only": (
        1 | 2 | 8 | 16, "audit_log_append_only",
        "BEGIN RAISE EXCEPTION 'audit_log is append-only'; END",
    ),
    "audit_log_append_only_insert": (
        1 | 2 | 4, "audit_log_append_at_end",
        "BEGIN IF NEW.id IS NULL OR NEW.id <= (SELECT coalesce(max(id), 0) FROM audit_log) "
        "OR EXISTS (SELECT 1 FROM audit_log WHERE hash = NEW.hash) THEN "
        "RAISE EXCEPTION 'audit_log is append-only: new entries go after the last one'; END IF; "
        "RETURN NEW; END",
    ),
}


def trigger_problems(conn: Connection) -> list[str]:
    """Each guard trigger that is missing, altered or disabled, and any other trigger on
    `audit_log`; empty when the guard is as the migrations made it."""
    if conn.dialect.name == "sqlite":
        return _sqlite_problems(conn)
    return _postgres_problems(conn)


def _same(a: str, b: str) -> bool:
    return _squash(a) == _squash(b)


def _squash(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def _sqlite_problems(conn: Connection) -> list[str]:
    found = dict(conn.execute(text(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")).all())
    problems = []
    for name, sql in SQLITE_TRIGGERS.items():
        if name not in found:
            problems.append(f"trigger {name}: 缺失 missing")
        elif not _same(found[name] or "", sql):
            problems.append(f"trigger {name}: 被改动 altered: {_squash(found[name] or '')[:160]}")
    problems += [f"trigger {name}: 多余的触发器 unexpected: {_squash(sql or '')[:160]}"
                 for name, sql in found.items() if name not in SQLITE_TRIGGERS]
    return problems


def _postgres_problems(conn: Connection) -> list[str]:
    rows = conn.execute(text(
        "SELECT t.tgname, t.tgtype, t.tgenabled, p.proname, p.prosrc FROM pg_trigger t "
        "JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = to_regclass('audit_log') "
        "AND NOT t.tgisinternal")).all()
    found = {r.tgname: r for r in rows}
    problems = []
    for name, (tgtype, function, body) in PG_TRIGGERS.items():
        row = found.get(name)
        if row is None:
            problems.append(f"trigger {name}: 缺失 missing")
        elif row.tgenabled not in ("O", "A"):  # D: disabled; R: fires only on replicas
            problems.append(f"trigger {name}: 已停用 disabled")
        elif row.tgtype != tgtype or row.proname != function or not _same(row.prosrc, body):
            problems.append(f"trigger {name}: 被改动 altered: {row.proname}: {_squash(row.prosrc)[:160]}")
    problems += [f"trigger {name}: 多余的触发器 unexpected ({row.proname})"
                 for name, row in found.items() if name not in PG_TRIGGERS]
    return problems
