"""Is the station's SQLite file sound? Integrity and foreign-key checks, and moving a
damaged file aside (never deleting it) so the program can start again from a backup.

Everything here opens the file with the plain `sqlite3` module and only reads, so a check
never changes what it checks (beyond the crash recovery SQLite itself does on opening).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class CheckResult:
    """One check of `redband check`: its name, whether it passed and what it found."""

    name: str
    ok: bool
    problems: tuple[str, ...] = field(default_factory=tuple)
    skipped: bool = False

    def as_dict(self) -> dict:
        return {"name": self.name, "ok": self.ok, "skipped": self.skipped,
                "problems": list(self.problems)}


def _connect_ro(path: Path) -> sqlite3.Connection:
    """Open for looking. `mode=rw` (never creating the file), not `mode=ro`: after a crash
    SQLite must be able to roll back a hot journal or recover the WAL before reading, and
    a read-only connection cannot, so a sound file would be reported as damaged. A
    write-protected file is still opened, read-only."""
    if not path.exists():
        raise sqlite3.OperationalError(f"no such file: {path}")
    return sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=10)


def integrity_problems(path: Path, quick: bool = False) -> list[str]:
    """What `integrity_check` (or the faster `quick_check`) reports; empty when sound."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        con = _connect_ro(path)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = [r[0] for r in con.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        con.close()
    return [] if rows == ["ok"] else rows


def foreign_key_problems(path: Path) -> list[str]:
    """Rows whose foreign key points at nothing (`PRAGMA foreign_key_check`)."""
    try:
        con = _connect_ro(path)
        try:
            rows = con.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [f"{table} rowid {rowid} → {parent}" for table, rowid, parent, _fk in rows]


def table_counts(path: Path, tables: tuple[str, ...]) -> dict[str, int]:
    """Row counts of the given tables (missing tables are left out)."""
    con = _connect_ro(path)
    try:
        present = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
        return {t: con.execute(f'select count(*) from "{t}"').fetchone()[0]
                for t in tables if t in present}
    finally:
        con.close()


def schema_revision(path: Path) -> str | None:
    """The Alembic revision stored in the file, or None when it has none."""
    con = _connect_ro(path)
    try:
        row = con.execute("select version_num from alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        con.close()
    return row[0] if row else None


def move_aside(path: Path, when: datetime | None = None) -> Path:
    """Rename a damaged database (and its -wal/-shm/-journal files) to
    `<name>.damaged-<stamp>`; returns the new name of the main file. Nothing is deleted."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, target)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    log.error("damaged database %s moved aside to %s", path, target)
    return target
