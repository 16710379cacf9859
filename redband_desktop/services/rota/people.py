"""A volunteer's duty on their page in the roster: every shift they were on — assigned, or
standing in for someone — with their attendance and the hours it gives, newest first, and
a month-by-month summary of the last twelve months.

Hours come from attendance only, as `attendance.hours` counts them: present and late
give the signed-in span, absent nothing, and a swap gives the hours to whoever served
instead (the stand-in), not to the volunteer who was swapped out. Two queries however many
shifts the volunteer has; the summing is done over those rows.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models.rota import Attendance, Shift, ShiftAssignment
from redband_desktop.domain.rota import AttendanceStatus
from redband_desktop.services.rota.query import Names
from redband_desktop.services.rota.types import DutyMonth, VolunteerDuty, VolunteerShift

MONTHS = 12
_ATTENDED = (AttendanceStatus.PRESENT.value, AttendanceStatus.LATE.value)
_COLUMNS = (Shift.id, Shift.day, Shift.site_id, Shift.building_id, Shift.zone_id, Shift.duty_type, Shift.starts_at,
            Shift.ends_at, Attendance.status, Attendance.swapped_with_id, Attendance.signed_in_at,
            Attendance.signed_out_at)


def _spent(signed_in, signed_out) -> int:  # noqa: ANN001 - datetimes or None
    if signed_in is None or signed_out is None:
        return 0
    return int((signed_out - signed_in).total_seconds() // 60)


def volunteer_duty(s: Session, volunteer_id: int, today: date) -> VolunteerDuty:
    names = Names(s)
    own = s.execute(select(*_COLUMNS)
                    .join(ShiftAssignment, ShiftAssignment.shift_id == Shift.id)
                    .outerjoin(Attendance, Attendance.assignment_id == ShiftAssignment.id)
                    .where(ShiftAssignment.volunteer_id == volunteer_id))
    stood_in = s.execute(select(*_COLUMNS, ShiftAssignment.volunteer_id)
                         .join(ShiftAssignment, ShiftAssignment.shift_id == Shift.id)
                         .join(Attendance, Attendance.assignment_id == ShiftAssignment.id)
                         .where(Attendance.swapped_with_id == volunteer_id,
                                Attendance.status == AttendanceStatus.SWAPPED.value))
    rows: list[VolunteerShift] = []
    for sid, day, site, building, zone, duty, starts, ends, status, swapped_with, signed_in, signed_out in own:
        rows.append(VolunteerShift(
            sid, day, names.place(site, building, zone), duty, starts, ends, status or "", "",
            names.volunteer(swapped_with) if status == AttendanceStatus.SWAPPED.value else "",
            signed_in, signed_out, _spent(signed_in, signed_out) if status in _ATTENDED else 0))
    for sid, day, site, building, zone, duty, starts, ends, status, _me, signed_in, signed_out, absent_one in stood_in:
        rows.append(VolunteerShift(
            sid, day, names.place(site, building, zone), duty, starts, ends, status, names.volunteer(absent_one), "",
            signed_in, signed_out, _spent(signed_in, signed_out)))
    rows.sort(key=lambda r: (r.starts_at, r.shift_id), reverse=True)
    return VolunteerDuty(volunteer_id, _months(rows, today), tuple(rows))


def month_starts(today: date, count: int = MONTHS) -> list[date]:
    """The first day of this month and of the `count - 1` before it, this month first."""
    out, year, month = [], today.year, today.month
    for _ in range(count):
        out.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out


def _months(rows: list[VolunteerShift], today: date) -> tuple[DutyMonth, ...]:
    tally = {m: [0, 0, 0, 0] for m in month_starts(today)}
    for r in rows:
        counts = tally.get(r.day.replace(day=1))
        if counts is None:
            continue
        counts[0] += 1
        if r.stood_in_for or r.status in _ATTENDED:
            counts[1] += 1
        elif r.status == AttendanceStatus.ABSENT.value:
            counts[2] += 1
        counts[3] += r.minutes
    return tuple(DutyMonth(m, *c) for m, c in tally.items())
