"""Crash tests: a child process is SIGKILLed at random moments while it writes, migrates
or restores, and the file must still be sound, complete and openable.

The child is a fork of the test process (SQLAlchemy already imported, so a round costs
milliseconds) and goes through the real engine and pragmas (`Database`, `migrate`,
`restore_file`). It reports each committed transaction on a pipe *after* the commit
returned; the parent kills it, then checks with plain sqlite3.

Figures: `pytest tests/unit/test_kill.py -s` prints the kills, acknowledged records and
lost records (always 0) of each test.
"""

from __future__ import annotations

import os
import random
import select
import shutil
import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from redband_desktop.db.engine import Database, database_url
from redband_desktop.db.health import foreign_key_problems, integrity_problems
from redband_desktop.db.migrate import head_revision, migrate
from redband_desktop.services.backups.recovery import recover_if_damaged

pytestmark = [pytest.mark.sqlite_only, pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")]

WRITE_KILLS = 220


def _fork(child: Callable[[int], None]) -> tuple[int, int]:
    """Run `child(write_fd)` in a forked process; returns (pid, read_fd)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_fd)
        code = 0
        try:
            child(write_fd)
        except BaseException:  # noqa: BLE001
            code = 1
        os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def _read_acks(fd: int, until_first: bool, timeout: float = 10.0) -> bytes:
    """Read what the child wrote; with `until_first`, only until its first line."""
    data = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        chunk = os.read(fd, 65536)
        data += chunk
        if not chunk or (until_first and b"\n" in data):
            break
    return data


def _kill(pid: int, fd: int, first: bytes) -> list[int]:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    rest = first
    while chunk := os.read(fd, 65536):
        rest += chunk
    os.close(fd)
    return [int(x) for x in rest.split(b"\n") if x.strip()]


def _writer(url: str) -> Callable[[int], None]:
    """Writes numbered records: one district, one site referring to it and one setting
    per transaction, then acknowledges the number."""

    def run(fd: int) -> None:  # pragma: no cover - runs in the child
        from sqlalchemy import func, select

        from redband_desktop.db.models import District, Setting, Site

        db = Database(url)
        with db.read() as s:
            n = (s.scalar(select(func.max(District.sort_order))) or 0)
        while True:
            n += 1
            with db.write() as s:
                d = District(name=f"片区{n}", sort_order=n)
                s.add(d)
                s.flush()
                s.add(Site(district_id=d.id, kind="compound", name=f"小区{n}", notes="x" * 500))
                s.add(Setting(key=f"kill.{n}", value=str(n)))
            os.write(fd, f"{n}\n".encode())

    return run


def _records(path: Path) -> tuple[set[int], set[int], set[int]]:
    con = sqlite3.connect(path)
    try:
        districts = {r[0] for r in con.execute("select sort_order from districts")}
        sites = {int(r[0][2:]) for r in con.execute("select name from sites")}
        settings = {int(r[0][5:]) for r in con.execute("select key from settings where key like 'kill.%'")}
    finally:
        con.close()
    return districts, sites, settings


def test_sigkill_while_writing_loses_no_acknowledged_record(db_path: Path) -> None:
    url = database_url(db_path)
    rng = random.Random(20261128)
    acknowledged: set[int] = set()
    kills = 0
    started = time.monotonic()
    for _ in range(WRITE_KILLS):
        pid, fd = _fork(_writer(url))
        if rng.random() < 0.2:  # sometimes before the first commit (start-up, connect)
            time.sleep(rng.uniform(0, 0.02))
            first = b""
        else:
            first = _read_acks(fd, until_first=True)
            time.sleep(rng.uniform(0, 0.03))
        acks = _kill(pid, fd, first)
        kills += 1
        acknowledged.update(acks)
        assert integrity_problems(db_path) == []
        assert foreign_key_problems(db_path) == []
        districts, sites, settings = _records(db_path)
        assert acknowledged <= districts, "an acknowledged record was lost"
        assert districts == sites == settings, "a transaction was saved in part"
    present, _, _ = _records(db_path)
    lost = len(acknowledged - present)
    print(f"\nkill test (writes): kills={kills} acknowledged={len(acknowledged)} "
          f"present={len(present)} lost={lost} in {time.monotonic() - started:.1f}s")
    assert kills >= 200 and lost == 0 and len(acknowledged) > kills


def _revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    from redband_desktop.db.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def _old_file(path: Path) -> str | None:
    """A database one revision behind head with data in it (or an empty file when there
    is only one revision). Returns the old revision."""
    revs = _revisions()
    if len(revs) < 2:
        sqlite3.connect(path).close()
        return None
    from alembic import command

    from redband_desktop.db.migrate import alembic_config

    cfg = alembic_config()
    cfg.set_main_option("sqlalchemy.url", database_url(path))
    command.upgrade(cfg, revs[-2])
    con = sqlite3.connect(path)
    con.execute("insert into settings(key, value) values ('station.name', '\"旧版本\"')")
    con.commit()
    con.close()
    return revs[-2]


def _revision(path: Path) -> str | None:
    con = sqlite3.connect(path)
    try:
        row = con.execute("select version_num from alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        con.close()
    return row[0] if row else None


def test_sigkill_during_migration_leaves_old_or_new_version(tmp_path: Path) -> None:
    pristine = tmp_path / "pristine.sqlite3"
    old = _old_file(pristine)
    path = tmp_path / "station.sqlite3"
    rng = random.Random(7)
    seen = {"old": 0, "new": 0}
    for _ in range(25):
        shutil.copy(pristine, path)
        for side in ("-wal", "-shm", "-journal"):
            Path(f"{path}{side}").unlink(missing_ok=True)
        url = database_url(path)
        pid, fd = _fork(lambda _fd, url=url: migrate(url, tmp_path / "backups"))
        time.sleep(rng.uniform(0, 0.25))
        _kill(pid, fd, b"")
        assert integrity_problems(path) == []
        assert recover_if_damaged(url, tmp_path / "backups") is None  # start-up: not "damaged"
        revision = _revision(path)
        assert revision in (old, head_revision())
        seen["old" if revision == old else "new"] += 1
        migrate(url, tmp_path / "backups")  # the app opens it
        db = Database(url)
        with db.read() as s:
            assert s.connection().exec_driver_sql("select count(*) from settings").scalar() >= (1 if old else 0)
        db.dispose()
        assert foreign_key_problems(path) == []
    print(f"\nkill test (migration): kills=25 old={seen['old']} new={seen['new']}")


def test_sigkill_during_restore_leaves_old_or_restored_database(tmp_path: Path) -> None:
    from redband_desktop.services.backups.recovery import restore_file

    def station(path: Path, name: str, rows: int) -> None:
        url = database_url(path)
        migrate(url, None)
        con = sqlite3.connect(path)
        con.execute("insert into settings(key, value) values ('station.name', ?)", (f'"{name}"',))
        con.executemany("insert into settings(key, value) values (?, ?)",
                        [(f"filler.{i}", "y" * 2000) for i in range(rows)])
        con.commit()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()

    pristine, backup = tmp_path / "old.sqlite3", tmp_path / "backup.sqlite3"
    station(pristine, "OLD", 500)
    station(backup, "NEW", 1500)
    path = tmp_path / "station.sqlite3"
    rng = random.Random(11)
    seen = {"OLD": 0, "NEW": 0}
    for _ in range(25):
        for side in ("-wal", "-shm", "-journal"):
            Path(f"{path}{side}").unlink(missing_ok=True)
        shutil.copy(pristine, path)
        url = database_url(path)
        pid, fd = _fork(lambda _fd, url=url: restore_file(url, tmp_path / "backups", backup))
        time.sleep(rng.uniform(0, 0.3))
        _kill(pid, fd, b"")
        assert integrity_problems(path) == []
        assert recover_if_damaged(url, tmp_path / "backups") is None
        con = sqlite3.connect(path)
        name = con.execute("select value from settings where key='station.name'").fetchone()[0]
        fillers = con.execute("select count(*) from settings where key like 'filler.%'").fetchone()[0]
        con.close()
        assert (name, fillers) in (('"OLD"', 500), ('"NEW"', 1500)), "a mixture of old and new"
        seen[name.strip('"')] += 1
        migrate(url, tmp_path / "backups")  # and the app opens it
    print(f"\nkill test (restore): kills=25 old={seen['OLD']} restored={seen['NEW']}")
