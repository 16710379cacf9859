"""`redband check` in a real process fails, naming what it found, on each way of changing
the audit trail behind the program's back (issue #13, items 6–8): dropped triggers, a
replaced entry, an entry appended without the checkpoint, and — once a backup exists — a
chain cut short or rewritten with every hash and the checkpoint recomputed."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import tamper

from redband_desktop.db.engine import Database, database_url

pytestmark = pytest.mark.sqlite_only


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "redband_desktop", "--lang", "en", *args],
                          capture_output=True, text=True, timeout=120)


def _check(db: Path) -> tuple[bool, dict[str, dict]]:
    done = run("--db", str(db), "check", "--json")
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    assert (done.returncode == 0) == report["ok"]
    return report["ok"], {c["name"]: c for c in report["checks"]}


def _replace_first_entry(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_append_only_insert")
    con = sqlite3.connect(db.path)
    row = con.execute("select * from audit_log where id = 1").fetchone()
    con.execute("insert or replace into audit_log values (?,?,?,?,?,?,?,?,?,?,?,?)",
                (*row[:8], "被替换", *row[9:]))
    con.commit()
    con.close()


SCENARIOS: dict[str, tuple[Callable[[Database, int], None], str, str]] = {
    "dropped triggers": (lambda db, _head: tamper.drop_triggers(db), "audit_triggers", "missing"),
    "replaced entry": (lambda db, _head: _replace_first_entry(db), "audit_chain", "#1: "),
    "appended entry": (lambda db, _head: tamper.append_forged(db), "audit_chain", "not added by this program"),
    "cut tail": (lambda db, head: tamper.cut_tail(db, max(1, head - 2)), "audit_anchors", "removed"),
    "rewritten chain": (lambda db, _head: tamper.rewrite(db, 2, "没有发生过"), "audit_anchors", "#2: "),
}


def test_check_names_each_kind_of_tampering(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDBAND_PASSWORD", "Station#2026")
    station = tmp_path / "station.sqlite3"
    assert run("--db", str(station), "init", "--station", "金家河派出所", "--admin", "admin").returncode == 0
    done = run("--db", str(station), "--user", "admin", "backup")
    assert done.returncode == 0, done.stderr
    assert _check(station)[0]
    missed = []
    for name, (change, check, says) in SCENARIOS.items():
        copy = tmp_path / f"{name.replace(' ', '-')}.sqlite3"
        shutil.copy(station, copy)  # same station id: the same backups and witness apply
        db = Database(database_url(copy))
        change(db, tamper.last_id(db))
        db.dispose()
        ok, checks = _check(copy)
        found = checks.get(check, {"ok": True, "problems": []})
        if ok or found["ok"] or not any(says in p for p in found["problems"]):
            missed.append(f"{name}: check {'passed' if ok else 'failed'}, {check}: {found}")
    assert not missed, "\n".join(missed)
