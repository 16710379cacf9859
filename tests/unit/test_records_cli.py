"""`redband certificate / service-record / hours`: a certificate needs a signed-in account
that may see full ID numbers and is refused for a period without service; the record and
the ranking read without signing in, with ID numbers masked."""

from __future__ import annotations

import json
import subprocess
from datetime import datetime

from sqlalchemy import select

from redband_desktop.cli import main
from redband_desktop.db.models import Volunteer
from tests.unit import records_helpers as h


def _number(services, vid: int) -> tuple[str, str]:  # noqa: ANN001
    with services.db.read() as s:
        return s.execute(select(Volunteer.volunteer_no, Volunteer.id_number).where(Volunteer.id == vid)).one()


def test_certificate_record_and_hours_on_the_command_line(services, place, db_path, tmp_path,  # noqa: ANN001
                                                          monkeypatch, capsys) -> None:
    services.station.update_station("金家河派出所", "JJH", "", head="王建国", phone="0871-68123456")
    v = place["volunteer"]
    h.shift(services, place, datetime(2026, 3, 8, 8), datetime(2026, 3, 8, 12), v)
    h.activity(services, place, datetime(2026, 3, 8, 10), datetime(2026, 3, 8, 13), {v: None})
    number, full = _number(services, v)
    db, out = str(db_path), tmp_path / "c.pdf"
    args = [number, "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(out)]
    assert main(["--db", db, "certificate", *args]) == 2  # no --user: refused
    assert not out.exists()
    capsys.readouterr()
    monkeypatch.setenv("REDBAND_PASSWORD", "Station#2026")
    assert main(["--db", db, "--user", "admin", "certificate", number, "--from", "2025-01-01", "--to", "2025-12-31",
                 "--out", str(out)]) == 2
    assert "2025-01-01 至 2025-12-31" in capsys.readouterr().err and not out.exists()
    assert main(["--db", db, "--user", "admin", "certificate", *args]) == 0
    assert "2026-0001" in capsys.readouterr().out
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert full in text and "5 小时" in text
    monkeypatch.delenv("REDBAND_PASSWORD")
    assert main(["--db", db, "service-record", number, "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["total_hours"] == 5 and len(record["services"]) == 2 and full not in record["id_number"]
    assert main(["--db", db, "hours", "--from", "2026-01-01", "--to", "2026-12-31", "--json"]) == 0
    ranking = json.loads(capsys.readouterr().out)
    assert [(r["rank"], r["hours"]) for r in ranking["ranking"]] == [(1, 5.0)]
    assert main(["--db", db, "service-record", "NO-SUCH"]) == 2
    assert "NO-SUCH" in capsys.readouterr().err
