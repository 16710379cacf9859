"""Service time (志愿服务时长), one definition for the service record, certificates, the
ranking and the inactive list: attended shifts (actual times from attendance; a swap's time
goes to the stand-in, as `services.rota.attendance` counts it) plus activity participations
(their minutes, from the activity's start), with the same clock time counted once — a shift
and an activity that overlap count the overlap once.

The merging is done by the database for every volunteer at once (a window function over
each volunteer's spans in order of start), so a year's ranking of the whole station is one
query. Times are
turned into minutes on a common scale (julian day × 1440 on SQLite, epoch / 60 on
PostgreSQL) before comparing, so the two stores agree to the minute.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import case, func, select, union_all
from sqlalchemy.orm import Session

from redband_desktop.db.models.activities import Activity, ActivityParticipant
from redband_desktop.db.models.rota import Attendance, Shift, ShiftAssignment
from redband_desktop.domain.rota import AttendanceStatus

SERVED = (AttendanceStatus.PRESENT.value, AttendanceStatus.LATE.value, AttendanceStatus.SWAPPED.value)


def minute_scale(s: Session, column):  # noqa: ANN001, ANN202 - column expressions
    if s.bind.dialect.name == "sqlite":
        return func.julianday(column) * 1440
    return func.extract("epoch", column) / 60


def spans(s: Session, first: date | None, last: date | None, volunteer_ids: Iterable[int] | None = None,
          with_day: bool = True):  # noqa: ANN201 - a subquery
    """Every served span of the period as (vid, s, e[, day]) with start and end in minutes
    on the common scale."""
    served_by = case((Attendance.status == AttendanceStatus.SWAPPED.value, Attendance.swapped_with_id),
                     else_=ShiftAssignment.volunteer_id)
    shifts = (select(served_by.label("vid"), minute_scale(s, Attendance.signed_in_at).label("s"),
                     minute_scale(s, Attendance.signed_out_at).label("e"), *([Shift.day.label("day")] if with_day else []))
              .join(ShiftAssignment, ShiftAssignment.id == Attendance.assignment_id)
              .join(Shift, Shift.id == ShiftAssignment.shift_id)
              .where(Attendance.status.in_(SERVED), Attendance.signed_in_at.is_not(None),
                     Attendance.signed_out_at.is_not(None)))
    start = minute_scale(s, Activity.starts_at)
    acts = (select(ActivityParticipant.volunteer_id.label("vid"), start.label("s"),
                   (start + ActivityParticipant.minutes).label("e"), *([Activity.day.label("day")] if with_day else []))
            .join(Activity, Activity.id == ActivityParticipant.activity_id))
    if first is not None:
        shifts, acts = shifts.where(Shift.day >= first), acts.where(Activity.day >= first)
    if last is not None:
        shifts, acts = shifts.where(Shift.day <= last), acts.where(Activity.day <= last)
    if volunteer_ids is not None:
        ids = list(volunteer_ids)
        shifts, acts = shifts.where(served_by.in_(ids)), acts.where(ActivityParticipant.volunteer_id.in_(ids))
    return union_all(shifts, acts).subquery("spans")


def service_minutes(s: Session, first: date | None, last: date | None,
                    volunteer_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Each volunteer's service minutes in the period (days inclusive; None: open), overlaps
    counted once. Volunteers without service are absent from the result.

    With a volunteer's spans in order of start, each span adds only the part of it that
    ends after every earlier span ended: max(0, end − max(start, latest earlier end)).
    One window pass, then a sum (a year of the station, ~67,000 spans: see the README)."""
    sp = spans(s, first, last, volunteer_ids, with_day=False)
    before = func.max(sp.c.e).over(partition_by=sp.c.vid, order_by=(sp.c.s, sp.c.e), rows=(None, -1))
    ordered = select(sp.c.vid, sp.c.s, sp.c.e, before.label("before")).subquery("ordered")
    o = ordered.c
    begins = case((o.before.is_(None), o.s), (o.before > o.s, o.before), else_=o.s)
    added = case((o.e > begins, o.e - begins), else_=0)
    q = select(o.vid, func.sum(added)).group_by(o.vid)
    return {vid: round(float(m)) for vid, m in s.execute(q) if vid is not None and m}


def last_service_days(s: Session, since: date | None = None) -> dict[int, date]:
    """Each volunteer's last day with service (a served shift or an activity)."""
    sp = spans(s, since, None)
    q = select(sp.c.vid, func.max(sp.c.day)).group_by(sp.c.vid)
    out = {}
    for vid, day in s.execute(q):
        if vid is not None and day is not None:
            out[vid] = day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
    return out


__all__ = ["SERVED", "last_service_days", "service_minutes", "spans"]
