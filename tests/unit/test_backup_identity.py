"""Each database knows its own backups (issue #13, item 4). Every `--db` backs up into the
same per-user folder, so a damaged station file must be offered a backup of itself, not
the newest backup of some other database that happens to share the folder: each database
holds a random station id, every backup carries it, and recovery, the Backups page and
retention look only at backups with this database's id."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import sign_in_admin

from redband_desktop.db.backup import backup_name
from redband_desktop.db.engine import Database, database_url
from redband_desktop.db.migrate import migrate
from redband_desktop.services import Services, build_services
from redband_desktop.services.backups.recovery import recover_if_damaged

pytestmark = pytest.mark.sqlite_only


def damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk would."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2 - size // 2 % 4096)
        f.write(b"\xde\xad\xbe\xef" * (4096 * 8 // 4))


@pytest.fixture
def neighbour(services: Services, tmp_path: Path) -> Services:
    """A second database backing up into the same per-user folder, one hour later."""
    path = tmp_path / "neighbour.sqlite3"
    migrate(database_url(path), None)
    db = Database(database_url(path))
    other = sign_in_admin(build_services(db, services.backups.default_folder()))
    other.station.initialise("邻所")
    yield other
    db.dispose()


def _newer(info_path: Path, hours: int = 1) -> Path:
    """Give a backup a later time in its name (retention and offers go by that time)."""
    from redband_desktop.db.backup import parse_name

    kind, taken = parse_name(info_path)
    return info_path.rename(info_path.with_name(backup_name(kind, taken + timedelta(hours=hours))))


def test_each_database_has_its_own_station_id(services: Services, neighbour: Services) -> None:
    mine, theirs = services.backups.station_id(), neighbour.backups.station_id()
    assert mine and theirs and mine != theirs
    info = services.backups.backup_now()
    assert info.station == mine


def test_recovery_offers_only_a_backup_of_the_damaged_database(services: Services, neighbour: Services) -> None:
    services.station.initialise("金家河派出所")
    mine = services.backups.backup_now()
    _newer(neighbour.backups.backup_now().path)  # the newest backup in the folder is not ours
    path = services.db.path
    services.db.dispose()
    damage(path)
    recovery = recover_if_damaged(database_url(path), services.backups.default_folder())
    assert recovery is not None and recovery.backup is not None
    assert recovery.backup.path == mine.path


def test_a_file_too_damaged_to_say_its_id_is_known_by_its_backups_note(services: Services,
                                                                        neighbour: Services) -> None:
    mine = services.backups.backup_now()
    _newer(neighbour.backups.backup_now().path)
    path = services.db.path
    services.db.dispose()
    path.write_bytes(b"\x00" * 4096 * 4)  # not even the header is left
    recovery = recover_if_damaged(database_url(path), services.backups.default_folder())
    assert recovery is not None and recovery.backup is not None and recovery.backup.path == mine.path


def test_a_database_nobody_can_identify_is_offered_no_stranger(services: Services, neighbour: Services) -> None:
    neighbour.backups.backup_now()
    path = services.db.path
    services.db.dispose()
    path.write_bytes(b"\x00" * 4096 * 4)
    recovery = recover_if_damaged(database_url(path), services.backups.default_folder())
    assert recovery is not None and recovery.backup is None


def test_the_list_and_retention_leave_other_databases_backups_alone(services: Services,
                                                                      neighbour: Services) -> None:
    theirs = neighbour.backups.backup_now().path
    older = _newer(theirs, hours=-48)  # two days old: ours would thin it
    assert [i.path for i in services.backups.list()] == []
    services.backups.backup_now()
    services.backups.prune()
    assert older.exists()
    assert [i.path for i in neighbour.backups.list()] == [older]


def test_restoring_a_backup_from_before_station_ids_keeps_the_databases_id(services: Services,
                                                                           tmp_path: Path) -> None:
    old = services.backups.backup_now().path.rename(tmp_path / "old.sqlite3")
    con = sqlite3.connect(old)
    con.execute("delete from settings where key = 'station.id'")
    con.commit()
    con.close()
    before = services.backups.station_id()
    services.backups.restore(old)
    assert services.backups.station_id() == before


def test_the_command_line_offers_the_databases_own_backup(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Through a real `redband` process: two stations, one damaged."""
    monkeypatch.setenv("REDBAND_PASSWORD", "Station#2026")
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "redband_desktop", "--lang", "en", *args],
                              capture_output=True, text=True, timeout=120)

    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    for db in (a, b):
        done = run("--db", str(db), "init", "--station", f"所{db.stem}", "--admin", "admin")
        assert done.returncode == 0, done.stderr
    assert run("--db", str(a), "--user", "admin", "backup").returncode == 0
    done = run("--db", str(b), "--user", "admin", "backup")
    assert done.returncode == 0, done.stderr
    b_backup = Path(done.stdout.split("Backed up to ", 1)[1].split(" (", 1)[0])
    b_backup = _newer(b_backup)
    damage(a)
    done = run("--db", str(a), "stats")
    assert done.returncode == 1
    folder = b_backup.parent
    registry = json.loads((folder / "stations.json").read_text(encoding="utf-8"))
    assert str(a.resolve()) in registry and str(b.resolve()) in registry
    offered = done.stderr.split("The newest good backup is ", 1)[1].split(" from ", 1)[0]
    assert Path(offered).parent == folder and Path(offered).name.startswith("redband-manual-")
    assert Path(offered) != b_backup and Path(offered).exists()
