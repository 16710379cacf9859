"""Alembic environment: runs migrations on the connection handed in by `db.migrate`.

`render_as_batch` lets SQLite alter tables by copy-and-move inside the transaction.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from redband_desktop.db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # invoked by the `alembic` command line during development
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
