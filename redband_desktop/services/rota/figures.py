"""The rota's figures for `redband stats --json` ("duty"): shifts in the period, how full
they were planned (people assigned against people needed, a shift's extra people not
filling another's gap), how many of the people due on shifts already over were recorded
as serving, and the service hours those records give."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models.rota import Attendance, Shift, ShiftAssignment
from redband_desktop.services.rota.attendance import SERVED, hours


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def figures(s: Session, first: date, last: date, now: datetime, district_id: int | None = None) -> dict:
    """Of the district's shifts (None: the station's)."""
    in_period = (Shift.day >= first) & (Shift.day <= last)
    if district_id is not None:
        in_period = in_period & (Shift.district_id == district_id)
    people = (select(ShiftAssignment.shift_id, func.count().label("n"))
              .group_by(ShiftAssignment.shift_id).subquery())
    shifts, needed, filled = s.execute(
        select(func.count(Shift.id), func.coalesce(func.sum(Shift.needed), 0),
               func.coalesce(func.sum(func.min(func.coalesce(people.c.n, 0), Shift.needed)
                                      if s.bind.dialect.name == "sqlite"
                                      else func.least(func.coalesce(people.c.n, 0), Shift.needed)), 0))
        .outerjoin(people, people.c.shift_id == Shift.id).where(in_period)).one()
    over = in_period & (Shift.ends_at <= now)
    due = s.scalar(select(func.count(ShiftAssignment.id)).join(Shift, Shift.id == ShiftAssignment.shift_id)
                   .where(over))
    served = s.scalar(select(func.count(Attendance.id))
                      .join(ShiftAssignment, ShiftAssignment.id == Attendance.assignment_id)
                      .join(Shift, Shift.id == ShiftAssignment.shift_id)
                      .where(over, Attendance.status.in_(SERVED)))
    report = hours(s, first, last, district_id)
    return {"from": first.isoformat(), "to": last.isoformat(), "shifts": shifts, "people_needed": int(needed),
            "people_assigned": int(filled), "filled_pct": _pct(int(filled), int(needed)),
            "attendance_pct": _pct(served, due), "volunteers_served": len(report.rows),
            "hours": round(report.total_minutes / 60, 1)}
