"""Verified copies of a live SQLite database.

Copies are made with SQLite's online backup API (a plain file copy of a WAL database
can miss committed pages), written to a temporary name, synced to disk, reopened and
checked with `PRAGMA integrity_check`, and only then renamed into place, so a backup
file that exists is a backup that opens.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from redband_desktop.errors import DatabaseError


def integrity_problems(path: Path, quick: bool = False) -> list[str]:
    """What `integrity_check` (or `quick_check`) reports; empty when the file is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = [r[0] for r in con.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        con.close()
    return [] if rows == ["ok"] else rows


def backup_sqlite(src: Path, dest: Path) -> Path:
    """Copy the database at `src` to `dest` and verify the copy; returns `dest`."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    tmp.unlink(missing_ok=True)
    try:
        source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        finally:
            target.close()
            source.close()
        _fsync(tmp)
        problems = integrity_problems(tmp)
        if problems:
            raise DatabaseError("db_backup_failed", detail="; ".join(problems[:3]))
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError("db_backup_failed", detail=str(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def backup_name(kind: str, when: datetime | None = None) -> str:
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"redband-{kind}-{stamp}.sqlite3"


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    _fsync(path)
