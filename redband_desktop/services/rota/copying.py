"""Copying a day's rota to another day (Ctrl+C / Ctrl+V in the week view, and "copy last
week"): each shift of the source day gets its counterpart on the target day — the same
template's shift, or a one-off shift at the same place, duty and time, created when the
target day has none — and each person on it is put on the counterpart unless the day is
skipped there, they no longer serve, or they already serve elsewhere at that time. Those
are reported, not fatal: the rest of the day is still copied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Volunteer
from redband_desktop.db.models.rota import Shift, ShiftAssignment, ShiftTemplate
from redband_desktop.domain.rota import runs_on
from redband_desktop.errors import Problem
from redband_desktop.services.rota.query import Names, skipped_in
from redband_desktop.services.rota.rules import clash, volunteer_problems
from redband_desktop.services.rota.types import WeekFilter
from redband_desktop.services.rota.wording import clash_problem

PLACE = ("district_id", "site_id", "building_id", "zone_id", "duty_type", "needed", "leader_id")


@dataclass
class Tally:
    created: int = 0
    assigned: int = 0
    refused: list[Problem] = field(default_factory=list)


def copy_day(s: Session, source: date, target: date, scope: WeekFilter, tally: Tally) -> None:
    names = Names(s)
    q = select(Shift).where(Shift.day == source).order_by(Shift.starts_at, Shift.id)
    for name in ("district_id", "site_id"):
        if getattr(scope, name) is not None:
            q = q.where(getattr(Shift, name) == getattr(scope, name))
    skips = skipped_in(s, target, target)
    told: set[int] = set()
    for sh in s.scalars(q).all():
        reason = skips.get((target, None), skips.get((target, sh.site_id)))
        if reason is not None:
            if sh.site_id not in told and sh.assignments:
                told.add(sh.site_id)
                tally.refused.append(Problem("target_day", "rota_skipped_day", {
                    "day": target.isoformat(), "reason": reason or "—"}))
            continue
        counterpart = _counterpart(s, sh, target, tally)
        on = {a.volunteer_id for a in counterpart.assignments}
        for a in sh.assignments:
            if a.volunteer_id not in on:
                _put(s, counterpart, a.volunteer_id, names, tally)


def _counterpart(s: Session, sh: Shift, target: date, tally: Tally) -> Shift:
    shift_by = target - sh.day
    q = select(Shift).where(Shift.day == target)
    if sh.template_id is not None:
        found = s.scalar(q.where(Shift.template_id == sh.template_id))
    else:
        found = s.scalar(q.where(
            Shift.template_id.is_(None), Shift.site_id == sh.site_id,
            Shift.building_id.is_not_distinct_from(sh.building_id), Shift.zone_id.is_not_distinct_from(sh.zone_id),
            Shift.duty_type == sh.duty_type, Shift.starts_at == sh.starts_at + shift_by).limit(1))
    if found is not None:
        return found
    template = s.get(ShiftTemplate, sh.template_id) if sh.template_id else None
    # a template's own shift only on a day it runs; otherwise a one-off the template's edits leave alone
    keep = template is not None and template.active and runs_on(template.weekdays, target)
    new = Shift(template_id=template.id if keep else None, day=target, starts_at=sh.starts_at + shift_by,
                ends_at=sh.ends_at + shift_by, **{k: getattr(sh, k) for k in PLACE})
    s.add(new)
    s.flush()
    tally.created += 1
    return new


def _put(s: Session, shift: Shift, volunteer_id: int, names: Names, tally: Tally) -> None:
    problems = volunteer_problems(s, volunteer_id)
    if not problems:
        other = clash(s, volunteer_id, shift.starts_at, shift.ends_at, shift.id)
        if other is not None:
            problems = [clash_problem(s.get(Volunteer, volunteer_id).name, other, names)]
    if problems:
        tally.refused.extend(problems)
        return
    shift.assignments.append(ShiftAssignment(volunteer_id=volunteer_id))
    s.flush()
    tally.assigned += 1
