"""`make bench-postgres`: the roster search, the incident register and the statistics
again on PostgreSQL (the private server `tests/pg-test-server.sh` starts), at 100,000
volunteers and 100,000 incidents, each against its raw-SQL floor (psycopg2) on the same
server. Skipped unless REDBAND_BENCH_DB_URL names the server. The station is generated
once into a database named after the generator's hash and kept for the next run."""

from __future__ import annotations

import os
import statistics

import pytest
from bench_data import fill, source_hash
from test_incident_register_speed import register_figures
from test_roster_speed import floor_keystrokes, keystrokes, open_page, record_keystrokes
from test_stats_speed import home_figures, stats_figures

SERVER = os.environ.get("REDBAND_BENCH_DB_URL", "")
pytestmark = pytest.mark.skipif(not SERVER.startswith("postgresql"), reason="needs REDBAND_BENCH_DB_URL (make bench-postgres)")


@pytest.fixture(scope="module")
def pg_station() -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from redband_desktop.db.engine import with_installed_driver

    name = f"redband_bench_{source_hash()}_100k"
    admin = create_engine(make_url(with_installed_driver(SERVER)).set(database="postgres"),
                          isolation_level="AUTOCOMMIT")
    url = make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if not exists:
            building = name + "_building"
            conn.execute(text(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{building}"'))
            fill(make_url(SERVER).set(database=building).render_as_string(hide_password=False), 100_000, 100_000)
            conn.execute(text(f'ALTER DATABASE "{building}" RENAME TO "{name}"'))
    admin.dispose()
    return url


def test_postgres_roster_100k(pg_station: str, qtbot, record) -> None:  # noqa: ANN001
    _services, page = open_page(pg_station, qtbot)
    counts: dict[str, int] = {}
    timings = keystrokes(page, counts)
    floor = floor_keystrokes(pg_station, counts)
    record_keystrokes(record, "100k, PostgreSQL", timings, floor, ("≤ 20 ms, ≤ 3× floor", "≤ 40 ms, ≤ 3× floor"))
    assert statistics.median(timings) > 0


def test_postgres_register_100k(pg_station: str, record) -> None:  # noqa: ANN001
    register_figures(pg_station, pg_station, "100k, PostgreSQL", record, "≤ 50 ms")


def test_postgres_statistics_and_home_100k(pg_station: str, qapp, record) -> None:  # noqa: ANN001
    stats_figures(pg_station, pg_station, "100k incidents, PostgreSQL", record)
    home_figures(pg_station, "100k volunteers, 100k incidents, PostgreSQL", record)
