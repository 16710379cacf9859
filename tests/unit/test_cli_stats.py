"""`redband stats` with a period and a comparison: exactly the JSON keys the README
describes, the text under its sub-headings, and bad dates refused naming the option."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from redband_desktop.cli import main
from redband_desktop.db.engine import Database, database_url
from redband_desktop.db.models import District, Site
from redband_desktop.db.models.incidents import Incident

KEYS = {"period", "compare_to", "incidents", "zero_incident_sites", "zero_incident_sites_previous",
        "volunteers", "coverage", "mediation", "clues", "duty", "activities", "service"}


def _station(tmp_path: Path) -> str:
    db = str(tmp_path / "s.sqlite3")
    assert main(["--db", db, "init", "--station", "金家河派出所"]) == 0
    database = Database(database_url(Path(db)))
    with database.write() as s:
        d = District(name="金家河片区", sort_order=1)
        quiet, busy = Site(district=d, kind="compound", name="碧水苑"), Site(district=d, kind="compound", name="金色家园")
        s.add_all([d, quiet, busy])
        s.flush()
        for n, (when, category) in enumerate([(datetime(2026, 3, 2, 10), "dispute"), (datetime(2025, 3, 2, 10), "dispute"),
                                              (datetime(2025, 3, 3, 10), "dispute"), (datetime(2026, 3, 9), "fraud")]):
            s.add(Incident(number=f"T{n}", received_at=when, channel="110", district_id=d.id, site_id=busy.id,
                           category=category, status="open"))
    database.dispose()
    return db


def test_stats_json_keys_and_figures(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db = _station(tmp_path)
    capsys.readouterr()
    assert main(["--db", db, "stats", "--from", "2026-03-01", "--to", "2026-03-31", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == KEYS
    assert report["period"] == {"from": "2026-03-01", "to": "2026-03-31"}
    assert report["compare_to"] == {"from": "2025-03-01", "to": "2025-03-31"}
    assert (report["duty"]["from"], report["duty"]["to"]) == ("2026-03-01", "2026-03-31")
    assert report["activities"]["total"] == 0 and report["activities"]["from"] == "2026-03-01"
    assert report["service"] == {"from": "2026-03-01", "to": "2026-03-31", "volunteers": 0, "hours": 0, "top": []}
    i = report["incidents"]
    assert set(i) == {"total", "by_category", "by_group", "by_district", "contact_by_site_kind"}
    assert i["total"] == 2 and i["by_category"]["dispute"] == {"current": 1, "previous": 2, "change_pct": -50}
    assert i["by_category"]["fraud"] == {"current": 1, "previous": 0, "change_pct": None}
    assert set(i["by_group"]) == {"dispute", "crime_fraud", "public_order"}
    assert i["by_district"]["金家河片区"]["current"] == 2
    assert set(i["contact_by_site_kind"]) == {"compound", "market", "organization", "none"}
    assert report["zero_incident_sites"] == [{"name": "碧水苑", "kind": "compound", "district": "金家河片区"}]
    assert report["zero_incident_sites_previous"] == 2
    assert main(["--db", db, "stats", "--from", "2026-03-01", "--to", "2026-03-31", "--compare", "pop", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["compare_to"] == {"from": "2026-01-29", "to": "2026-02-28"}


def test_stats_text_has_sub_headings_and_the_station_wording(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db = _station(tmp_path)
    capsys.readouterr()
    assert main(["--db", db, "stats", "--from", "2026-03-01", "--to", "2026-03-31"]) == 0
    out = capsys.readouterr().out
    for heading in ("统计时段", "警情", "接触性警情（按场所类型）", "零发案小区、单位", "志愿者", "人民调解", "线索"):
        assert f"\n{heading}\n" in f"\n{out}"
    assert "同比下降50%" in out and "新增" in out and "1 个，对比期 2 个（减少 1 个）" in out
    assert main(["--db", db, "--lang", "en", "stats", "--from", "2026-03-01", "--to", "2026-03-31"]) == 0
    assert "down 50% year on year" in capsys.readouterr().out


def test_bad_periods_are_refused_naming_the_field(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db = _station(tmp_path)
    capsys.readouterr()
    assert main(["--db", db, "stats", "--from", "2026-05-01", "--to", "2026-03-31"]) != 0
    assert "结束日期" in capsys.readouterr().err
    assert main(["--db", db, "--lang", "en", "stats", "--to", "2026-03-31"]) != 0
    assert "Start date" in capsys.readouterr().err
