"""`redband cards …` and `redband verify-card` against a copy of the demo station."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from redband_desktop.cli import main
from redband_desktop.documents.qr import decode_qr_image

ADMIN_PASSWORD = "Station#2026"


@pytest.fixture
def demo_db(_demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    if not isinstance(_demo_file, Path):
        pytest.skip("needs the SQLite demo file")
    path = tmp_path / "demo.sqlite3"
    shutil.copy(_demo_file, path)
    with sqlite3.connect(path) as db:  # before the first batch: the tests list the cards they issue
        db.execute("DELETE FROM cards")
    monkeypatch.setenv("REDBAND_PASSWORD", ADMIN_PASSWORD)
    return str(path)


def test_print_list_revoke_verify(demo_db: str, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "cards.pdf"
    assert main(["--db", demo_db, "--user", "admin", "cards", "print", "--site", "3", "--layout", "cr80",
                 "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main(["--db", demo_db, "cards", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed and {r["status"] for r in listed} == {"valid"}
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", str(out), str(tmp_path / "c")], check=True)
        payload = decode_qr_image(next(tmp_path.glob("c*.png")).read_bytes())[0]
        assert main(["--db", demo_db, "verify-card", payload, "--json"]) == 0
        verdict = json.loads(capsys.readouterr().out)
        assert verdict["status"] == "valid" and verdict["card_no"] == payload.split(":")[2]
    number = listed[0]["card_no"]
    assert main(["--db", demo_db, "--user", "admin", "cards", "revoke", number, "--reason", "遗失"]) == 0
    capsys.readouterr()
    assert main(["--db", demo_db, "cards", "list", "--json", "--status", "revoked"]) == 0
    assert [r["card_no"] for r in json.loads(capsys.readouterr().out)] == [number]


def test_forged_payload_and_missing_sign_in(demo_db: str, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    assert main(["--db", demo_db, "verify-card", "RB1:AAAAAAAA:2026-00001:20291128:XYZ", "--json"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["status"] == "unknown_format"  # not this station's card code: no verdict of forgery
    assert main(["--db", demo_db, "cards", "print", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "--user" in capsys.readouterr().err
