"""Statistics over 1,000,000 incidents (ten years at a hundred thousand a year — far more
than a station records, to see the grouped queries and the date-of-occurrence index under
load): what the statistics page asks for one period and comparison, and `redband stats
--json` as a script runs it. The target is 200 ms on a station PC; this prints figures,
it does not assert times. `make bench`."""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from redband_desktop.db.engine import Database, database_url
from redband_desktop.db.migrate import migrate
from redband_desktop.db.models import Site
from redband_desktop.db.models.incidents import Incident
from redband_desktop.domain.incidents import SUBTYPES, IncidentCategory
from redband_desktop.domain.periods import period_for
from redband_desktop.services import build_services

TOTAL = 1_000_000
TODAY = date(2026, 11, 28)
FIRST = datetime(2016, 12, 1)


def _station(path: Path) -> Database:
    url = database_url(path)
    migrate(url, None)
    db = Database(url)
    services = build_services(db)
    services.accounts.create_first_admin("bench", "基准测试", "Speed#2026pw", "Speed#2026pw")
    services.station.initialise("金家河派出所")
    from redband_desktop.demo.station import load_demo

    load_demo(db, today=TODAY, volunteers=200)
    rng = random.Random(17)
    categories = list(IncidentCategory)
    minutes = int((datetime.combine(TODAY, datetime.min.time()) - FIRST).total_seconds() // 60)
    with db.write() as s:
        sites = list(s.execute(select(Site.id, Site.district_id)))
        start = s.query(Incident).count()
        for first in range(start, TOTAL, 20_000):
            rows = []
            for n in range(first, min(first + 20_000, TOTAL)):
                site_id, district_id = rng.choice(sites)
                at = FIRST + timedelta(minutes=rng.randrange(minutes))
                category = rng.choice(categories)
                kind = SUBTYPES.get(category)
                rows.append({"number": f"BEN-{n:07d}", "received_at": at + timedelta(minutes=30), "occurred_at": at,
                             "channel": "110", "caller_name": "", "caller_phone": "", "caller_confidential": False,
                             "district_id": district_id, "site_id": site_id, "location": "", "category": category.value,
                             "subcategory": rng.choice(list(kind)).value if kind else "", "fraud_method": "",
                             "loss_yuan": Decimal(rng.randrange(100, 9000)) if category == "fraud" else None,
                             "summary": "基准数据", "handling_officer": "", "outcome": "", "status": "closed",
                             "version": 1})
            s.execute(insert(Incident), rows)
    return db


def _median_ms(fn, runs: int = 5) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


@pytest.mark.timeout(3600)  # writing a million incidents (through the month table's trigger) takes minutes
def test_statistics_over_a_million_incidents(tmp_path: Path) -> None:
    path = tmp_path / "million.sqlite3"
    t0 = time.perf_counter()
    db = _station(path)
    print(f"\n{TOTAL:,} incidents written in {time.perf_counter() - t0:.0f} s")
    services = build_services(db)
    services.accounts.sign_in("bench", "Speed#2026pw")
    stats = services.stats
    cases = {
        "year to date, 同比": (period_for("ytd", TODAY), "yoy"),
        "last 12 months, 同比": (period_for("last12", TODAY), "yoy"),
        "this month, 环比": (period_for("month", TODAY), "pop"),
        "this quarter, 环比": (period_for("quarter", TODAY), "pop"),
    }
    print("statistics page (every table, chart series and the volunteers' part, both periods):")
    for label, (period, comparison) in cases.items():
        f = stats.figures(period, comparison)
        print(f"  {label:22s} {_median_ms(lambda p=period, c=comparison: stats.figures(p, c)):7.1f} ms median"
              f"  ({f.total.current:,} incidents against {f.total.previous:,})")
    print(f"  stats report (JSON's figures, in process) {_median_ms(stats.report):7.1f} ms median")
    db.dispose()
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "redband_desktop", "--db", str(path), "stats", "--json"],
                              capture_output=True, text=True, timeout=120)
        times.append((time.perf_counter() - t0) * 1000)
        assert done.returncode == 0, done.stderr
    total = json.loads(done.stdout)["incidents"]["total"]
    print(f"  redband stats --json (a new process, start-up included) {statistics.median(times):7.0f} ms median"
          f"  (year to date: {total:,} incidents)")
