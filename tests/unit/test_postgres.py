"""`--db postgresql://…`: migrations, the command line and the checks on a server
database. Runs in `make test-postgres` (REDBAND_TEST_DB_URL set); skipped otherwise."""

from __future__ import annotations

import json

import pytest
from pgtest import ON_POSTGRES, fresh_database

from redband_desktop.cli import main
from redband_desktop.db.engine import Database
from redband_desktop.db.migrate import current_revision, head_revision, migrate

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="needs REDBAND_TEST_DB_URL=postgresql://…")


def test_migrations_create_the_schema_and_are_idempotent() -> None:
    with fresh_database() as url:
        assert migrate(url, None).to_revision == head_revision()
        assert migrate(url, None).from_revision == head_revision()
        db = Database(url)
        with db.engine.connect() as conn:
            assert current_revision(conn) == head_revision()
        db.dispose()


def test_cli_init_stats_check_on_postgres(capsys, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("REDBAND_PASSWORD", "Station#2026")
    with fresh_database() as url:
        assert main(["--db", url, "init", "--station", "金家河派出所", "--admin", "admin"]) == 0
        assert main(["--db", url, "stats", "--json"]) == 0
        capsys.readouterr()
        assert main(["--db", url, "--user", "admin", "check", "--json"]) == 0
        report = json.loads(capsys.readouterr().out)
        assert report["ok"] is True
        checks = {c["name"]: c for c in report["checks"]}
        assert checks["integrity"]["skipped"] and not checks["foreign_keys"]["skipped"]
        assert not checks["audit_chain"]["skipped"]
        assert main(["--db", url, "--user", "admin", "--lang", "en", "backup"]) == 1
        assert "administrator" in capsys.readouterr().err


def test_storage_errors_are_translated_on_postgres() -> None:
    from sqlalchemy import text

    from redband_desktop.errors import DatabaseError

    db = Database("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(DatabaseError) as caught, db.read() as s:
        s.execute(text("select 1"))
    assert caught.value.code == "db_unreachable"
    db.dispose()
