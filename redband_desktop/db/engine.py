"""Engine and session factory for the station's database.

SQLite is the default (one file in the user's data folder); a PostgreSQL URL works the
same for stations that keep the database on an intranet server. Every SQLite connection
gets the pragmas that keep the file safe across power cuts and concurrent readers:
foreign keys on, WAL journal, FULL sync, and a busy timeout so a second writer waits
instead of failing at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from redband_desktop.errors import DatabaseError

BUSY_TIMEOUT_MS = 10_000


def database_url(db: str | Path) -> str:
    """Turn a `--db` argument (file path or SQLAlchemy URL) into a URL."""
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


_PASSWORD_IN_URL = re.compile(r"(://[^:/@?#]*:)[^@/?#]*@")


def shown_url(url: str) -> str:
    """A database location as it may be logged, put in a message or shown: a SQLite file
    as its path, any other URL with its password hidden (`postgresql://user:***@host/db`).
    Every log line, message and label that names the database goes through here."""
    try:
        u = make_url(url)
    except (ArgumentError, ValueError):  # not a URL SQLAlchemy reads: hide what looks like a password
        return _PASSWORD_IN_URL.sub(r"\1***@", url)
    path = sqlite_path(url)
    return str(path) if path is not None else u.render_as_string(hide_password=True)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    if u.database.startswith("file:"):  # a SQLite URI filename (e.g. mode=ro)
        return Path(u.database.removeprefix("file:").split("?", 1)[0])
    return Path(u.database)


def _set_sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 - DBAPI types
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def with_installed_driver(url: str) -> str:
    """`postgresql://…` names no driver; SQLAlchemy 2.1 then wants psycopg 3. Use
    psycopg2 (the `postgres` extra) when that is the one installed."""
    u = make_url(url)
    if u.drivername != "postgresql":
        return url
    import importlib.util

    if importlib.util.find_spec("psycopg") is None and importlib.util.find_spec("psycopg2"):
        return u.set(drivername="postgresql+psycopg2").render_as_string(hide_password=False)
    return url


def make_engine(url: str) -> Engine:
    """Create the one engine the application uses for this database."""
    if not is_sqlite(url):
        try:
            return create_engine(with_installed_driver(url), pool_pre_ping=True)
        except ImportError as exc:  # the server's driver is not installed on this PC
            raise DatabaseError("db_driver_missing", path=shown_url(url),
                                detail=str(exc)) from exc
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _on_sqlite_connect(dbapi_conn, record) -> None:  # noqa: ANN001 - DBAPI types
    _set_sqlite_pragmas(dbapi_conn, record)
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite would defer it).
    dbapi_conn.isolation_level = None


def _on_sqlite_begin(conn) -> None:  # noqa: ANN001
    # A write transaction takes the write lock up front, so a busy database makes it
    # wait (busy_timeout) at the start instead of failing half-way through its work.
    options = conn.get_execution_options()
    if options.get(MIGRATE_OPTION):
        # Batch migrations copy and drop tables; with foreign keys on, dropping a parent
        # table would cascade-delete its children. The migration checks them afterwards.
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
    mode = "IMMEDIATE" if options.get(WRITE_OPTION) else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


# (fragment of the driver's message, message code): the first match wins.
_KNOWN_FAILURES = (
    ("database or disk is full", "db_full"),
    ("no space left", "db_full"),
    ("readonly", "db_read_only"),
    ("read-only", "db_read_only"),
    ("database is locked", "db_locked"),
    ("database table is locked", "db_locked"),
    ("disk i/o error", "db_io_error"),
    ("unable to open database", "db_unavailable"),
    ("malformed", "db_corrupt"),
    ("not a database", "db_corrupt"),
    ("could not connect", "db_unreachable"),
    ("connection refused", "db_unreachable"),
    ("server closed the connection", "db_unreachable"),
)


def failure_code(detail: str) -> str:
    """The message code of a driver's failure text ("database is locked" → db_locked)."""
    lowered = detail.lower()
    return next((c for fragment, c in _KNOWN_FAILURES if fragment in lowered), "database_error")


def translate_error(exc: DBAPIError, url: str) -> DatabaseError:
    """A driver failure the user can act on, as a `DatabaseError` with its own code."""
    detail = str(exc.orig) if exc.orig is not None else str(exc)
    code = failure_code(detail)
    path = sqlite_path(url)
    return DatabaseError(code, path=str(path) if path else shown_url(url),
                         detail=detail)


WRITE_OPTION = "redband_write"
MIGRATE_OPTION = "redband_migrate"


class Database:
    """The engine and the one session factory; services open transactions through it.

    `read()` and `write()` each yield a Session inside one transaction that commits when
    the block ends without an exception and rolls back otherwise. A full disk, a
    read-only file or a lock held by another program surfaces as a `DatabaseError` with
    its own message code (see `translate_error`); the transaction has rolled back, so
    nothing is half-saved and the same call works again once the cause is gone.

    After a `write()` has committed, the callbacks given to `on_commit` get the
    session's `info` dict (what the transaction noted about itself); nothing is called for
    a transaction that rolled back.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._committed: list[Callable[[dict], None]] = []

    def on_commit(self, callback: Callable[[dict], None]) -> None:
        self._committed.append(callback)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def shown(self) -> str:
        """Where the database is, as it may be shown or logged (no password)."""
        return shown_url(self.url)

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._sessions.begin() as session:
                yield session
        except OperationalError as exc:
            raise translate_error(exc, self.url) from exc

    @contextmanager
    def write(self) -> Iterator[Session]:
        try:
            with self._sessions.begin() as session:
                session.connection(execution_options={WRITE_OPTION: True})
                yield session
        except OperationalError as exc:
            raise translate_error(exc, self.url) from exc
        for callback in self._committed:
            callback(session.info)

    def dispose(self) -> None:
        self.engine.dispose()
