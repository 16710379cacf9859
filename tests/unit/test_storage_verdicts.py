""""Cannot read it now" is never "damaged": a sound database another program holds with an
exclusive lock, or one on a read-only medium, is reported as such and never moved aside;
a damaged file on a read-only medium is reported, not renamed with a traceback.

The read-only medium is a real one: a small tmpfs mounted read-only (the suite runs as
root in CI); where mounting is not allowed the test says so and is skipped."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from redband_desktop.db.engine import database_url
from redband_desktop.db.migrate import migrate
from redband_desktop.errors import DatabaseError
from redband_desktop.services.backups.recovery import recover_if_damaged
from redband_desktop.services.opening import StationDamaged, open_station

pytestmark = pytest.mark.sqlite_only


def _moved_aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.damaged-*"))


@contextlib.contextmanager
def held_exclusively(path: Path) -> Iterator[None]:
    """Another program (DB Browser, a backup tool) holding the file in exclusive mode."""
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE IF NOT EXISTS other_program (x)")
    holder.commit()  # in exclusive mode the lock outlives the transaction
    try:
        yield
    finally:
        holder.close()


def test_a_locked_sound_database_is_in_use_not_damaged(db_path: Path, tmp_path: Path) -> None:
    with held_exclusively(db_path):
        with pytest.raises(DatabaseError) as caught:
            recover_if_damaged(database_url(db_path), tmp_path / "backups")
        assert caught.value.code == "db_locked" and "占用" in caught.value.message("zh_CN")
        with pytest.raises(DatabaseError) as opened:  # the window's way in says the same
            open_station(database_url(db_path), tmp_path / "backups", create=True)
        assert opened.value.code == "db_locked" and not isinstance(opened.value, StationDamaged)
        done = subprocess.run([sys.executable, "-m", "redband_desktop", "--db", str(db_path), "stats"],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 1 and "占用" in done.stderr and "Traceback" not in done.stderr
    assert _moved_aside(db_path) == [] and db_path.exists()
    assert recover_if_damaged(database_url(db_path), tmp_path / "backups") is None  # free again: sound


@pytest.fixture
def read_only_medium(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(a sound database, a damaged one) on a medium mounted read-only."""
    mount = tmp_path / "usb"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("mounting a read-only medium needs root with mount rights")
    try:
        sound, damaged = mount / "station.sqlite3", mount / "damaged.sqlite3"
        migrate(database_url(sound), None)
        migrate(database_url(damaged), None)
        with damaged.open("r+b") as f:  # overwrite pages past the header: a damaged file
            f.seek(4096)
            f.write(b"\xff" * 8192)
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield sound, damaged
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


def test_read_only_medium_is_never_written(read_only_medium: tuple[Path, Path], tmp_path: Path) -> None:
    sound, damaged = read_only_medium
    backups = tmp_path / "backups"
    try:
        assert recover_if_damaged(database_url(sound), backups) is None
    except DatabaseError as exc:  # WAL needs its shared-memory file beside the database
        assert exc.code in ("db_read_only", "db_unavailable")
    with pytest.raises(DatabaseError) as caught:  # damaged, but it cannot be moved aside
        recover_if_damaged(database_url(damaged), backups)
    assert caught.value.code == "db_read_only" and "只读" in caught.value.message("zh_CN")
    for path in (sound, damaged):
        done = subprocess.run([sys.executable, "-m", "redband_desktop", "--db", str(path), "check"],
                              capture_output=True, text=True, timeout=120)
        assert "Traceback" not in done.stderr, done.stderr
    assert sorted(p.name for p in sound.parent.iterdir()) == ["damaged.sqlite3", "station.sqlite3"]


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
//fileserver/station /mnt/station cifs rw,vers=3.0 0 0
server:/export/red\\040band /home/clerk/Shared\\040drive nfs4 rw 0 0
/dev/sdb1 /mnt/station/local-disk ext4 rw 0 0
"""


def test_a_network_share_is_recognised_from_the_mount_table() -> None:
    from redband_desktop.db.location import _windows_share, filesystem_of

    assert filesystem_of(Path("/mnt/station/redband.sqlite3"), MOUNTS) == "cifs"
    assert filesystem_of(Path("/home/clerk/Shared drive/db.sqlite3"), MOUNTS) == "nfs4"
    assert filesystem_of(Path("/mnt/station/local-disk/db.sqlite3"), MOUNTS) is None  # a disk mounted inside
    assert filesystem_of(Path("/mnt/stationery/db.sqlite3"), MOUNTS) is None  # a longer name is not inside
    assert filesystem_of(Path("/home/clerk/db.sqlite3"), MOUNTS) is None
    assert _windows_share(r"\\fileserver\station\redband.sqlite3") == "SMB"
    assert _windows_share("redband.sqlite3") is None


def test_commands_warn_about_a_share_and_still_run(db_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from redband_desktop.cli import main
    from redband_desktop.services import opening

    monkeypatch.setattr(opening, "network_share", lambda _path: "cifs")
    assert main(["--db", str(db_path), "init", "--station", "金家河派出所"]) == 0
    assert main(["--db", str(db_path), "stats"]) == 0
    err = capsys.readouterr().err
    assert "网络共享（cifs）" in err and "PostgreSQL" in err
    monkeypatch.setattr(opening, "network_share", lambda _path: None)
    assert main(["--db", str(db_path), "stats"]) == 0
    assert capsys.readouterr().err == ""
