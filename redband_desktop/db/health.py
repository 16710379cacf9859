"""Is the station's SQLite file sound? Integrity and foreign-key checks, and moving a
damaged file aside (never deleting it) so the program can start again from a backup.

Everything here opens the file with the plain `sqlite3` module and only reads, so a check
never changes what it checks (beyond the crash recovery SQLite itself does on opening).

"Cannot read it now" is never "damaged": a file another program holds locked (DB
Browser, a backup tool in exclusive mode), a read-only folder or medium, a missing
permission or a disk error raise a `DatabaseError` saying so. Only a file that opens and
fails its check, or is not a database at all, is reported as damaged.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from redband_desktop.db.engine import failure_code
from redband_desktop.errors import DatabaseError

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
        raise DatabaseError("db_unavailable", path=str(path), detail="no such file")
    try:
        return sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=10)
    except sqlite3.Error as exc:
        raise DatabaseError(_reason(path, str(exc)), path=str(path), detail=str(exc)) from exc


def damage_or_raise(path: Path, exc: sqlite3.Error) -> list[str]:
    """A failure while reading: the problem, if it means the file is damaged; otherwise
    (locked, read-only, no access, disk error) a `DatabaseError` saying what it is."""
    code = _reason(path, str(exc))
    if code == "db_corrupt":
        return [str(exc)]
    raise DatabaseError(code, path=str(path), detail=str(exc)) from exc


def _reason(path: Path, detail: str) -> str:
    """The message code of a failure; "unable to open" in a folder nobody may write to
    (a write-protected USB stick, a read-only share) is the read-only medium it is — a
    WAL database cannot even be read there without its shared-memory file."""
    code = failure_code(detail)
    if code == "db_unavailable" and path.parent.exists() and not os.access(path.parent, os.W_OK):
        return "db_read_only"
    return code


def integrity_problems(path: Path, quick: bool = False) -> list[str]:
    """What `integrity_check` (or the faster `quick_check`) reports; empty when sound.
    Raises `DatabaseError` when the file cannot be read now (see the module docstring)."""
    pragma = "quick_check" if quick else "integrity_check"
    con = _connect_ro(path)
    try:
        rows = [r[0] for r in con.execute(f"PRAGMA {pragma}")]
    except sqlite3.Error as exc:
        return damage_or_raise(path, exc)
    finally:
        con.close()
    return [] if rows == ["ok"] else rows


def foreign_key_problems(path: Path) -> list[str]:
    """Rows whose foreign key points at nothing (`PRAGMA foreign_key_check`)."""
    con = _connect_ro(path)
    try:
        rows = con.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.Error as exc:
        return damage_or_raise(path, exc)
    finally:
        con.close()
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
    try:
        os.replace(path, target)
        for suffix in SIDE_FILES:
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.replace(side, target.with_name(target.name + suffix))
    except OSError as exc:  # a read-only folder or medium: say so, change nothing more
        code = "db_read_only" if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) else "db_io_error"
        raise DatabaseError(code, path=str(path), detail=exc.strerror or str(exc)) from exc
    log.error("damaged database %s moved aside to %s", path, target)
    return target
