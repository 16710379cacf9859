"""Attendance on a shift and the service hours that come from it.

A clerk records, for each volunteer on a shift, present / late / absent / swapped (with
whom) and the actual start and end (the shift's own by default). Recording is allowed from
the shift's start until `rota.attendance_days_back` days after its day (a setting). Hours
come from attendance only: a shift nobody recorded gives nobody hours, an absent volunteer
none, and a swap gives the hours to whoever served instead.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Volunteer
from redband_desktop.db.models.rota import Attendance, Shift, ShiftAssignment
from redband_desktop.domain.rota import AttendanceStatus
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.rota.query import Names, info
from redband_desktop.services.rota.rules import volunteer_problems
from redband_desktop.services.rota.types import (
    AttendanceForm,
    AttendanceRow,
    HoursReport,
    ShiftAttendance,
    VolunteerHours,
)
from redband_desktop.services.shared.values import checked_choice, checked_id

SLACK = timedelta(hours=6)  # how far actual times may lie outside the planned span
SERVED = (AttendanceStatus.PRESENT.value, AttendanceStatus.LATE.value, AttendanceStatus.SWAPPED.value)


def check_window(shift: Shift, now: datetime, days_back: int) -> None:
    """Attendance only once the shift has begun, and not later than `days_back` days on."""
    if shift.starts_at > now:
        raise ValidationError.single("shift_id", "rota_not_started")
    if shift.day < now.date() - timedelta(days=days_back):
        raise ValidationError.single("shift_id", "rota_too_late", days=days_back)


def checked_entries(s: Session, shift: Shift, entries: list[AttendanceForm]) -> list[tuple[ShiftAssignment, dict]]:
    """Each entry's assignment and the values to store, or ValidationError naming every problem."""
    on = {a.volunteer_id: a for a in shift.assignments}
    names = Names(s)
    problems: list[Problem] = []
    out = []
    for e in entries:
        vid = checked_id(e.volunteer_id, "volunteer_id", problems)
        assignment = on.get(vid)
        if assignment is None:
            if vid is not None:
                problems.append(Problem("volunteer_id", "rota_not_assigned", {"name": names.volunteer(vid) or vid}))
            continue
        status = checked_choice(e.status, AttendanceStatus, "status", problems)
        swap = _swap(s, e, status, set(on), names, problems)
        times = (None, None) if status is AttendanceStatus.ABSENT else _times(shift, e, problems)
        out.append((assignment, {"status": status.value if status else "", "swapped_with_id": swap,
                                 "signed_in_at": times[0], "signed_out_at": times[1]}))
    if problems:
        raise ValidationError(problems)
    return out


def _swap(s: Session, e: AttendanceForm, status: AttendanceStatus | None, on: set[int], names: Names,
          problems: list[Problem]) -> int | None:
    if status is not AttendanceStatus.SWAPPED:
        if e.swapped_with_id is not None:
            problems.append(Problem("swapped_with_id", "rota_swap_unexpected"))
        return None
    other = checked_id(e.swapped_with_id, "swapped_with_id", problems)
    if other is None:
        if e.swapped_with_id is None:
            problems.append(Problem("swapped_with_id", "required"))
        return None
    if other in on:
        problems.append(Problem("swapped_with_id", "rota_swap_on_shift", {"name": names.volunteer(other)}))
        return None
    found = volunteer_problems(s, other, "swapped_with_id")
    problems += found
    return None if found else other


def _times(shift: Shift, e: AttendanceForm, problems: list[Problem]) -> tuple[datetime | None, datetime | None]:
    start = e.signed_in_at if e.signed_in_at is not None else shift.starts_at
    end = e.signed_out_at if e.signed_out_at is not None else shift.ends_at
    bad = [(name, v) for name, v in (("signed_in_at", start), ("signed_out_at", end)) if not isinstance(v, datetime)]
    for name, v in bad:
        problems.append(Problem(name, "invalid_date", {"value": str(v)[:20]}))
    if bad:
        return None, None
    start, end = start.replace(second=0, microsecond=0), end.replace(second=0, microsecond=0)
    if end <= start:
        problems.append(Problem("signed_out_at", "rota_out_before_in"))
    elif start < shift.starts_at - SLACK or end > shift.ends_at + SLACK:
        problems.append(Problem("signed_in_at", "rota_time_far", {
            "start": f"{shift.starts_at:%H:%M}", "end": f"{shift.ends_at:%H:%M}"}))
    return start, end


def store(s: Session, checked: list[tuple[ShiftAssignment, dict]], who: str, at: datetime) -> dict:
    """Write the checked entries; {"attendance": [before, after]} in words for the audit trail."""
    names = Names(s)
    before, after = [], []
    for assignment, values in checked:
        row = s.scalar(select(Attendance).where(Attendance.assignment_id == assignment.id))
        name = names.volunteer(assignment.volunteer_id)
        if row is None:
            row = Attendance(assignment_id=assignment.id)
            s.add(row)
        else:
            before.append(f"{name} {_word(row.status, row.swapped_with_id, names)}")
        for k, v in values.items():
            setattr(row, k, v)
        row.recorded_at, row.recorded_by = at, who[:40]
        after.append(f"{name} {_word(values['status'], values['swapped_with_id'], names)}")
    s.flush()
    return {"attendance": ["；".join(before) or None, "；".join(after)]}


def _word(status: str, swapped_with: int | None, names: Names) -> str:
    text = AttendanceStatus(status).zh
    return f"{text}（{names.volunteer(swapped_with)}）" if swapped_with else text


def shift_attendance(s: Session, shift: Shift) -> ShiftAttendance:
    names = Names(s)
    rows = []
    for a in shift.assignments:
        r = s.scalar(select(Attendance).where(Attendance.assignment_id == a.id))
        minutes = _minutes(r) if r is not None else 0
        rows.append(AttendanceRow(
            a.volunteer_id, names.volunteer(a.volunteer_id), r.status if r else "", r.swapped_with_id if r else None,
            names.volunteer(r.swapped_with_id) if r else "", r.signed_in_at if r else None,
            r.signed_out_at if r else None, minutes))
    return ShiftAttendance(info(s, shift), tuple(rows))


def _minutes(r: Attendance) -> int:
    if r.status not in SERVED or r.signed_in_at is None or r.signed_out_at is None:
        return 0
    return int((r.signed_out_at - r.signed_in_at).total_seconds() // 60)


def minutes_sql(s: Session):  # noqa: ANN202 - a column expression
    """Minutes between signing in and out, summed by the database (a year of the station's
    attendance is 60,000 rows: adding them up in Python took seconds)."""
    if s.bind.dialect.name == "sqlite":
        spent = (func.julianday(Attendance.signed_out_at) - func.julianday(Attendance.signed_in_at)) * 1440
    else:
        spent = func.extract("epoch", Attendance.signed_out_at - Attendance.signed_in_at) / 60
    return func.coalesce(func.sum(func.round(spent)), 0)


def served(q: Select, first: date, last: date, district_id: int | None) -> Select:
    """`q` over the attendance that gives hours: served (present, late, or in a swap) with
    both times, on shifts of the days `first`–`last` (of the district, unless None)."""
    q = (q.select_from(Attendance)
         .join(ShiftAssignment, ShiftAssignment.id == Attendance.assignment_id)
         .join(Shift, Shift.id == ShiftAssignment.shift_id)
         .where(Shift.day >= first, Shift.day <= last, Attendance.status.in_(SERVED),
                Attendance.signed_in_at.is_not(None), Attendance.signed_out_at.is_not(None)))
    return q if district_id is None else q.where(Shift.district_id == district_id)


def total_minutes(s: Session, first: date, last: date, district_id: int | None) -> int:
    """The service minutes of the period, all volunteers together."""
    return int(s.scalar(served(select(minutes_sql(s)), first, last, district_id)) or 0)


def hours(s: Session, first: date, last: date, district_id: int | None) -> HoursReport:
    """Service hours per volunteer from recorded attendance on shifts of the period."""
    served_by = case((Attendance.status == AttendanceStatus.SWAPPED.value, Attendance.swapped_with_id),
                     else_=ShiftAssignment.volunteer_id)
    q = served(select(served_by.label("vid"), func.count(Attendance.id), minutes_sql(s)), first, last,
               district_id).group_by(served_by)
    totals = {vid: (n, int(m)) for vid, n, m in s.execute(q)}
    names = {vid: name for vid, name in s.execute(
        select(Volunteer.id, Volunteer.name).where(Volunteer.id.in_(list(totals))))} if totals else {}
    rows = sorted((VolunteerHours(v, names.get(v, ""), n, m) for v, (n, m) in totals.items()),
                  key=lambda h: (-h.minutes, h.name, h.volunteer_id))
    return HoursReport(first, last, tuple(rows), sum(m for _n, m in totals.values()))
