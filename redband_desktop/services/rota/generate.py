"""Turning templates into concrete shifts, and carrying a template's edit to the shifts it
may still change.

Generation reads which (template, day) shifts exist and which days are skipped once, then
inserts the missing shifts in one statement, so a year of every template takes a moment
and running it twice adds nothing. A template's edit reaches only its future shifts that
nobody is on yet (and that have no patrol log): those are moved to the new time span,
place, duty and numbers, or removed on a day the template no longer runs; days it now runs
on are filled in between the first and the last day it was already generated for. Shifts in the past and
shifts someone is assigned to keep what they were planned with.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from redband_desktop.db.models.base import now
from redband_desktop.db.models.rota import PatrolLog, Shift, ShiftAssignment, ShiftTemplate
from redband_desktop.domain.rota import days, runs_on, span_on
from redband_desktop.services.rota.query import skipped_in
from redband_desktop.services.rota.types import Generated

COPIED = ("district_id", "site_id", "building_id", "zone_id", "duty_type", "needed", "leader_id")


def generate(s: Session, templates: Sequence[ShiftTemplate], first: date, last: date,
             after: datetime | None = None) -> Generated:
    """Create the missing shifts of `templates` from `first` to `last` (only those starting
    after `after`, when given), leaving skipped days out."""
    ids = [t.id for t in templates]
    if not ids:
        return Generated(0, 0, 0)
    existing = set(s.execute(select(Shift.template_id, Shift.day)
                             .where(Shift.template_id.in_(ids), Shift.day >= first, Shift.day <= last)))
    skips = skipped_in(s, first, last)
    rows, had, skipped = [], 0, 0
    stamp = now()
    # what a template's shifts copy, read off the ORM objects once, not once per day
    plans = [({"template_id": t.id, "created_at": stamp, "updated_at": stamp, "version": 1,
               **{k: getattr(t, k) for k in COPIED}}, t.weekdays, t.start_time, t.end_time)
             for t in templates if t.active]
    for day in days(first, last):
        bit = 1 << day.weekday()
        for values, weekdays, start, end in plans:
            if not weekdays & bit:
                continue
            if (values["template_id"], day) in existing:
                had += 1
                continue
            if (day, None) in skips or (day, values["site_id"]) in skips:
                skipped += 1
                continue
            starts_at, ends_at = span_on(day, start, end)
            if after is not None and starts_at <= after:
                continue
            rows.append({**values, "day": day, "starts_at": starts_at, "ends_at": ends_at})
    if rows:
        s.execute(insert(Shift.__table__), rows)  # Core executemany, no ORM bookkeeping per row
    return Generated(len(rows), had, skipped)


def open_future(at: datetime):  # noqa: ANN201 - a where clause
    """Shifts starting after `at` that nobody is on and nothing was logged on."""
    return (Shift.starts_at > at) & ~select(ShiftAssignment.id).where(
        ShiftAssignment.shift_id == Shift.id).exists() & ~select(PatrolLog.id).where(
        PatrolLog.shift_id == Shift.id).exists()


def carry_edit(s: Session, t: ShiftTemplate) -> tuple[int, int, int]:
    """Apply the template as it is now to its future open shifts: (updated, removed, created)."""
    at = now()
    # the days it was generated for: an edit fills new weekdays in there, never beyond
    earliest, horizon = s.execute(select(func.min(Shift.day), func.max(Shift.day))
                                  .where(Shift.template_id == t.id)).one()
    updated = removed = 0
    for sh in s.scalars(select(Shift).where(Shift.template_id == t.id, open_future(at))):
        if not (t.active and runs_on(t.weekdays, sh.day)):
            s.delete(sh)
            removed += 1
            continue
        starts_at, ends_at = span_on(sh.day, t.start_time, t.end_time)
        values = {"starts_at": starts_at, "ends_at": ends_at, **{k: getattr(t, k) for k in COPIED}}
        if any(getattr(sh, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(sh, k, v)
            updated += 1
    s.flush()
    created = 0
    if horizon is not None and horizon >= at.date() and t.active:
        created = generate(s, [t], max(earliest, at.date()), horizon, after=at).created
    return updated, removed, created
