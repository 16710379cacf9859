"""Exported backups are sealed with a passphrase (issue #13, item 16): a copy carried away
on a USB stick holds no ID number, phone or name in clear; it is AES-256-GCM under an
Argon2id key, in the documented format; it is checked by decrypting it after writing;
restoring it asks for the passphrase, and a wrong one is a clear message that changes
nothing. The station's own automatic backups stay plain SQLite files."""

from __future__ import annotations

import sqlite3
import struct
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from redband_desktop.db.health import table_counts
from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.errors import DatabaseError, ValidationError
from redband_desktop.services import Services

pytestmark = pytest.mark.sqlite_only
MAGIC = b"RBSEALED"
HEADER_SIZE = 63  # see the format in the README and db/sealed_backup.py


def is_sealed(path: Path) -> bool:
    return path.read_bytes()[:8] == MAGIC


def unseal(src: Path, dest: Path, passphrase: str) -> str:
    from redband_desktop.db.sealed_backup import unseal as real

    return real(src, dest, passphrase)
PASSPHRASE = "金家河 backup 2026"
ID_NUMBER = make_id_number("510104", date(1988, 3, 8), 24)  # the `place` fixture's volunteer


def _export(services: Services, tmp_path: Path) -> Path:
    dest = tmp_path / "usb" / "金家河.rbk"
    services.backups.export(dest, PASSPHRASE, PASSPHRASE)
    return dest


def test_an_export_holds_no_personal_data_in_clear(services: Services, place: dict, tmp_path: Path) -> None:
    data = _export(services, tmp_path).read_bytes()
    assert data.startswith(MAGIC) and b"SQLite format 3" not in data
    for clear in (ID_NUMBER.encode(), b"13808712345", "张洁".encode(), "金色家园".encode()):
        assert clear not in data
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(tmp_path / "usb" / "金家河.rbk").execute("select * from sqlite_master").fetchall()


def test_the_format_is_as_documented(services: Services, tmp_path: Path) -> None:
    dest = _export(services, tmp_path)
    magic, version, kdf, t, m, p = struct.unpack(">8sBBIIB", dest.read_bytes()[:19])
    assert (magic, version, kdf, t, m, p) == (b"RBSEALED", 1, 1, 3, 64 * 1024, 4)
    plain = tmp_path / "plain.sqlite3"
    unseal(dest, plain, PASSPHRASE)
    assert dest.stat().st_size == HEADER_SIZE + plain.stat().st_size + 16  # header, ciphertext, tag
    assert sqlite3.connect(plain).execute("select count(*) from settings").fetchone()[0] >= 1


def test_restore_asks_for_the_passphrase_and_a_wrong_one_changes_nothing(services: Services, place: dict,
                                                                        tmp_path: Path) -> None:
    dest = _export(services, tmp_path)
    services.station.initialise("改名以后")
    live = services.db.path
    before = _dump(services)
    backups_before = {i.path for i in services.backups.list()}
    with pytest.raises(ValidationError) as caught:
        services.backups.restore(dest)  # no passphrase
    assert "passphrase" in caught.value.field_messages()
    with pytest.raises(ValidationError) as caught:
        services.backups.restore(dest, "not the passphrase")
    assert "口令不正确" in caught.value.message("zh_CN") and "未改动" in caught.value.message("zh_CN")
    assert "Wrong passphrase" in caught.value.message("en")
    assert _dump(services) == before
    assert {i.path for i in services.backups.list()} == backups_before  # not even a pre-restore copy
    assert not list(live.parent.glob("*.unsealed*")) and not list(live.parent.glob("*.restoring*"))
    services.backups.restore(dest, PASSPHRASE)
    assert services.station.settings().name == ""  # as exported: before the station was named
    assert table_counts(live, ("volunteers",)) == {"volunteers": 1}


def _dump(services: Services) -> list[str]:
    """Everything the database holds, as SQL (after the engine has let go of the file)."""
    services.db.dispose()
    con = sqlite3.connect(services.db.path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_a_damaged_export_is_a_clear_message(services: Services, tmp_path: Path) -> None:
    dest = _export(services, tmp_path)
    data = bytearray(dest.read_bytes())
    data[HEADER_SIZE + 100] ^= 0x01
    dest.write_bytes(bytes(data))
    with pytest.raises(DatabaseError) as caught:
        services.backups.restore(dest, PASSPHRASE)
    assert caught.value.code == "backup_sealed_damaged" and "未改动" in caught.value.message("zh_CN")


def test_the_passphrase_is_typed_twice_and_long_enough(services: Services, tmp_path: Path) -> None:
    dest = tmp_path / "x.rbk"
    with pytest.raises(ValidationError) as caught:
        services.backups.export(dest, "short", "short")
    assert set(caught.value.field_messages()) == {"passphrase"}
    with pytest.raises(ValidationError) as caught:
        services.backups.export(dest, PASSPHRASE, PASSPHRASE + "!")
    assert set(caught.value.field_messages()) == {"passphrase_confirm"}
    assert not dest.exists()


def test_an_export_that_does_not_decrypt_is_not_left_behind(services: Services, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from redband_desktop.services.backups import export

    real_seal = export.seal

    def faulty(src: Path, dest: Path, passphrase: str) -> str:  # a stick that flips a bit
        digest = real_seal(src, dest, passphrase)
        data = bytearray(dest.read_bytes())
        data[-100] ^= 0x40
        dest.write_bytes(bytes(data))
        return digest

    monkeypatch.setattr(export, "seal", faulty)
    dest = tmp_path / "usb" / "x.rbk"
    with pytest.raises(DatabaseError) as caught:
        services.backups.export(dest, PASSPHRASE, PASSPHRASE)
    assert caught.value.code == "backup_verify_failed"
    assert not list(dest.parent.iterdir())


def test_automatic_backups_stay_plain_and_restore_without_a_passphrase(services: Services) -> None:
    info = services.backups.auto_backup_if_due()
    assert info is not None and not is_sealed(info.path)
    assert sqlite3.connect(info.path).execute("select count(*) from settings").fetchone()[0] >= 1
    services.backups.restore(info.path)


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([sys.executable, "-m", "redband_desktop", "--lang", "en", *args],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                          env={**os.environ, **env})


def test_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through real `redband` processes: no passphrase, no export; the passphrase from
    $REDBAND_BACKUP_PASSPHRASE seals it; a wrong one on restore changes nothing."""
    from redband_desktop.paths import UserDirs

    monkeypatch.setenv("REDBAND_PASSWORD", "Station#2026")
    monkeypatch.delenv("REDBAND_BACKUP_PASSPHRASE", raising=False)
    db = tmp_path / "s.sqlite3"
    assert run("--db", str(db), "init", "--station", "金家河派出所", "--admin", "admin").returncode == 0
    usb = tmp_path / "usb.rbk"
    refused = run("--db", str(db), "--user", "admin", "backup", "--out", str(usb))
    assert refused.returncode == 2 and "REDBAND_BACKUP_PASSPHRASE" in refused.stderr and not usb.exists()
    done = run("--db", str(db), "--user", "admin", "backup", "--out", str(usb), REDBAND_BACKUP_PASSPHRASE=PASSPHRASE)
    assert done.returncode == 0 and "encrypted" in done.stdout and is_sealed(usb)
    con = sqlite3.connect(db)
    con.execute("update settings set value = '\"改名\"' where key = 'station.name'")
    con.commit()
    con.close()
    wrong = run("--db", str(db), "--user", "admin", "restore", str(usb), REDBAND_BACKUP_PASSPHRASE="wrong one!!")
    assert wrong.returncode == 2 and "Wrong passphrase" in wrong.stderr and "not changed" in wrong.stderr
    assert _station_name(db) == "改名"
    assert not list(UserDirs.default().backups.glob("pre-restore/*"))
    missing = run("--db", str(db), "--user", "admin", "restore", str(usb))
    assert missing.returncode == 2 and "REDBAND_BACKUP_PASSPHRASE" in missing.stderr
    done = run("--db", str(db), "--user", "admin", "restore", str(usb), REDBAND_BACKUP_PASSPHRASE=PASSPHRASE)
    assert done.returncode == 0, done.stderr
    assert _station_name(db) == "金家河派出所"


def _station_name(db: Path) -> str:
    import json

    con = sqlite3.connect(db)
    try:
        return json.loads(con.execute("select value from settings where key = 'station.name'").fetchone()[0])
    finally:
        con.close()
