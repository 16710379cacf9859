"""`redband` on the command line: init (with and without demo), stats --json, and clear
errors with non-zero exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from redband_desktop.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "redband_desktop", *args], capture_output=True,
                          text=True, timeout=120)


def test_init_then_stats_json(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db = str(tmp_path / "s.sqlite3")
    assert main(["--db", db, "init", "--station", "金家河派出所"]) == 0
    assert "金家河派出所" in capsys.readouterr().out
    assert main(["--db", db, "stats", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["volunteers"]["total"] == 0
    assert set(report["volunteers"]) >= {"total", "by_district", "by_site_kind", "by_status"}


def test_init_demo_in_a_real_process(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite3")
    done = run("--db", db, "init", "--demo")
    assert done.returncode == 0, done.stderr
    stats = run("--db", db, "stats", "--json")
    v = json.loads(stats.stdout)["volunteers"]
    assert v["total"] == 1220 and len(v["by_district"]) == 6
    assert sum(v["by_status"].values()) == 1220 and v["by_site_kind"]["market"] > 0
    report = json.loads(stats.stdout)
    text = run("--db", db, "--lang", "en", "stats").stdout
    assert "Volunteers: 1220" in text
    covered = report["coverage"]["buildings"]
    assert f"Building heads: {covered['covered']}/{covered['total']}" in text
    assert f"Incidents: {report['incidents']['total']}" in text
    assert f"Mediation cases: {report['mediation']['total']}" in text
    assert f"Agreements: {report['mediation']['agreements']}" in text
    assert f"Clue reports: {report['clues']['total']}" in text
    import sqlite3  # the demo's certificates name the station's head and a contact phone

    settings = dict(sqlite3.connect(db).execute("select key, value from settings"))
    assert json.loads(settings["station.head"]) and json.loads(settings["station.phone"])


def test_errors_go_to_stderr_with_nonzero_exit(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db = str(tmp_path / "s.sqlite3")
    assert main(["--db", db, "stats"]) == 1
    assert "redband init" in capsys.readouterr().err
    assert main(["--db", db, "init"]) == 2
    assert "派出所名称" in capsys.readouterr().err
    assert main(["--db", db, "init", "--station", "金家河派出所"]) == 0
    assert main(["--db", db, "--lang", "en", "init", "--station", "x"]) == 1
    assert "already set up" in capsys.readouterr().err


def test_gui_without_display_explains_instead_of_crashing(tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "main.py", "--db", str(tmp_path / "x.sqlite3")],
                          capture_output=True, text=True, env=env, timeout=60,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 2
    assert "XVFB=1" in done.stderr and "Traceback" not in done.stderr


def test_help_for_every_command() -> None:
    for command in ([], ["init"], ["stats"], ["gui"]):
        done = run(*command, "--help")
        assert done.returncode == 0 and "用法：" in done.stdout  # Chinese unless --lang en


def test_init_creates_the_first_admin_who_can_then_sign_in(tmp_path: Path, monkeypatch, capsys) -> None:  # noqa: ANN001
    db = str(tmp_path / "s.sqlite3")
    monkeypatch.setenv("REDBAND_PASSWORD", "Jjh#2026pass")
    assert main(["--db", db, "init", "--station", "金家河派出所", "--admin", "chenqing"]) == 0
    assert main(["--db", db, "--user", "chenqing", "stats", "--json"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("REDBAND_PASSWORD", "wrong-password")
    assert main(["--db", db, "--user", "chenqing", "stats"]) == 2
    assert "密码不正确" in capsys.readouterr().err


def test_weak_admin_password_is_refused_and_nothing_is_created(tmp_path: Path, monkeypatch, capsys) -> None:  # noqa: ANN001
    db = str(tmp_path / "s.sqlite3")
    monkeypatch.setenv("REDBAND_PASSWORD", "short")
    assert main(["--db", db, "init", "--station", "金家河派出所", "--admin", "chenqing"]) == 2
    assert "至少 8 位" in capsys.readouterr().err
    monkeypatch.setenv("REDBAND_PASSWORD", "Jjh#2026pass")
    assert main(["--db", db, "init", "--station", "金家河派出所", "--admin", "chenqing"]) == 0


def test_export_needs_a_signed_in_user(tmp_path: Path, monkeypatch, capsys) -> None:  # noqa: ANN001
    db, out = str(tmp_path / "s.sqlite3"), tmp_path / "roster.xlsx"
    monkeypatch.setenv("REDBAND_PASSWORD", "Jjh#2026pass")
    assert main(["--db", db, "init", "--station", "金家河派出所", "--admin", "chenqing"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "export", "volunteers", str(out)]) == 2
    assert "--user" in capsys.readouterr().err and not out.exists()
    assert main(["--db", db, "--user", "chenqing", "export", "volunteers", str(out), "--full"]) == 0
    assert out.read_bytes()[:2] == b"PK" and "0 行" in capsys.readouterr().out


def test_reading_commands_never_create_a_database(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """Only `init`, the window's first start and `restore` create: `stats`, `check`, `export`
    and `cards list` on a path with no database say so and leave nothing behind, and on an
    empty file write nothing into it."""
    missing, empty = tmp_path / "none.sqlite3", tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    for path in (missing, empty):
        for command in (["stats"], ["check"], ["cards", "list"], ["export", "volunteers", str(tmp_path / "x.xlsx")]):
            assert main(["--db", str(path), *command]) == 1, command
            assert "没有红袖标数据库" in capsys.readouterr().err
    assert not missing.exists() and empty.stat().st_size == 0
    assert not (tmp_path / "x.xlsx").exists()
