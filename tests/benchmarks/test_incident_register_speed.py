"""The incident register with 10,000 incidents (about ten years of the station's calls)
and with 100,000: what one keystroke or filter change in the page costs (totals + ordered
ids + the first page of rows), for the common filters and sorts. Prints figures; `make bench`."""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from redband_desktop.db.engine import Database, database_url
from redband_desktop.db.migrate import migrate
from redband_desktop.db.models import Site
from redband_desktop.db.models.incidents import Incident
from redband_desktop.demo.station import load_demo
from redband_desktop.domain.incidents import IncidentCategory, IncidentChannel
from redband_desktop.services import build_services
from redband_desktop.services.incidents.types import IncidentFilter

PLACES = ["东门", "北门", "菜场口", "3栋楼下", "地下车库", "广场", "停车场", "小卖部", "快递柜", "二单元"]


def _register(path: Path, total: int) -> Database:
    url = database_url(path)
    migrate(url, None)
    db = Database(url)
    services = build_services(db)
    services.accounts.create_first_admin("bench", "基准测试", "Speed#2026pw", "Speed#2026pw")
    load_demo(db, today=date(2026, 11, 28))
    rng = random.Random(11)
    with db.write() as s:
        sites = list(s.execute(select(Site.id, Site.district_id, Site.name)))
        start = s.query(Incident).count()
        rows = []
        for n in range(start, total):
            site_id, district_id, name = rng.choice(sites)
            at = datetime(2024, 1, 1) + timedelta(minutes=rng.randrange(1_500_000))
            rows.append({"number": f"BEN-{at.year}-{n:06d}", "received_at": at, "channel": rng.choice(
                list(IncidentChannel)).value, "caller_name": "", "caller_phone": "", "caller_confidential": False,
                "district_id": district_id, "site_id": site_id, "location": f"{name}{rng.choice(PLACES)}",
                "category": rng.choice(list(IncidentCategory)).value, "subcategory": "", "fraud_method": "",
                "summary": "基准数据", "handling_officer": "", "outcome": "", "status": "open", "version": 1})
        for first in range(0, len(rows), 5000):
            s.execute(insert(Incident), rows[first:first + 5000])
    return db


@pytest.mark.parametrize("total", [10_000, 100_000])
def test_register_refresh(tmp_path: Path, total: int) -> None:
    db = _register(tmp_path / "incidents.sqlite3", total)
    services = build_services(db)
    services.accounts.sign_in("bench", "Speed#2026pw")
    incidents = services.incidents
    district = services.sites.tree()[0]
    cases = {
        "no filter (newest first)": IncidentFilter(),
        "text 东门": IncidentFilter(text="东门"),
        "text number 2025-0001": IncidentFilter(text="2025-0001"),
        "category fraud": IncidentFilter(category="fraud"),
        "district + site": IncidentFilter(district_id=district.id, site_id=district.sites[0].id),
        "this year, open": IncidentFilter(date_from=date(2026, 1, 1), status="open"),
        "sorted by site": IncidentFilter(sort="site", descending=False),
        "sorted by volunteers": IncidentFilter(sort="volunteers"),
    }
    print(f"\nincident register, {total:,} incidents — refresh = totals + ordered ids + first 100 rows")
    for label, f in cases.items():
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            totals = incidents.search(f, 100).totals
            times.append((time.perf_counter() - t0) * 1000)
        print(f"  {label:28s} {statistics.median(times):7.1f} ms median  ({totals.total:,} matches)")
    db.dispose()
