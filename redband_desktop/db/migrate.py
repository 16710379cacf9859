"""Bring a database to the schema this program expects: backup → upgrade → check.

A fresh database is created at the newest revision. An older one is first copied to a
verified pre-migration backup, then upgraded inside one transaction (SQLite DDL is
transactional, so a failure leaves the old version untouched). A database written by a
newer program is refused and left alone. Nothing here ever deletes user data.

A database already at the newest revision — every start but the first after an update —
is recognised with one query on `alembic_version` against the newest migration file's
`revision` line, without importing Alembic or reading its scripts (about 0.2 s of every
start otherwise).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from redband_desktop.db.backup import backup_name, backup_sqlite
from redband_desktop.db.engine import (
    MIGRATE_OPTION,
    WRITE_OPTION,
    is_sqlite,
    make_engine,
    shown_url,
    sqlite_path,
    translate_error,
)
from redband_desktop.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_REVISION_LINE = re.compile(r"""^revision\s*=\s*["']([^"']+)["']""", re.M)


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@cache
def newest_revision() -> str:
    """The revision of the newest migration file (they are numbered, one after another;
    tests/unit/test_migrations.py checks this agrees with Alembic's head)."""
    newest = max((MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    found = _REVISION_LINE.search(newest.read_text(encoding="utf-8"))
    if found is None:
        raise RuntimeError(f"no revision line in {newest.name}")
    return found.group(1)


def current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def _stored_revision(conn: Connection) -> str | None:
    """The revision recorded in the database, or None when it has no alembic_version table."""
    if "alembic_version" not in inspect(conn).get_table_names():
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(url: str, backups_dir: Path | None) -> MigrationResult:
    """Upgrade the database at `url` to the head revision (see module docstring)."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            current = _stored_revision(conn)
            if current is not None and current == newest_revision():
                return MigrationResult(current, current, None)
            has_tables = bool(set(inspect(conn).get_table_names()) - {"alembic_version"})
        from alembic import command
        from alembic.script import ScriptDirectory

        cfg = alembic_config()
        script = ScriptDirectory.from_config(cfg)
        head = script.get_current_head()
        _refuse_unknown(url, script, current, has_tables, head)
        if current == head:
            return MigrationResult(current, head, None)
        backup = _backup_before(url, backups_dir) if current is not None else None
        migrating = engine.execution_options(**{MIGRATE_OPTION: True, WRITE_OPTION: True})
        with migrating.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            _check_foreign_keys(conn)
        log.info("database %s upgraded from %s to %s", shown_url(url), current, head)
        return MigrationResult(current, head, backup)
    finally:
        # the migrating connection ran with foreign keys off; never reuse it
        engine.dispose()


def location_state(url: str) -> str:
    """What a database location holds, without changing it: "new" (nothing there yet; it
    will be created), "current", or "older" (upgraded after a backup at the next start).
    Raises DatabaseError when it is unreachable, foreign or from a newer program."""
    path = sqlite_path(url)
    if path is not None and not path.exists():
        if not path.parent.is_dir():
            raise DatabaseError("db_unavailable", path=str(path), detail="folder does not exist")
        return "new"
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            current = current_revision(conn)
            has_tables = bool(set(inspect(conn).get_table_names()) - {"alembic_version"})
    except DBAPIError as exc:
        raise translate_error(exc, url) from exc
    finally:
        engine.dispose()
    _refuse_unknown(url, script, current, has_tables, head)
    return "new" if current is None else ("current" if current == head else "older")


def _refuse_unknown(url, script, current, has_tables, head) -> None:  # noqa: ANN001
    if current is None and has_tables:
        raise DatabaseError("db_foreign", path=_where(url))
    if current is not None and current not in {r.revision for r in script.walk_revisions()}:
        raise DatabaseError("db_newer", path=_where(url), found=current, known=head)


def _backup_before(url: str, backups_dir: Path | None) -> Path | None:
    path = sqlite_path(url)
    if path is None or backups_dir is None:
        log.warning("no pre-migration backup for %s (no backup folder, or not a local SQLite file)",
                    shown_url(url))
        return None
    dest = backups_dir / "pre-migration" / backup_name("pre-migration")
    return backup_sqlite(path, dest)


def _check_foreign_keys(conn: Connection) -> None:
    if conn.dialect.name != "sqlite":
        return
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise DatabaseError(
            "database_error", detail=f"foreign keys broken by migration: {broken[:3]}"
        )


def _where(url: str) -> str:
    return shown_url(url)


__all__ = ["MigrationResult", "current_revision", "head_revision", "is_sqlite", "migrate"]
