"""Throw-away PostgreSQL databases for the test suite.

`make test-postgres` sets REDBAND_TEST_DB_URL to a server URL (its database part is
ignored); each test then gets a database of its own, created here and dropped after.
The demo station is built once per run and copied with CREATE DATABASE … TEMPLATE.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

SERVER_URL = os.environ.get("REDBAND_TEST_DB_URL", "")
ON_POSTGRES = SERVER_URL.startswith("postgresql")


def _admin():  # noqa: ANN202 - Engine
    from redband_desktop.db.engine import with_installed_driver

    url = make_url(with_installed_driver(SERVER_URL)).set(database="postgres")
    return create_engine(url, isolation_level="AUTOCOMMIT", poolclass=None)


def create_database(template: str | None = None, name: str | None = None) -> str:
    """A new empty database (or a copy of `template`); returns its URL."""
    name = name or f"redband_t_{uuid.uuid4().hex[:12]}"
    admin = _admin()
    try:
        with admin.connect() as conn:
            clause = f' TEMPLATE "{template}"' if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    finally:
        admin.dispose()
    return make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    name = make_url(url).database
    admin = _admin()
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@contextmanager
def fresh_database(template: str | None = None) -> Iterator[str]:
    url = create_database(template)
    try:
        yield url
    finally:
        drop_database(url)
