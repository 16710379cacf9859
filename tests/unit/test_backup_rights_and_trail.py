"""Backups are for administrators and leave a trace (issue #13, items 9 and 10): a backup
by hand, an export and a restore need the settings right, and each of them — and taking
the station's public key — is recorded in the audit trail with who, when, which file and
how many volunteers. Automatic and on-exit backups need no one and stay as they were."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from redband_desktop.errors import PermissionDenied
from redband_desktop.services import Services
from redband_desktop.services.accounts.types import UserForm
from redband_desktop.services.audit.types import AuditFilter, AuditRow

pytestmark = pytest.mark.sqlite_only
PW = "Roles#2026pw"
PASSPHRASE = "金家河 backup 2026"


def _newest(services: Services) -> AuditRow:
    return services.audit.page(AuditFilter(), 0, 1)[0]


@pytest.mark.parametrize("role", ["leader", "officer", "clerk", "viewer"])
def test_only_administrators_back_up_export_and_restore(services: Services, tmp_path: Path, role: str) -> None:
    existing = services.backups.backup_now()
    _add_user(services, role)
    services.accounts.sign_in(role, PW)
    for action in (lambda: services.backups.backup_now(),
                   lambda: services.backups.backup_now("manual"),
                   lambda: services.backups.export(tmp_path / "copy.rbk", PASSPHRASE, PASSPHRASE),
                   lambda: services.backups.restore(existing.path)):
        with pytest.raises(PermissionDenied):
            action()
    assert [i.path for i in services.backups.list()] == [existing.path]
    assert not (tmp_path / "copy.rbk").exists()
    assert services.backups.backup_on_exit() is not None  # automatic backups need no one


def test_a_backup_by_hand_is_in_the_trail(services: Services) -> None:
    info = services.backups.backup_now()
    row = _newest(services)
    assert (row.action, row.entity, row.username) == ("backup", "backup", "admin")
    assert row.changes["file"][1] == str(info.path) and row.changes["volunteers"][1] == 0


def test_an_export_is_in_the_trail(services: Services, place: dict, tmp_path: Path) -> None:
    dest = tmp_path / "usb" / "备份.rbk"
    services.backups.export(dest, PASSPHRASE, PASSPHRASE)
    row = _newest(services)
    assert (row.action, row.entity, row.username) == ("export", "backup", "admin")
    assert row.changes["file"][1] == str(dest) and row.changes["volunteers"][1] == 1
    assert row.changes["sealed"][1] is True


def test_a_restore_is_in_the_restored_databases_trail(services: Services, tmp_path: Path) -> None:
    old = services.backups.backup_now().path.rename(tmp_path / "old.sqlite3")
    result = services.backups.restore(old)
    row = _newest(services)
    assert (row.action, row.entity, row.username) == ("restore", "backup", "admin")
    assert row.changes["file"][1] == str(old) and row.changes["pre_restore"][1] == str(result.pre_restore)
    assert services.audit.verify().ok


def test_taking_the_public_key_is_in_the_trail(services: Services, tmp_path: Path) -> None:
    pem = services.cards.public_key_pem(str(tmp_path / "station.pem"))
    assert pem.startswith("-----BEGIN PUBLIC KEY-----")
    row = _newest(services)
    assert (row.action, row.entity) == ("export", "card")
    assert row.changes["file"][1] == str(tmp_path / "station.pem")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "redband_desktop", "--lang", "en", *args],
                          capture_output=True, text=True, timeout=120)


def test_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through real `redband` processes: a viewer is refused (exit 2, no file); the
    administrator's backup, export, restore and public key all reach the trail."""
    from redband_desktop.paths import UserDirs

    db = str(tmp_path / "s.sqlite3")
    monkeypatch.setenv("REDBAND_PASSWORD", PW)
    monkeypatch.setenv("REDBAND_BACKUP_PASSPHRASE", PASSPHRASE)
    assert run("--db", db, "init", "--station", "金家河派出所", "--admin", "admin").returncode == 0
    _add_viewer(db)
    refused = run("--db", db, "--user", "viewer", "backup")
    assert refused.returncode == 2 and "Permission denied" in refused.stderr
    refused = run("--db", db, "--user", "viewer", "backup", "--out", str(tmp_path / "v.rbk"))
    assert refused.returncode == 2 and not (tmp_path / "v.rbk").exists()
    assert not list(UserDirs.default().backups.glob("redband-*.sqlite3"))
    for args in (["backup"], ["backup", "--out", str(tmp_path / "usb.rbk")],
                 ["restore", str(tmp_path / "usb.rbk")], ["cards", "public-key", "--out", str(tmp_path / "k.pem")]):
        done = run("--db", db, "--user", "admin", *args)
        assert done.returncode == 0, done.stderr
    con = sqlite3.connect(db)
    rows = con.execute("select action, entity, username, changes from audit_log order by id").fetchall()
    con.close()
    trail = [(a, e, u) for a, e, u, _c in rows]
    assert ("backup", "backup", "admin") in trail and ("restore", "backup", "admin") in trail
    assert ("export", "card", "admin") in trail
    assert str(tmp_path / "k.pem") in rows[-1][3]


def _add_viewer(db: str) -> None:
    from redband_desktop.db.engine import Database, database_url
    from redband_desktop.services import build_services

    database = Database(database_url(db))
    services = build_services(database)
    services.accounts.sign_in("admin", PW)
    _add_user(services, "viewer")
    database.dispose()


def _add_user(services: Services, role: str) -> None:
    """An account named after its role, whose user has set their own password (PW)."""
    district = services.structure.create_district(f"{role}片区").id if role == "officer" else None
    services.accounts.create_user(UserForm(role, f"{role}用户", role=role, district_id=district),
                                  "Initial#2026", "Initial#2026")
    services.accounts.sign_in(role, "Initial#2026")
    services.accounts.change_password("Initial#2026", PW, PW)
