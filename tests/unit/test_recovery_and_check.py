"""A damaged file is found at start-up, moved aside (never deleted) and the newest good
backup is offered with its date; `redband check`, `backup` and `restore` on the command
line, with non-zero exits when something is wrong."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from redband_desktop.cli import main
from redband_desktop.db.engine import database_url
from redband_desktop.db.health import integrity_problems, table_counts
from redband_desktop.services import Services
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


def test_damaged_file_is_moved_aside_and_the_newest_good_backup_offered(demo_services: Services) -> None:
    good = demo_services.backups.backup_now()
    path = demo_services.db.path
    demo_services.db.dispose()
    damage(path)
    assert integrity_problems(path, quick=True)
    recovery = recover_if_damaged(database_url(path), demo_services.backups.default_folder())
    assert recovery is not None
    assert not path.exists() and recovery.moved_to.exists()  # moved, not deleted
    assert recovery.moved_to.name.startswith(path.name + ".damaged-")
    assert recovery.backup is not None and recovery.backup.path == good.path
    text = recovery.error().message("zh_CN")
    assert "已损坏" in text and str(recovery.moved_to) in text and f"{good.taken:%Y-%m-%d %H:%M}" in text
    assert "redband restore" in recovery.error().message("en")


def test_sound_file_is_left_alone(services: Services) -> None:
    assert recover_if_damaged(services.db.url, services.backups.default_folder()) is None
    assert services.db.path.exists()


ADMIN = ["--user", "admin"]


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDBAND_PASSWORD", "Station#2026")
    monkeypatch.setenv("REDBAND_BACKUP_PASSPHRASE", "金家河 backup 2026")


def init(db: Path | str) -> None:
    assert main(["--db", str(db), "init", "--station", "金家河派出所", "--admin", "admin"]) == 0


def test_cli_check_passes_on_a_sound_database(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db = str(tmp_path / "s.sqlite3")
    init(db)
    capsys.readouterr()
    assert main(["--db", db, *ADMIN, "check", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    checks = {c["name"]: c for c in report["checks"]}
    assert set(checks) >= {"integrity", "foreign_keys", "schema", "audit_chain", "audit_triggers",
                           "audit_anchors"}
    assert not checks["audit_chain"]["skipped"]  # the administrator may verify it
    assert main(["--db", db, "check", "--json"]) == 0  # the chain is verified without signing in too
    report = json.loads(capsys.readouterr().out)
    audit = next(c for c in report["checks"] if c["name"] == "audit_chain")
    assert audit["ok"] and not audit["skipped"]


def test_cli_check_fails_on_damage_and_broken_foreign_keys(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db = tmp_path / "s.sqlite3"
    init(db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("insert into sites(district_id, kind, name, address, notes, created_at, updated_at, version)"
                " values (999, 'compound', '幽灵小区', '', '', '2026-01-01', '2026-01-01', 1)")
    con.commit()
    con.close()
    capsys.readouterr()
    assert main(["--db", str(db), "check"]) == 1
    out = capsys.readouterr().out
    assert "记录之间的关联：有问题" in out and "sites" in out and "数据库完整性：正常" in out


def test_cli_check_reports_a_damaged_file(demo_services: Services, capsys) -> None:  # noqa: ANN001
    path = demo_services.db.path
    demo_services.db.dispose()
    damage(path)
    assert main(["--db", str(path), "check", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert next(c for c in report["checks"] if c["name"] == "integrity")["ok"] is False
    assert path.exists()  # check only looks


def test_cli_backup_and_restore_round_trip(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db = tmp_path / "s.sqlite3"
    init(db)
    usb = tmp_path / "usb" / "copy.sqlite3"
    assert main(["--db", str(db), *ADMIN, "--lang", "en", "backup", "--out", str(usb)]) == 0
    assert "verified" in capsys.readouterr().out
    assert main(["--db", str(db), *ADMIN, "backup"]) == 0
    assert "已备份" in capsys.readouterr().out
    con = sqlite3.connect(db)
    con.execute("update settings set value='\"改名派出所\"' where key='station.name'")
    con.commit()
    con.close()
    # replacing a sound database needs an administrator
    assert main(["--db", str(db), "restore", str(usb)]) == 2
    assert "--user" in capsys.readouterr().err
    # stdin is not a terminal under pytest: no question is asked
    assert main(["--db", str(db), *ADMIN, "restore", str(usb)]) == 0
    assert "恢复前" in capsys.readouterr().out
    con = sqlite3.connect(db)
    assert con.execute("select value from settings where key='station.name'").fetchone()[0] == '"金家河派出所"'
    con.close()


def test_cli_restore_of_a_bad_file_exits_non_zero(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db = tmp_path / "s.sqlite3"
    init(db)
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a database")
    assert main(["--db", str(db), *ADMIN, "restore", str(bad)]) == 1
    assert "未改动" in capsys.readouterr().err
    assert table_counts(db, ("settings",))["settings"] >= 1


def test_cli_restore_asks_on_a_terminal_only(tmp_path: Path) -> None:
    """Run in a pseudo-terminal: answering "n" cancels and changes nothing."""
    import os
    import pty

    db = tmp_path / "s.sqlite3"
    init(db)
    usb = tmp_path / "copy.sqlite3"
    assert main(["--db", str(db), *ADMIN, "backup", "--out", str(usb)]) == 0
    primary, secondary = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "redband_desktop", "--db", str(db), "--lang", "en",
                             *ADMIN, "restore", str(usb)], stdin=secondary, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=Path(__file__).resolve().parents[2])
    os.close(secondary)
    os.write(primary, b"n\n")
    out, err = proc.communicate(timeout=60)
    os.close(primary)
    assert proc.returncode == 1, err
    assert b"cancelled" in err
