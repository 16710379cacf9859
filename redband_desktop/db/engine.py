"""Engine and session factory for the station's database.

SQLite is the default (one file in the user's data folder); a PostgreSQL URL works the
same for stations that keep the database on an intranet server. Every SQLite connection
gets the pragmas that keep the file safe across power cuts and concurrent readers:
foreign keys on, WAL journal, FULL sync, and a busy timeout so a second writer waits
instead of failing at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000


def database_url(db: str | Path) -> str:
    """Turn a `--db` argument (file path or SQLAlchemy URL) into a URL."""
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def _set_sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 - DBAPI types
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def make_engine(url: str) -> Engine:
    """Create the one engine the application uses for this database."""
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True)
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


WRITE_OPTION = "redband_write"
MIGRATE_OPTION = "redband_migrate"


class Database:
    """The engine and the one session factory; services open transactions through it.

    `read()` and `write()` each yield a Session inside one transaction that commits when
    the block ends without an exception and rolls back otherwise.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            session.connection(execution_options={WRITE_OPTION: True})
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
