"""`redband duty hours`: service hours per volunteer from attendance, most first, with the
total, as text and as JSON, for a period and a district; bad dates are refused."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest

from redband_desktop.cli import main
from redband_desktop.services.rota.types import AttendanceForm
from tests.unit.rota_helpers import shifts_on, template, volunteer

YESTERDAY = date.today() - timedelta(days=1)


@pytest.fixture
def served(services, place, db_path) -> str:  # noqa: ANN001
    """Yesterday's 08:00–10:00 patrol: 张洁 present, 王芳 late by half an hour."""
    services.station.initialise("金家河派出所")
    services.rota.create_template(template(place["compound"].id, start_time=time(8), end_time=time(10),
                                           weekdays=tuple(range(7))))
    services.rota.generate(YESTERDAY, YESTERDAY)
    shift = shifts_on(services, YESTERDAY)[0]
    other = volunteer(services, place["compound"].id, "王芳")
    for vid in (place["volunteer"], other):
        services.rota.assign(shift.id, vid)
    services.rota.record_attendance(shift.id, [
        AttendanceForm(place["volunteer"], "present"),
        AttendanceForm(other, "late", signed_in_at=datetime.combine(YESTERDAY, time(8, 30)))])
    return str(db_path)


def test_hours_as_json_and_text(served, place, capsys) -> None:  # noqa: ANN001
    day = YESTERDAY.isoformat()
    assert main(["--db", served, "duty", "hours", "--from", day, "--to", day, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["volunteers"] == [
        {"volunteer_id": place["volunteer"], "name": "张洁", "shifts": 1, "hours": 2.0},
        {"volunteer_id": report["volunteers"][1]["volunteer_id"], "name": "王芳", "shifts": 1, "hours": 1.5}]
    assert report["total_hours"] == 3.5 and report["from"] == day
    assert main(["--db", served, "--lang", "en", "duty", "hours", "--from", day, "--to", day]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split("\t")[1:] == ["张洁", "1", "2.0"] and "3.5 hours in all" in out
    assert main(["--db", served, "duty", "hours", "--district", str(place["other"].id), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["volunteers"] == []


def test_a_period_backwards_is_refused(served, capsys) -> None:  # noqa: ANN001
    assert main(["--db", served, "duty", "hours", "--from", "2026-05-02", "--to", "2026-05-01"]) == 2
    assert "不能早于" in capsys.readouterr().err


@pytest.mark.skipif(YESTERDAY.year != date.today().year, reason="stats count this year; yesterday was last year")
def test_stats_tell_the_duty_figures(served, capsys) -> None:  # noqa: ANN001
    assert main(["--db", served, "stats", "--json"]) == 0
    duty = json.loads(capsys.readouterr().out)["duty"]
    assert duty["hours"] == 3.5 and duty["attendance_pct"] == 100.0 and duty["volunteers_served"] == 2
    assert main(["--db", served, "--lang", "en", "stats"]) == 0
    assert "  service hours: 3.5 (2 volunteers)" in capsys.readouterr().out
