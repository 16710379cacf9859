"""Verified copies of a live SQLite database, and which of them to keep.

Copies are made with SQLite's online backup API (a plain file copy of a WAL database
can miss committed pages), written to a temporary name, synced to disk, reopened and
checked with `PRAGMA integrity_check`, and only then renamed into place, so a backup
file that exists is a backup that opens.

Restoring goes the same way in the other direction (`copy_into`): the backup API writes
the pages into the live file inside one write transaction of the destination, so a
crash half-way leaves the old database, never a mixture.

Backups are named `redband-<kind>-<YYYYmmdd-HHMMSS>.sqlite3`; retention keeps the newest
backup of each of the last 12 days, 10 weeks and 9 months (`to_prune`).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from redband_desktop.db.health import integrity_problems
from redband_desktop.errors import DatabaseError

KEEP_DAILY = 12
KEEP_WEEKLY = 10
KEEP_MONTHLY = 9
_NAME = re.compile(r"^redband-(?P<kind>[a-z-]+?)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.sqlite3$")


def backup_sqlite(src: Path, dest: Path) -> Path:
    """Copy the database at `src` to `dest` and verify the copy; returns `dest`."""
    tmp = dest.with_name(dest.name + ".partial")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        source = sqlite3.connect(f"file:{src}?mode=rw", uri=True, timeout=10)  # rw: may recover a crash
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
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return dest


def copy_into(src: Path, dest: Path) -> None:
    """Replace the contents of the database `dest` with those of `src`, atomically.

    Uses the backup API with `dest` as destination: its pages are written through
    `dest`'s own journal (WAL), so readers and a crash see either the old or the new
    database. `dest` keeps its journal mode."""
    source = sqlite3.connect(f"file:{src}?mode=rw", uri=True, timeout=10)  # rw: may recover a crash
    target = sqlite3.connect(dest, timeout=10)
    try:
        target.execute("PRAGMA synchronous=FULL")
        source.backup(target)
        target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        target.close()
        source.close()


def stamp_station(path: Path, station: str) -> None:
    """Give the database at `path` (a restore's staging copy) the station id `station`."""
    con = sqlite3.connect(path, timeout=10)
    try:
        with con:
            con.execute("insert or replace into settings(key, value) values ('station.id', ?)",
                        (json.dumps(station),))
    finally:
        con.close()


def backup_name(kind: str, when: datetime | None = None) -> str:
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"redband-{kind}-{stamp}.sqlite3"


def unique_path(folder: Path, kind: str, when: datetime | None = None) -> Path:
    """A not-yet-used backup file name in `folder` (two backups in one second get -2 …)."""
    path = folder / backup_name(kind, when)
    n = 1
    while path.exists():
        n += 1
        path = folder / backup_name(kind, when).replace(".sqlite3", f"-{n}.sqlite3")
    return path


def parse_name(path: Path) -> tuple[str, datetime] | None:
    """(kind, time taken) from a backup's file name; None for other files."""
    m = _NAME.match(path.name)
    if not m:
        return None
    try:
        return m["kind"], datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:  # a look-alike name with no such date (31 November): not ours
        return None


@dataclass(frozen=True)
class Dated:
    path: Path
    taken: datetime


def to_prune(backups: list[Dated]) -> list[Path]:
    """Which backups retention drops: all but the newest of each of the last
    `KEEP_DAILY` days, `KEEP_WEEKLY` ISO weeks and `KEEP_MONTHLY` months that have one."""
    keep: set[Path] = set()
    ordered = sorted(backups, key=lambda b: b.taken, reverse=True)
    buckets = (
        (KEEP_DAILY, lambda t: t.date()),
        (KEEP_WEEKLY, lambda t: t.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda t: (t.year, t.month)),
    )
    for limit, key in buckets:
        seen: set = set()
        for b in ordered:
            k = key(b.taken)
            if k not in seen and len(seen) < limit:
                seen.add(k)
                keep.add(b.path)
    return [b.path for b in ordered if b.path not in keep]


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


__all__ = ["backup_name", "backup_sqlite", "copy_into", "integrity_problems", "parse_name",
           "stamp_station", "to_prune", "unique_path"]
