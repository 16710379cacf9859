"""The patrol log (巡逻记录) of a shift: what the people on it covered and saw, linked to the
clue report or incident they raised. An entry is written once the shift has begun, by
someone on the shift (or a stand-in recorded for it) or by the clerk with no name; the
clue and incident must exist."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Incident
from redband_desktop.db.models.clues import Clue
from redband_desktop.db.models.rota import Attendance, PatrolLog, Shift, ShiftAssignment
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.rota.query import Names
from redband_desktop.services.rota.types import PatrolLogForm, PatrolLogRow
from redband_desktop.services.shared.rules import clean_text
from redband_desktop.services.shared.values import checked_id


def checked_log(s: Session, shift: Shift, form: PatrolLogForm) -> dict:
    """The values to store, or ValidationError naming every wrong field."""
    problems: list[Problem] = []
    values = {
        "route": clean_text(form.route, "route", 200, problems=problems),
        "note": clean_text(form.note, "note", 4000, multiline=True, problems=problems),
    }
    if not values["route"] and not values["note"] and not problems:
        problems.append(Problem("note", "required"))
    vid = checked_id(form.volunteer_id, "volunteer_id", problems)
    if vid is not None and vid not in _people_of(s, shift):
        problems.append(Problem("volunteer_id", "rota_not_assigned", {"name": Names(s).volunteer(vid) or vid}))
    for name, model in (("clue_id", Clue), ("incident_id", Incident)):
        ident = checked_id(getattr(form, name), name, problems)
        if ident is not None and s.get(model, ident) is None:
            problems.append(Problem(name, "invalid_choice", {"value": ident}))
        values[name] = ident
    if problems:
        raise ValidationError(problems)
    values["volunteer_id"] = vid
    return values


def _people_of(s: Session, shift: Shift) -> set[int]:
    """Who served on the shift: the people assigned and any stand-in recorded for them."""
    on = {a.volunteer_id for a in shift.assignments}
    stand_ins = s.scalars(select(Attendance.swapped_with_id)
                          .join(ShiftAssignment, ShiftAssignment.id == Attendance.assignment_id)
                          .where(ShiftAssignment.shift_id == shift.id, Attendance.swapped_with_id.is_not(None)))
    return on | set(stand_ins)


def logs_of(s: Session, shift_id: int) -> list[PatrolLogRow]:
    names = Names(s)
    out = []
    for r in s.scalars(select(PatrolLog).where(PatrolLog.shift_id == shift_id).order_by(PatrolLog.id)):
        clue = s.scalar(select(Clue.number).where(Clue.id == r.clue_id)) if r.clue_id else ""
        incident = s.scalar(select(Incident.number).where(Incident.id == r.incident_id)) if r.incident_id else ""
        out.append(PatrolLogRow(r.id, r.shift_id, names.volunteer(r.volunteer_id), r.route, r.note, r.clue_id,
                                clue or "", r.incident_id, incident or "", r.recorded_at, r.recorded_by))
    return out
