"""0014 (service records) goes up and down on SQLite and PostgreSQL: the tables appear,
the database refuses a second evaluation of a year, stars out of 1–5 and a duplicate
certificate number; going down removes them and keeps the volunteers."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import pytest
from pgtest import ON_POSTGRES, fresh_database
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from redband_desktop.db.engine import Database, database_url
from tests.unit.test_activities_migration import STAMP, _volunteer
from tests.unit.test_migrations import _step, table_names

TABLES = {"commendations", "evaluations", "certificates", "certificate_counters"}



def test_service_records_go_up_and_down(tmp_path: Path) -> None:
    with fresh_database() if ON_POSTGRES else nullcontext(database_url(tmp_path / "r.sqlite3")) as url:
        _step(url, "upgrade", "0012_duty_rota")
        db = Database(url)
        with db.engine.begin() as conn:
            conn.execute(text("insert into districts (id, name, officer_name, officer_police_no, officer_phone,"
                              f" sort_order, created_at, updated_at, version) values (1, '一片区', '', '', '', 0,"
                              f" {STAMP}, {STAMP}, 1)"))
            conn.execute(text("insert into sites (id, district_id, kind, name, address, notes, created_at,"
                              f" updated_at, version) values (1, 1, 'compound', '金色家园', '', '', {STAMP}, {STAMP}, 1)"))
            _volunteer(conn, 1, '张洁', '2020-05-01')
        db.dispose()
        _step(url, "upgrade", "0014_service_records")
        assert table_names(url) >= TABLES
        db = Database(url)
        evaluation = ("insert into evaluations (volunteer_id, year, stars, comment, evaluated_by, created_at,"
                      " updated_at, version) values (1, 2026, {stars}, '', 'officer', " + STAMP + ", " + STAMP + ", 1)")
        with db.engine.begin() as conn:
            conn.execute(text(evaluation.format(stars=5)))
            conn.execute(text("insert into certificates (number, volunteer_id, first_day, last_day, minutes, content,"
                              " issued_on, issued_at, issued_by, printed_count) values ('2026-0001', 1, '2026-01-01',"
                              " '2026-12-31', 600, '巡逻防范 5 次', '2026-12-01', '2026-12-01 09:00:00', 'admin', 1)"))
        for bad in (evaluation.format(stars=4), evaluation.replace("2026", "2025").format(stars=6),
                    "insert into certificates (number, volunteer_id, first_day, last_day, minutes, content, issued_on,"
                    " issued_at, issued_by, printed_count) values ('2026-0001', 1, '2026-01-01', '2026-12-31', 60, '',"
                    " '2026-12-01', '2026-12-01 10:00:00', 'admin', 1)"):
            with pytest.raises(IntegrityError), db.engine.begin() as conn:
                conn.execute(text(bad))
        db.dispose()
        _step(url, "downgrade", "0013_activities")
        assert not TABLES & table_names(url)
        db = Database(url)
        with db.engine.begin() as conn:
            assert conn.execute(text("select count(*) from volunteers")).scalar() == 1
        db.dispose()
        _step(url, "upgrade", "0014_service_records")
        assert table_names(url) >= TABLES
