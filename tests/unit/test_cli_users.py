"""Issue #13, item 21: `redband users add|list|disable|reset-password` for scripted set-ups:
administrators only, the Users page's rules, audited; and, through real `redband`
processes, the other items seen from the command line (a disabled account refused at its
next command, a common password refused, one message for unknown and known names)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from redband_desktop.cli import main

ADMIN_PASSWORD = "Station#2026"
NEW = "Helper#2026x"


@pytest.fixture
def station(tmp_path: Path, monkeypatch) -> str:  # noqa: ANN001
    db = str(tmp_path / "s.sqlite3")
    monkeypatch.setenv("REDBAND_PASSWORD", ADMIN_PASSWORD)
    assert main(["--db", db, "init", "--station", "金家河派出所", "--admin", "admin"]) == 0
    monkeypatch.setenv("REDBAND_NEW_PASSWORD", NEW)
    return db


def _users(db: str, capsys, *args: str, user: str = "admin") -> tuple[int, str, str]:  # noqa: ANN001
    code = main(["--db", db, "--lang", "en", "--user", user, "users", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _listed(db: str, capsys) -> dict[str, dict]:  # noqa: ANN001
    code, out, _ = _users(db, capsys, "list", "--json")
    assert code == 0
    return {u["username"]: u for u in json.loads(out)}


def test_add_list_disable_and_reset(station, capsys) -> None:  # noqa: ANN001
    code, out, err = _users(station, capsys, "add", "chen", "--role", "officer", "--district", "1",
                            "--full-name", "陈卿")
    assert code == 2 and "District" in err  # a fresh station has no district 1: refused by the field
    code, out, err = _users(station, capsys, "add", "wang", "--role", "clerk", "--full-name", "王芳")
    assert code == 0 and "wang" in out, err
    wang = _listed(station, capsys)["wang"]
    assert wang["full_name"] == "王芳" and wang["role"] == "clerk" and wang["active"]
    assert wang["must_change_password"]
    assert _users(station, capsys, "disable", "wang")[0] == 0
    assert not _listed(station, capsys)["wang"]["active"]
    os.environ["REDBAND_NEW_PASSWORD"] = "Another#2026y"
    assert _users(station, capsys, "reset-password", "WANG")[0] == 0
    assert _listed(station, capsys)["wang"]["must_change_password"]


def test_an_officer_needs_a_district_and_the_rules_are_the_pages(station, capsys) -> None:  # noqa: ANN001
    code, _, err = _users(station, capsys, "add", "chen", "--role", "officer")
    assert code == 2 and "district" in err
    code, _, err = _users(station, capsys, "add", "x", "--role", "clerk")
    assert code == 2 and "3–40" in err
    code, _, err = _users(station, capsys, "disable", "admin")  # never the last administrator
    assert code == 2 and "last" in err
    code, _, err = _users(station, capsys, "disable", "nobody")
    assert code == 2 and "nobody" in err


def test_only_administrators(station, capsys, monkeypatch) -> None:  # noqa: ANN001
    assert _users(station, capsys, "add", "wang", "--role", "clerk")[0] == 0
    monkeypatch.setenv("REDBAND_PASSWORD", NEW)
    for args in (("list",), ("add", "li", "--role", "admin"), ("disable", "admin"), ("reset-password", "admin")):
        code, _, err = _users(station, capsys, *args, user="wang")
        assert code == 2 and err, args
    monkeypatch.setenv("REDBAND_PASSWORD", ADMIN_PASSWORD)
    assert set(_listed(station, capsys)) == {"admin", "wang"}


def test_every_change_is_in_the_audit_trail(station, capsys) -> None:  # noqa: ANN001
    from redband_desktop.db.engine import Database, database_url
    from redband_desktop.services import build_services
    from redband_desktop.services.audit.types import AuditFilter

    _users(station, capsys, "add", "wang", "--role", "clerk")
    _users(station, capsys, "disable", "wang")
    _users(station, capsys, "reset-password", "wang")
    services = build_services(Database(database_url(station)))
    services.accounts.sign_in("admin", ADMIN_PASSWORD)
    actions = [e.action for e in services.audit.page(AuditFilter(), 0, 100)]
    assert {"user.create", "user.update", "user.reset_password"} <= set(actions)
    services.db.dispose()


def run(db: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "redband_desktop", "--db", db, "--lang", "en", *args],
                          capture_output=True, text=True, timeout=120, env={**os.environ, **env})


def test_in_real_processes(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite3")
    admin = {"REDBAND_PASSWORD": ADMIN_PASSWORD}
    assert run(db, "init", "--station", "金家河派出所", "--admin", "admin", **admin).returncode == 0
    common = run(db, "--user", "admin", "users", "add", "wang", "--role", "clerk",
                 **admin, REDBAND_NEW_PASSWORD="Qwerty123")
    assert common.returncode == 2 and "commonest" in common.stderr  # item 14
    added = run(db, "--user", "admin", "users", "add", "wang", "--role", "clerk", "--full-name", "王芳",
                **admin, REDBAND_NEW_PASSWORD=NEW)
    assert added.returncode == 0, added.stderr
    listed = json.loads(run(db, "--user", "admin", "users", "list", "--json", **admin).stdout)
    assert [u["username"] for u in listed] == ["admin", "wang"]
    denied = run(db, "--user", "wang", "users", "list", REDBAND_PASSWORD=NEW)
    assert denied.returncode == 2 and "change your initial password" in denied.stderr
    assert run(db, "--user", "admin", "users", "disable", "wang", **admin).returncode == 0
    refused = run(db, "--user", "wang", "stats", REDBAND_PASSWORD=NEW)
    assert refused.returncode == 2 and "deactivated" in refused.stderr
    unknown = run(db, "--user", "nobody", "stats", REDBAND_PASSWORD="Wrong#guess1")
    known = run(db, "--user", "admin", "stats", REDBAND_PASSWORD="Wrong#guess1")
    assert unknown.returncode == known.returncode == 2 and unknown.stderr == known.stderr  # item 14
    no_password = subprocess.run([sys.executable, "-m", "redband_desktop", "--db", db, "--user", "admin",
                                  "users", "reset-password", "admin"], capture_output=True, text=True,
                                 timeout=120, stdin=subprocess.DEVNULL,
                                 env={k: v for k, v in {**os.environ, **admin}.items() if k != "REDBAND_NEW_PASSWORD"})
    assert no_password.returncode == 2 and "REDBAND_NEW_PASSWORD" in no_password.stderr
