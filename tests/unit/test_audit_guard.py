"""The audit trail's guard in the database (issue #13, items 6–8): an insert that is not
after the last entry is refused (INSERT OR REPLACE would otherwise replace a row without
firing the DELETE trigger); `check` names triggers that are missing, altered or disabled;
an entry appended behind the program's back (checkpoint untouched) is found. On SQLite
and, in `make test-postgres`, on PostgreSQL."""

from __future__ import annotations

import sqlite3

import pytest
import tamper
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from redband_desktop.services import Services
from redband_desktop.services.backups.checks import run_checks


def _some_entries(services: Services) -> None:
    services.station.initialise("金家河派出所")
    for name in ("金家河片区", "滨江片区", "西山片区"):
        services.structure.create_district(name)
    assert tamper.last_id(services.db) >= 4


def _checks(services: Services) -> dict:
    return {r.name: r for r in run_checks(services)}


def test_an_insert_before_the_last_entry_is_refused(services: Services) -> None:
    _some_entries(services)
    last = tamper.last_id(services.db)
    for entry_id in (0, last):  # a gap before the first entry; the last entry's own id
        with pytest.raises(DBAPIError, match="append-only"), services.db.engine.begin() as conn:
            conn.execute(text(
                "insert into audit_log(id, at, user_id, username, host, action, entity, entity_id, summary,"
                " changes, prev_hash, hash) values (:id, '2026-01-01 00:00:00', null, 'x', 'x', 'create', '', '',"
                " '', '{}', :h, :h)"), {"id": entry_id, "h": f"{entry_id:064d}"})
    assert tamper.last_id(services.db) == last
    assert _checks(services)["audit_chain"].ok


@pytest.mark.sqlite_only
def test_insert_or_replace_cannot_replace_an_audit_entry(services: Services) -> None:
    _some_entries(services)
    con = sqlite3.connect(services.db.path)
    first = con.execute("select * from audit_log where id = 1").fetchone()
    last_hash = con.execute("select hash from audit_log order by id desc limit 1").fetchone()[0]
    forged = (1, *first[1:8], "被替换的摘要", *first[9:])
    attempts = [
        ("insert or replace into audit_log values (?,?,?,?,?,?,?,?,?,?,?,?)", forged),
        ("replace into audit_log values (?,?,?,?,?,?,?,?,?,?,?,?)", forged),
        # a new id at the end, but the hash of entry 1: REPLACE would delete entry 1
        ("insert or replace into audit_log values (?,?,?,?,?,?,?,?,?,?,?,?)",
         (999, *first[1:10], last_hash, first[11])),
    ]
    for sql, row in attempts:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute(sql, row)
    con.rollback()
    assert con.execute("select * from audit_log where id = 1").fetchone() == first
    con.close()


def test_check_names_dropped_triggers(services: Services) -> None:
    _some_entries(services)
    assert _checks(services)["audit_triggers"].ok
    tamper.drop_triggers(services.db)
    result = _checks(services)["audit_triggers"]
    assert not result.ok
    text_ = "\n".join(result.problems)
    assert "missing" in text_ and "audit_log_append_only_insert" in text_


def test_check_names_an_altered_or_disabled_trigger(services: Services) -> None:
    with services.db.engine.begin() as conn:
        if conn.dialect.name == "sqlite":  # still there, but it never fires
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
            conn.execute(text("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log WHEN 0 "
                              "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"))
            expected = "audit_log_no_delete: 被改动 altered"
        else:
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
            expected = "audit_log_append_only: 已停用 disabled"
    result = _checks(services)["audit_triggers"]
    assert not result.ok and any(expected in p for p in result.problems), result.problems


def test_a_migrated_database_has_exactly_the_guard(services: Services) -> None:
    from redband_desktop.db.audit_guard import trigger_problems

    with services.db.engine.connect() as conn:
        assert trigger_problems(conn) == []


def test_an_entry_appended_without_the_checkpoint_is_found(services: Services) -> None:
    _some_entries(services)
    forged = tamper.append_forged(services.db)
    result = _checks(services)["audit_chain"]
    assert not result.ok
    assert any(f"#{forged}" in p and "not added by this program" in p for p in result.problems)
    report = services.audit.verify()
    assert not report.ok and report.first_bad_id == forged


def test_the_revision_goes_down_and_up_again_keeping_the_station_id(db_url: str) -> None:
    from alembic import command

    from redband_desktop.db.audit_guard import trigger_problems
    from redband_desktop.db.engine import make_engine
    from redband_desktop.db.migrate import alembic_config

    def station_and_triggers() -> tuple[str | None, list[str]]:
        with engine.connect() as conn:
            station = conn.execute(text("select value from settings where key = 'station.id'")).scalar()
            return station, trigger_problems(conn)

    engine = make_engine(db_url)
    try:
        station, problems = station_and_triggers()
        assert station and problems == []
        for target, step in (("0008_clues", command.downgrade), ("head", command.upgrade)):
            cfg = alembic_config()
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                step(cfg, target)
            if target == "0008_clues":
                kept, problems = station_and_triggers()
                assert kept == station and problems == ["trigger audit_log_append_only_insert: 缺失 missing"]
        assert station_and_triggers() == (station, [])
    finally:
        engine.dispose()
