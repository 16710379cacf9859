"""0012 (duty rota) goes up and down on SQLite and PostgreSQL; the database itself
refuses a second shift of one template on one day."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import pytest
from pgtest import ON_POSTGRES, fresh_database
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from redband_desktop.db.engine import Database, database_url
from tests.unit.test_migrations import _step, table_names

ROTA_TABLES = {"shift_templates", "shifts", "shift_assignments", "skipped_dates", "shift_attendance", "patrol_logs"}
PREVIOUS = "0011_stats_indexes"



def test_rota_tables_go_up_and_down(tmp_path: Path) -> None:
    with fresh_database() if ON_POSTGRES else nullcontext(database_url(tmp_path / "r.sqlite3")) as url:
        _step(url, "upgrade", "0012_duty_rota")
        assert table_names(url) >= ROTA_TABLES
        db = Database(url)
        with db.engine.begin() as conn:
            conn.execute(text("insert into districts (id, name, officer_name, officer_police_no, officer_phone,"
                              " sort_order, created_at, updated_at, version) values (1, '一片区', '', '', '', 0,"
                              " '2026-12-01', '2026-12-01', 1)"))
            conn.execute(text("insert into sites (id, district_id, kind, name, address, notes, created_at,"
                              " updated_at, version) values (1, 1, 'compound', '金色家园', '', '',"
                              " '2026-12-01', '2026-12-01', 1)"))
            conn.execute(text("insert into shift_templates (id, district_id, site_id, duty_type, weekdays, start_time,"
                              " end_time, needed, notes, active, created_at, updated_at, version) values (1, 1, 1,"
                              " 'patrol', 127, '22:00:00', '02:00:00', 2, '', true, '2026-12-01', '2026-12-01', 1)"))
            shift = ("insert into shifts (template_id, district_id, site_id, duty_type, day, starts_at, ends_at,"
                     " needed, created_at, updated_at, version) values (1, 1, 1, 'patrol', '2026-12-02',"
                     " '2026-12-02 22:00:00', '2026-12-03 02:00:00', 2, '2026-12-01', '2026-12-01', 1)")
            conn.execute(text(shift))
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            conn.execute(text(shift))
        db.dispose()
        _step(url, "downgrade", PREVIOUS)
        assert not ROTA_TABLES & table_names(url)
        assert "sites" in table_names(url)
        _step(url, "upgrade", "head")
        assert table_names(url) >= ROTA_TABLES
