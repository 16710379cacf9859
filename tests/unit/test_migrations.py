"""The schema is owned by Alembic: a new file is created at the head revision, an older
file is upgraded after a verified backup, a newer or foreign file is refused untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from redband_desktop.db.backup import integrity_problems
from redband_desktop.db.engine import Database, database_url
from redband_desktop.db.migrate import MIGRATIONS_DIR, head_revision, migrate, newest_revision
from redband_desktop.errors import DatabaseError


def test_new_file_is_created_at_head(tmp_path: Path) -> None:
    url = database_url(tmp_path / "new.sqlite3")
    result = migrate(url, tmp_path / "backups")
    assert result.from_revision is None and result.to_revision == head_revision()
    assert result.backup is None
    con = sqlite3.connect(tmp_path / "new.sqlite3")
    tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    assert {"volunteers", "districts", "sites", "buildings", "market_zones", "settings"} <= tables
    assert con.execute("select version_num from alembic_version").fetchone()[0] == head_revision()


def test_migration_files_are_one_numbered_chain() -> None:
    """The start-up shortcut (`newest_revision`: the newest file's revision line) is only
    right while the files form one chain in the order of their numbers."""
    from alembic.script import ScriptDirectory

    from redband_desktop.db.migrate import alembic_config

    files = sorted(p.stem for p in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    numbers = [f[:4] for f in files]
    assert numbers == [f"{n:04d}" for n in range(1, len(files) + 1)], "migration numbers must run 0001, 0002, …"
    script = ScriptDirectory.from_config(alembic_config())
    chain = [r.revision for r in script.walk_revisions()][::-1]  # oldest first
    assert len(chain) == len(files) and len(script.get_heads()) == 1
    assert newest_revision() == head_revision() == chain[-1]


def test_connections_use_the_safe_pragmas(db_path: Path) -> None:
    db = Database(database_url(db_path))
    with db.read() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    db.dispose()


def test_upgrade_from_previous_revision_keeps_data(tmp_path: Path) -> None:
    """Build the file at the revision before head, put data in, upgrade: data survives
    and a verified pre-migration backup exists."""
    from alembic import command

    from redband_desktop.db.migrate import alembic_config

    path = tmp_path / "old.sqlite3"
    url = database_url(path)
    cfg = alembic_config()
    cfg.set_main_option("sqlalchemy.url", url)
    script_revs = _revisions()
    if len(script_revs) < 2:
        pytest.skip("only one revision so far: nothing older to upgrade from")
    command.upgrade(cfg, script_revs[-2])
    con = sqlite3.connect(path)
    con.execute("insert into settings(key, value) values ('station.name', '\"金家河派出所\"')")
    con.commit()
    con.close()
    result = migrate(url, tmp_path / "backups")
    assert result.backup is not None and result.backup.exists()
    con = sqlite3.connect(path)
    assert con.execute("select value from settings where key = 'station.name'").fetchone()[0] == '"金家河派出所"'


def _revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    from redband_desktop.db.migrate import alembic_config

    return [r.revision for r in reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))]


def test_file_from_newer_version_is_refused_untouched(db_path: Path, tmp_path: Path) -> None:
    con = sqlite3.connect(db_path)
    con.execute("update alembic_version set version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        migrate(database_url(db_path), tmp_path / "backups")
    assert caught.value.code == "db_newer"
    assert "更新版本" in caught.value.message("zh_CN") and "9999_from_the_future" in caught.value.message()
    assert db_path.read_bytes() == before


def test_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "someone-elses.sqlite3"
    con = sqlite3.connect(path)
    con.execute("create table people(name text)")
    con.execute("insert into people values ('张三')")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError) as caught:
        migrate(database_url(path), tmp_path / "backups")
    assert caught.value.code == "db_foreign"
    assert sqlite3.connect(path).execute("select name from people").fetchone() == ("张三",)


@pytest.mark.sqlite_only
def test_backup_copy_is_verified_and_complete(services, tmp_path: Path) -> None:  # noqa: ANN001
    from redband_desktop.db.backup import backup_sqlite

    services.station.initialise("金家河派出所")
    copy = backup_sqlite(services.db.path, tmp_path / "copy.sqlite3")
    assert integrity_problems(copy) == []
    assert sqlite3.connect(copy).execute("select count(*) from settings").fetchone()[0] >= 1
    assert not list(tmp_path.glob("*.partial"))


def test_models_and_migrations_agree(db_path: Path) -> None:
    """A model change without its migration fails here (autogenerate finds a diff)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    from redband_desktop.db.models import Base

    with create_engine(database_url(db_path)).connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def table_names(url: str) -> set[str]:
    """The tables in the database at `url` now (the migration tests' check after a step)."""
    from sqlalchemy import inspect

    db = Database(url)
    try:
        return set(inspect(db.engine).get_table_names())
    finally:
        db.dispose()


def _step(url: str, direction: str, revision: str) -> None:
    """Run one Alembic upgrade or downgrade on `url` (SQLite or PostgreSQL)."""
    from alembic import command

    from redband_desktop.db.migrate import alembic_config

    db = Database(url)
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        getattr(command, direction)(cfg, revision)
    db.dispose()


def test_party_document_type_goes_up_and_down_keeping_parties(tmp_path: Path) -> None:
    """0010 adds a party's document type (existing parties: identity cards) and widens the
    number; going back to 0009 and up again keeps the parties. On PostgreSQL as well."""
    from contextlib import nullcontext

    from pgtest import ON_POSTGRES, fresh_database

    with fresh_database() if ON_POSTGRES else nullcontext(database_url(tmp_path / "p.sqlite3")) as url:
        _step(url, "upgrade", "0009_station_id")
        db = Database(url)
        with db.engine.begin() as conn:
            conn.execute(text(
                "insert into mediation_cases (id, year, seq, number, registered_on, source, dispute_type, summary,"
                " facts, registrar, mediators, deadline, extended, extension_reason, status, terms, perform_method,"
                " perform_place, copies, prevented_criminal, failure_reason, referred_to, version, created_at,"
                " updated_at) values (1, 2026, 1, '(2026)人调字第1号', '2026-11-02', 'applied', 'other', '漏水', '',"
                " '', '', '2026-12-02', false, '', 'registered', '', '', '', 3, false, '', '', 1, '2026-11-02',"
                " '2026-11-02')"))
            conn.execute(text(
                "insert into mediation_parties (case_id, role, name, gender, ethnicity, id_number, occupation,"
                " phone, address, agent) values (1, 'applicant', '李秀兰', 'F', '', '530112196804090374', '', '',"
                " '', '')"))
        db.dispose()
        _step(url, "upgrade", "0010_party_id_type")
        db = Database(url)
        with db.engine.begin() as conn:
            assert conn.execute(text("select id_type, id_number from mediation_parties")).one() == (
                "resident_id", "530112196804090374")
            conn.execute(text("update mediation_parties set id_type = 'passport', id_number = 'E12345678'"))
        db.dispose()
        _step(url, "downgrade", "0009_station_id")
        _step(url, "upgrade", "head")
        db = Database(url)
        with db.engine.begin() as conn:
            assert conn.execute(text("select id_type, id_number from mediation_parties")).one() == (
                "resident_id", "E12345678")
        db.dispose()
