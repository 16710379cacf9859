"""When storage fails — a full disk, a read-only file, a database locked by another
program — the user gets a clear message, nothing is half-saved, and the same action
works once the cause is gone. Two PCs editing one record: the second save is refused.

How the faults are made (the suite runs as root in CI, where chmod stops nothing):
- full disk: `PRAGMA max_page_count` on the app's own connections, so SQLite fails with
  SQLITE_FULL exactly as on a full disk;
- read-only: the file opened through a `mode=ro` URI, so SQLite itself refuses to write
  (SQLITE_READONLY, as for a write-protected file or folder);
- locked: a second plain sqlite3 connection holding `BEGIN EXCLUSIVE`.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event, select

from redband_desktop.db import engine as engine_module
from redband_desktop.db.engine import Database, database_url
from redband_desktop.db.health import integrity_problems
from redband_desktop.db.models import Setting
from redband_desktop.errors import ConflictError, DatabaseError

pytestmark = pytest.mark.sqlite_only


def _save(db: Database, key: str, value: str) -> None:
    """One user action: several rows in one transaction."""
    with db.write() as s:
        for i in range(20):
            s.add(Setting(key=f"{key}.{i}", value=json.dumps(value)))


def _keys(path: Path, prefix: str) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("select count(*) from settings where key like ?", (prefix + ".%",)).fetchone()[0]
    finally:
        con.close()


def test_full_disk_is_a_clear_message_and_nothing_is_half_saved(db_path: Path) -> None:
    db = Database(database_url(db_path))
    pages = sqlite3.connect(db_path).execute("PRAGMA page_count").fetchone()[0]

    def cap(dbapi_conn, _record) -> None:  # noqa: ANN001
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + 2}")

    event.listen(db.engine, "connect", cap)
    db.engine.dispose()
    with pytest.raises(DatabaseError) as caught:
        _save(db, "big", "x" * 3000)
    assert caught.value.code == "db_full"
    assert "磁盘" in caught.value.message("zh_CN") and "nothing was saved" in caught.value.message("en")
    assert _keys(db_path, "big") == 0
    assert integrity_problems(db_path) == []
    # space is freed: the same action now works
    event.remove(db.engine, "connect", cap)
    db.engine.dispose()
    _save(db, "big", "x" * 3000)
    assert _keys(db_path, "big") == 20
    db.dispose()


def test_read_only_file_is_a_clear_message(db_path: Path) -> None:
    ro = Database(f"sqlite:///file:{db_path}?mode=ro&uri=true")
    with ro.read() as s:  # reading still works
        assert s.scalars(select(Setting)).all() is not None
    with pytest.raises(DatabaseError) as caught:
        _save(ro, "ro", "x")
    assert caught.value.code == "db_read_only"
    assert "只读" in caught.value.message("zh_CN")
    ro.dispose()
    assert _keys(db_path, "ro") == 0 and integrity_problems(db_path) == []
    rw = Database(database_url(db_path))  # write access is back
    _save(rw, "ro", "x")
    assert _keys(db_path, "ro") == 20
    rw.dispose()


def test_database_locked_by_another_program(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    db = Database(database_url(db_path))
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    with pytest.raises(DatabaseError) as caught:
        _save(db, "locked", "x")
    assert caught.value.code == "db_locked"
    assert "其他程序" in caught.value.message("zh_CN")
    other.execute("ROLLBACK")
    other.close()
    _save(db, "locked", "x")  # the other program let go: it works
    assert _keys(db_path, "locked") == 20
    db.dispose()


def test_two_pcs_editing_the_same_record(db_path: Path) -> None:
    """Two Database objects on one file (two PCs): the second save of the same record is
    refused with a conflict and the first save is kept."""
    from redband_desktop.db.models import District
    from redband_desktop.services.shared.rules import check_version

    url = database_url(db_path)
    pc1, pc2 = Database(url), Database(url)
    with pc1.write() as s:
        d = District(name="一片区")
        s.add(d)
    district_id = d.id
    with pc1.read() as s:
        seen_by_1 = s.get(District, district_id).version
    with pc2.read() as s:
        seen_by_2 = s.get(District, district_id).version

    def rename(db: Database, seen: int, officer: str) -> None:
        with db.write() as s:
            row = s.get(District, district_id)
            check_version(row, seen)
            row.officer_name = officer

    rename(pc1, seen_by_1, "王警官")
    with pytest.raises(ConflictError) as caught:
        rename(pc2, seen_by_2, "李警官")
    assert caught.value.code == "stale_edit"
    with pc2.read() as s:
        assert s.get(District, district_id).officer_name == "王警官"
    pc1.dispose()
    pc2.dispose()
