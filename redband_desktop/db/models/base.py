"""Declarative base with a naming convention (so Alembic batch migrations can name
constraints on SQLite) and the timestamp/version columns shared by editable records."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def now() -> datetime:
    """Station-local wall-clock time, to the second: what clerks see and type."""
    return datetime.now().replace(microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Tracked:
    """Created/updated timestamps and a version number for optimistic locking.

    SQLAlchemy bumps `version` on every UPDATE and refuses to write when the row's
    version moved underneath it; services also compare it with the version a form was
    opened with, so a second PC's edit is never silently overwritten.
    """

    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=now, onupdate=now)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805 - declarative hook
        return {"version_id_col": cls.version}
