"""Volunteer numbers (志愿者编号) are handed out as a volunteer row is inserted, whoever
inserts it — the roster form, the importer, the demo generator — so no path can add a
volunteer without one. The number follows the station's prefix (the incident number
prefix setting, "JJH" by default), the year the volunteer joined and a per-year counter
taken inside the inserting transaction (SQLite's write lock; on PostgreSQL an advisory
lock), so two PCs adding volunteers at once never get the same number."""

from __future__ import annotations

import json

from sqlalchemy import event, select, text, update
from sqlalchemy.engine import Connection

from redband_desktop.db.models.station import Setting
from redband_desktop.db.models.volunteers import Volunteer, VolunteerNumberCounter
from redband_desktop.domain.activities import volunteer_number
from redband_desktop.domain.incidents import DEFAULT_PREFIX, NUMBER_PREFIX_KEY

NUMBER_LOCK = 727277  # PostgreSQL advisory lock held while a volunteer number is handed out


def station_prefix(conn: Connection) -> str:
    raw = conn.scalar(select(Setting.value).where(Setting.key == NUMBER_PREFIX_KEY))
    return str(json.loads(raw) or DEFAULT_PREFIX) if raw else DEFAULT_PREFIX


def next_volunteer_no(conn: Connection, year: int) -> str:
    """The next number of `year`, counted in the caller's transaction."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": NUMBER_LOCK})
    table = VolunteerNumberCounter.__table__
    last = conn.scalar(select(table.c.last).where(table.c.year == year))
    if last is None:
        last = 0
        conn.execute(table.insert().values(year=year, last=1))
    else:
        conn.execute(update(table).where(table.c.year == year).values(last=last + 1))
    return volunteer_number(station_prefix(conn), year, last + 1)


@event.listens_for(Volunteer, "before_insert")
def _give_number(_mapper, conn: Connection, target: Volunteer) -> None:  # noqa: ANN001
    if not target.volunteer_no:
        year = target.joined_on.year if target.joined_on else 1990
        target.volunteer_no = next_volunteer_no(conn, year)
