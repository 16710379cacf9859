"""The incident register at 100,000 and 1,000,000 incidents (100,000 volunteers): what one
keystroke or filter change in the page costs (totals + ordered ids + the first page of
rows), for the common filters and every sort. Floor: raw SQL returning the same count
and first page (floors/sql.py). `make bench`."""

from __future__ import annotations

import statistics
from datetime import date
from pathlib import Path

from bench_data import BENCH_ADMIN, station, station_copy
from floors import sql as floor_sql
from timing import median_ms

from redband_desktop.db.engine import Database, database_url
from redband_desktop.services import build_services
from redband_desktop.services.incidents.query import SORTS
from redband_desktop.services.incidents.types import IncidentFilter


def register_figures(url: str, floor_target: str, label: str, record, target: str, runs: int = 5) -> None:  # noqa: ANN001, PLR0913
    db = Database(url)
    services = build_services(db)
    services.accounts.sign_in(*BENCH_ADMIN)
    incidents = services.incidents
    district = services.sites.tree()[0]
    search = lambda f: incidents.search(f, 100).totals  # noqa: E731
    conn = floor_sql.connect(floor_target)
    try:
        floor_all = median_ms(lambda: floor_sql.register(conn))
        floor_text = median_ms(lambda: floor_sql.register_text(conn, "东门"))
        assert floor_sql.register(conn)[0] == search(IncidentFilter()).total
        assert floor_sql.register_text(conn, "东门")[0] == search(IncidentFilter(text="东门")).total
    finally:
        conn.close()
    record(f"incident register, no filter, {label}", median_ms(lambda: search(IncidentFilter()), runs), "ms",
           floor_all, target)
    record(f"incident register, text 东门, {label}", median_ms(lambda: search(IncidentFilter(text="东门")), runs),
           "ms", floor_text, target)
    others = {
        "category fraud": IncidentFilter(category="fraud"),
        "district + site": IncidentFilter(district_id=district.id, site_id=district.sites[0].id),
        "this year, open": IncidentFilter(date_from=date(2026, 1, 1), status="open"),
    }
    for name, f in others.items():
        record(f"incident register, {name}, {label}", median_ms(lambda f=f: search(f), runs), "ms", None, target)
    sorts = {key: median_ms(lambda k=key: search(IncidentFilter(sort=k, descending=False)), max(1, runs // 2))
             for key in SORTS}
    slowest = max(sorts, key=sorts.get)
    print(f"\nregister sorts at {label} (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in sorts.items()))
    record(f"incident register, slowest sort ({slowest}), {label}", sorts[slowest], "ms", floor_all, target)
    record(f"incident register, median sort, {label}", statistics.median(sorts.values()), "ms", floor_all, target)
    db.dispose()


def test_register_100k(tmp_path: Path, record) -> None:  # noqa: ANN001
    path = station_copy(100_000, 100_000, tmp_path)
    register_figures(database_url(path), str(path), "100k", record, "≤ 50 ms")


def test_register_1m(record) -> None:  # noqa: ANN001
    path = station(100_000, 1_000_000)  # the cached file (signing in adds an audit row)
    register_figures(database_url(path), str(path), "1M", record, "≤ 150 ms", runs=3)  # a sort once: seconds each
