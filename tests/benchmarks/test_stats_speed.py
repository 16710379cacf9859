"""Statistics and the home page over 1,000,000 incidents (ten years at a hundred thousand
a year) and 100,000 volunteers: what the statistics page asks for one period and
comparison, `redband stats --json` as a script runs it, and the home page's refresh.
Floor: the incidents of both periods counted by category in raw SQL (floors/sql.py) —
the page's first table alone. `make bench`."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

from bench_data import BENCH_ADMIN, TODAY, station
from floors import sql as floor_sql
from timing import CHILD_ENV, ROOT, median_ms

from redband_desktop.db.engine import Database, database_url
from redband_desktop.domain.periods import compared_period, period_for
from redband_desktop.services import build_services
from redband_desktop.services.stats.query import bounds

CASES = {
    "year to date, 同比": ("ytd", "yoy"),
    "last 12 months, 同比": ("last12", "yoy"),
    "this month, 环比": ("month", "pop"),
    "this quarter, 环比": ("quarter", "pop"),
}


def stats_figures(url: str, floor_target: str, label: str, record) -> None:  # noqa: ANN001
    db = Database(url)
    services = build_services(db)
    services.accounts.sign_in(*BENCH_ADMIN)
    stats = services.stats
    conn = floor_sql.connect(floor_target)
    try:
        for name, (kind, comparison) in CASES.items():
            period = period_for(kind, TODAY)
            spans = [bounds(period), bounds(compared_period(period, comparison))]
            f = stats.figures(period, comparison)
            counted = floor_sql.statistics(conn, spans)
            assert (sum(counted[0].values()), sum(counted[1].values())) == (f.total.current, f.total.previous)
            record(f"statistics page, {name}, {label}",
                   median_ms(lambda p=period, c=comparison: stats.figures(p, c)), "ms",
                   median_ms(lambda s=spans: floor_sql.statistics(conn, s)), "≤ 200 ms")
    finally:
        conn.close()
    record(f"stats report (the JSON's figures, in process), {label}", median_ms(stats.report), "ms", None,
           "≤ 200 ms")
    db.dispose()


def test_statistics_and_home_1m(qapp, record) -> None:  # noqa: ANN001
    path = station(100_000, 1_000_000)  # the cached file (signing in adds an audit row)
    stats_figures(database_url(path), str(path), "1M incidents", record)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "redband_desktop", "--db", str(path), "stats", "--json"],
                              capture_output=True, text=True, timeout=120, env=CHILD_ENV, cwd=ROOT)
        times.append((time.perf_counter() - t0) * 1000)
        assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["incidents"]["total"] >= 0
    record("redband stats --json (whole process), 1M incidents", statistics.median(times), "ms", None,
           "≤ 200 ms (in process)")
    home_figures(database_url(path), "100k volunteers, 1M incidents", record)


def home_figures(url: str, label: str, record) -> None:  # noqa: ANN001
    from redband_desktop.ui.home.home_page import HomePage

    db = Database(url)
    services = build_services(db)
    services.accounts.sign_in(*BENCH_ADMIN)
    page = HomePage(services)
    page.resize(1366, 728)
    page.show()
    record(f"home page refresh, {label}", median_ms(page.refresh), "ms", None, "≤ 150 ms")
    page.close()
    page.deleteLater()
    db.dispose()
