"""Shared fixtures: every test gets its own user folders and a real temporary SQLite
database migrated by Alembic; the demo station is built once per run and copied."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Property tests check what is true, not how fast: on a loaded two-core machine one example
# may take longer than hypothesis' default 200 ms deadline without anything being wrong.
settings.register_profile("redband", deadline=None)
settings.load_profile("redband")

from pgtest import ON_POSTGRES, create_database, drop_database, fresh_database  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from redband_desktop.db.engine import Database, database_url  # noqa: E402
from redband_desktop.db.migrate import migrate  # noqa: E402
from redband_desktop.services import Services, build_services  # noqa: E402

DEMO_TODAY = date(2026, 11, 28)
ADMIN = ("admin", "Station#2026")  # the administrator every services fixture signs in as


def sign_in_admin(services: Services) -> Services:
    """Create the first administrator if there is none, and sign in as them."""
    if services.setup.needs_admin():
        services.accounts.create_first_admin(ADMIN[0], "系统管理员", ADMIN[1], ADMIN[1])
    else:
        services.accounts.sign_in(*ADMIN)
    return services


@pytest.fixture
def sign_in():  # noqa: ANN201
    """`sign_in(services)` signs in as the administrator (creating them first if needed)."""
    return sign_in_admin


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep logs, data and backups of code under test out of the real home folder."""
    for var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(var, str(tmp_path / "home" / var.lower()))


@pytest.fixture(autouse=True)
def _locale_restored(request: pytest.FixtureRequest):  # noqa: ANN202 - a generator fixture
    """A UI test that shows the window in Chinese (QLocale.setDefault) leaves the next test
    in the same worker the language it started with (the pages' words follow the locale)."""
    yield
    if "ui" in request.path.parts:
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale.system())


@pytest.fixture(autouse=True)
def _no_unexpected_message_boxes(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """UI tests: a message box (or text question) nobody expected fails the test at once,
    naming what it said, instead of waiting modally for a click that never comes (which
    hangs the run). A test that expects one patches the QMessageBox / QInputDialog
    function itself."""
    if "ui" not in request.path.parts:
        return
    from PySide6.QtWidgets import QMessageBox

    def unexpected(kind: str):  # noqa: ANN202
        def box(_parent, title, text, *_args, **_kwargs):  # noqa: ANN001, ANN202
            raise AssertionError(f"unexpected {kind} message box: {title}: {text}")
        return box

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, unexpected(kind))
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", unexpected("input"))  # e.g. the mediation committee's name


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not ON_POSTGRES:
        return
    skip = pytest.mark.skip(reason="a test of the SQLite file itself (backups, integrity, kills)")
    for item in items:
        if "sqlite_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def db_url(request: pytest.FixtureRequest) -> str:
    """The test's database URL: the migrated `db_path` file, or with
    REDBAND_TEST_DB_URL=postgresql://… a fresh migrated PostgreSQL database."""
    if not ON_POSTGRES:
        yield database_url(request.getfixturevalue("db_path"))
        return
    with fresh_database() as url:
        migrate(url, None)
        yield url


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    if ON_POSTGRES:
        pytest.skip("needs a SQLite file (REDBAND_TEST_DB_URL points at PostgreSQL)")
    path = tmp_path / "station.sqlite3"
    migrate(database_url(path), tmp_path / "backups")
    return path


@pytest.fixture
def services(db_url: str) -> Services:
    db = Database(db_url)
    yield sign_in_admin(build_services(db))
    db.dispose()


@pytest.fixture(scope="session")
def _demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from redband_desktop.demo.station import load_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    url = create_database() if ON_POSTGRES else database_url(path)  # PG: a TEMPLATE database
    migrate(url, None)
    db = Database(url)
    svc = sign_in_admin(build_services(db))
    load_demo(db, today=DEMO_TODAY)
    svc.station.initialise("金家河派出所")
    db.dispose()
    yield url if ON_POSTGRES else path
    if ON_POSTGRES:
        drop_database(url)


@pytest.fixture
def demo_services(_demo_file: Path, tmp_path: Path) -> Services:
    """The demonstration station (1,220 volunteers, 1,100-odd active), a fresh copy for each test."""
    if ON_POSTGRES:
        with fresh_database(template=make_url(str(_demo_file)).database) as url:
            db = Database(url)
            yield sign_in_admin(build_services(db))
            db.dispose()
        return
    path = tmp_path / "demo.sqlite3"
    shutil.copy(_demo_file, path)
    db = Database(database_url(path))
    yield sign_in_admin(build_services(db))
    db.dispose()


@pytest.fixture
def place(services: Services) -> dict:
    """Two districts with a compound each and one volunteer of the first compound: where
    incidents and clues are recorded in their service tests."""
    from redband_desktop.domain.idnumber import make_id_number
    from redband_desktop.services.roster.types import VolunteerForm

    d = services.structure.create_district("金家河片区", officer_name="陈卿")
    other = services.structure.create_district("滨江片区")
    compound = services.structure.create_site(d.id, "compound", "金色家园")
    far = services.structure.create_site(other.id, "compound", "滨江花园")
    v = services.roster.create(VolunteerForm(
        name="张洁", id_number=make_id_number("510104", date(1988, 3, 8), 24), phone="13808712345",
        background="resident", political_status="masses", site_id=compound.id, joined_on=date(2021, 7, 1)))
    return {"district": d, "other": other, "compound": compound, "far": far, "volunteer": v.volunteer.id}


@pytest.fixture
def demo_without_cards(demo_services: Services) -> Services:
    """The demo station before its first card batch: the demo issues cards to most active
    volunteers, and the card tests count exactly what they issue themselves."""
    from sqlalchemy import delete

    from redband_desktop.db.models import Card

    with demo_services.db.write() as s:
        s.execute(delete(Card))
    return demo_services
