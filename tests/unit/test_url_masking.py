"""Issue #13, item 15: a PostgreSQL URL's password never reaches a log, a message or the
About box. Every place that names the database goes through `shown_url`."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest
from sqlalchemy import text

from redband_desktop.db.engine import Database, database_url, shown_url
from redband_desktop.db.migrate import migrate
from redband_desktop.errors import DatabaseError, RedbandError
from redband_desktop.services.station.setup import check_location, shown_location

SECRET = "S3cret-Pw"
URL = f"postgresql://redband:{SECRET}@127.0.0.1:1/redband"


def test_shown_url_hides_the_password() -> None:
    assert shown_url(URL) == "postgresql://redband:***@127.0.0.1:1/redband"
    assert SECRET not in shown_url(f"postgresql+psycopg2://redband:{SECRET}@db.station.lan:5432/rb?sslmode=require")
    assert "p%40ss" not in shown_url("postgresql://u:p%40ss%3Aword@host/db")  # an encoded @ and : inside
    assert shown_url("postgresql://u@host/db") == "postgresql://u@host/db"  # nothing to hide
    assert shown_url("postgresql://u:pw@host:notaport/db").count("pw") == 0  # not readable as a URL
    assert shown_location(URL) == shown_url(URL) and shown_location("") == ""


def test_a_sqlite_file_is_shown_as_its_path(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "station.sqlite3"
    assert shown_url(database_url(path)) == str(path)


def _never_secret(text: str) -> None:
    assert SECRET not in text, text


def test_opening_an_unusable_server_says_where_without_the_password(caplog) -> None:  # noqa: ANN001
    caplog.set_level(logging.DEBUG)
    # Without a PostgreSQL driver a RedbandError; with one, the driver's refusal.
    with pytest.raises(Exception) as caught:  # noqa: PT011 - which one depends on this PC
        migrate(URL, None)
    if not isinstance(caught.value, RedbandError):
        _never_secret(str(caught.value))
        _never_secret(caplog.text)
        return
    for lang in ("zh_CN", "en"):
        _never_secret(caught.value.message(lang))
    _never_secret(str(caught.value))
    _never_secret(caplog.text)


def test_testing_a_server_location_says_why_without_the_password() -> None:
    with pytest.raises(Exception) as caught:  # noqa: PT011 - File → Database location → Test
        check_location(URL)
    text = caught.value.message("zh_CN") if isinstance(caught.value, RedbandError) else str(caught.value)
    _never_secret(text)


def test_a_database_error_names_the_server_without_the_password() -> None:
    try:
        db = Database(URL)
    except DatabaseError as exc:  # this PC has no PostgreSQL driver: that message too
        _never_secret(exc.message("en"))
        assert "127.0.0.1" in exc.message("en")
        return
    _never_secret(db.shown)
    with pytest.raises(DatabaseError) as caught, db.read() as s:
        s.execute(text("select 1"))
    _never_secret(caught.value.message("en"))


def test_the_command_line_never_prints_the_password(tmp_path) -> None:  # noqa: ANN001
    for args in (("stats",), ("init", "--station", "金家河派出所"), ("check",)):
        done = subprocess.run([sys.executable, "-m", "redband_desktop", "--db", URL, *args],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode != 0
        _never_secret(done.stdout + done.stderr)
        assert "127.0.0.1" in done.stdout + done.stderr


@pytest.fixture
def on_server(services, monkeypatch):  # noqa: ANN001, ANN201
    """The station as if it were on a PostgreSQL server reached with a password: the
    engine stays the test's own, only the location the code names is the server's."""
    monkeypatch.setattr(services.db, "url", URL)
    return services


def test_messages_about_the_station_database_hide_the_password(on_server) -> None:  # noqa: ANN001
    on_server.station.initialise("金家河派出所")
    with pytest.raises(DatabaseError) as caught:  # already set up: the message says where
        on_server.station.initialise("金家河派出所")
    assert "127.0.0.1" in caught.value.message("zh_CN")
    _never_secret(caught.value.message("zh_CN"))
    with pytest.raises(DatabaseError) as caught:  # a server is its administrator's to back up
        on_server.backups.backup_now()
    _never_secret(caught.value.message("zh_CN") + caught.value.message("en"))


def test_the_upgrade_log_names_the_server_without_the_password(tmp_path, monkeypatch, caplog) -> None:  # noqa: ANN001
    from redband_desktop.db import migrate as migrating
    from redband_desktop.db.engine import make_engine

    file = database_url(tmp_path / "server.sqlite3")
    monkeypatch.setattr(migrating, "make_engine", lambda _url: make_engine(file))
    caplog.set_level(logging.INFO)
    migrating.migrate(URL, tmp_path / "backups")
    assert "upgraded" in caplog.text and "127.0.0.1" in caplog.text
    _never_secret(caplog.text)
