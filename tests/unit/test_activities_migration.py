"""0013 (activities) goes up and down on SQLite and PostgreSQL: volunteers already on
file are numbered by year of joining in the order they joined, after the station's
prefix; the counters go on from there; the database refuses a duplicate number and
participant hours of none; going down keeps the volunteers."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import pytest
from pgtest import ON_POSTGRES, fresh_database
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from redband_desktop.db.engine import Database, database_url
from tests.unit.test_migrations import _step

TABLES = {"activities", "activity_participants", "activity_incidents", "activity_photos",
          "volunteer_number_counters"}
PREVIOUS = "0012_duty_rota"
STAMP = "'2026-12-01'"


def _volunteer(conn, vid: int, name: str, joined: str) -> None:  # noqa: ANN001
    conn.execute(text(
        "insert into volunteers (id, name, name_pinyin, name_initials, gender, id_number, birth_date, phone,"
        " address, political_status, background, site_id, joined_on, status, status_since, in_wechat_group,"
        " emergency_name, emergency_phone, notes, created_at, updated_at, version) values"
        f" ({vid}, '{name}', '', '', 'F', 'ID{vid}', '1960-01-01', '', '', 'masses', 'resident', 1, '{joined}',"
        f" 'active', '{joined}', false, '', '', '', {STAMP}, {STAMP}, 1)"))


def _columns(url: str, table: str) -> set[str]:
    db = Database(url)
    try:
        return {c["name"] for c in inspect(db.engine).get_columns(table)}
    finally:
        db.dispose()


def test_activities_go_up_and_down_and_volunteers_are_numbered(tmp_path: Path) -> None:
    with fresh_database() if ON_POSTGRES else nullcontext(database_url(tmp_path / "a.sqlite3")) as url:
        _step(url, "upgrade", PREVIOUS)
        db = Database(url)
        with db.engine.begin() as conn:
            conn.execute(text("insert into settings (key, value) values ('incidents.prefix', '\"ABC\"')"))
            conn.execute(text("insert into districts (id, name, officer_name, officer_police_no, officer_phone,"
                              f" sort_order, created_at, updated_at, version) values (1, '一片区', '', '', '', 0,"
                              f" {STAMP}, {STAMP}, 1)"))
            conn.execute(text("insert into sites (id, district_id, kind, name, address, notes, created_at,"
                              f" updated_at, version) values (1, 1, 'compound', '金色家园', '', '', {STAMP}, {STAMP}, 1)"))
            _volunteer(conn, 1, '张洁', '2020-05-01')
            _volunteer(conn, 2, '李明', '2019-03-01')
            _volunteer(conn, 3, '王芳', '2020-01-15')
        db.dispose()
        _step(url, "upgrade", "0013_activities")
        db = Database(url)
        with db.engine.begin() as conn:
            numbers = dict(conn.execute(text("select name, volunteer_no from volunteers")).all())
            counters = dict(conn.execute(text("select year, last from volunteer_number_counters")).all())
        assert numbers == {"李明": "ABC-ZY2019-00001", "王芳": "ABC-ZY2020-00001", "张洁": "ABC-ZY2020-00002"}
        assert counters == {2019: 1, 2020: 2}
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            conn.execute(text("update volunteers set volunteer_no = 'ABC-ZY2019-00001' where id = 1"))
        with db.engine.begin() as conn:
            conn.execute(text(
                "insert into activities (id, activity_type, theme, day, starts_at, ends_at, district_id, location,"
                " organiser_kind, organiser, notes, cases_note, subject, counts_as_training, created_at,"
                " updated_at, version) values (1, 'anti_fraud', '', '2026-03-08', '2026-03-08 09:00:00',"
                f" '2026-03-08 11:00:00', 1, '', 'station', '', '', '', '', false, {STAMP}, {STAMP}, 1)"))
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            conn.execute(text("insert into activity_participants (activity_id, volunteer_id, minutes)"
                              " values (1, 1, 0)"))
        db.dispose()
        _step(url, "downgrade", PREVIOUS)
        assert "volunteer_no" not in _columns(url, "volunteers")
        db = Database(url)
        with db.engine.begin() as conn:
            assert conn.execute(text("select count(*) from volunteers")).scalar() == 3
            assert not TABLES & set(inspect(conn).get_table_names())
        db.dispose()
        _step(url, "upgrade", "head")
        assert "volunteer_no" in _columns(url, "volunteers")
