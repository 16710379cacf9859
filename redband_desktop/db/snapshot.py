"""What a backup (or a damaged, moved-aside) SQLite file says about itself, read without
changing it: which station's database it is, and the head of its audit chain.

A backup is a whole copy, so it carries the station id (`settings` row `station.id`) and
its audit trail; these are the "metadata" that let recovery offer only this database's
backups and let `redband check` compare the live chain with every backup it can read.
Files are opened read-only (`mode=ro`; `immutable=1` when even that fails, as for a file
whose WAL cannot be opened), and every failure reads as "unknown" (None).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

STATION_KEY = "station.id"


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[sqlite3.Connection]:
    if not path.is_file():
        raise sqlite3.OperationalError(f"no such file: {path}")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        con.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.Error:
        con = sqlite3.connect(f"file:{path}?immutable=1", uri=True, timeout=5)
    try:
        yield con
    finally:
        con.close()


def station_id_of(path: Path) -> str | None:
    """The station id stored in the file, or None (no id yet, not a database, unreadable)."""
    try:
        with _reading(path) as con:
            row = con.execute("select value from settings where key = ?", (STATION_KEY,)).fetchone()
        value = json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError, TypeError):
        return None
    return value if isinstance(value, str) and value else None


def audit_head_of(path: Path) -> tuple[int, str] | None:
    """(id, hash) of the last audit entry in the file; None when it has none or is unreadable."""
    try:
        with _reading(path) as con:
            row = con.execute("select id, hash from audit_log order by id desc limit 1").fetchone()
    except sqlite3.Error:
        return None
    return (int(row[0]), str(row[1])) if row else None


def audit_hashes_of(path: Path, upto: int) -> Iterator[tuple[int, str]]:
    """(id, hash) of the file's audit entries up to `upto`, in order (to find where a
    backup and the live chain part)."""
    with _reading(path) as con:
        yield from con.execute("select id, hash from audit_log where id <= ? order by id", (upto,))
