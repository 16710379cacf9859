"""Checks the rota applies before anything is saved: a template's place, duty type, days,
time span, people needed and leader; whether a volunteer may be put on a shift (active,
not already on it, not serving elsewhere at the same time) and what only deserves a
warning (an expired card, more people than needed).

Every problem of a form is collected and raised together as one ValidationError naming
its field, so a clerk sees all wrong fields at once and nothing is half-saved.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Building, Card, MarketZone, Site, Volunteer
from redband_desktop.db.models.rota import Shift, ShiftAssignment
from redband_desktop.domain.cards import CardStatus
from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.domain.rota import DutyType, default_end, span_problem, weekday_mask
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.rota.types import TemplateForm
from redband_desktop.services.shared.rules import clean_text
from redband_desktop.services.shared.values import (
    checked_choice,
    checked_date,
    checked_id,
    checked_int,
    raise_problems,
)

MAX_NEEDED = 50
MAX_PERIOD_DAYS = 366


def checked_template(s: Session, form: TemplateForm) -> tuple[TemplateForm, int]:
    """The form cleaned (end filled in, weekdays sorted) and the district of its site, or
    ValidationError listing every problem."""
    problems: list[Problem] = []
    duty = checked_choice(form.duty_type, DutyType, "duty_type", problems)
    site = _site(s, form, problems)
    needed = checked_int(form.needed, "needed", problems, 1, MAX_NEEDED)
    if form.needed is None:
        problems.append(Problem("needed", "required"))
    days = _weekdays(form.weekdays, problems)
    start, end = _span(form, duty, problems)
    leader = checked_id(form.leader_id, "leader_id", problems)
    if leader is not None:
        problems += volunteer_problems(s, leader, "leader_id")
    notes = clean_text(form.notes, "notes", 500, multiline=True, problems=problems)
    if problems:
        raise ValidationError(problems)
    clean = replace(form, duty_type=duty.value, needed=needed, weekdays=days, start_time=start,
                    end_time=end, notes=notes)
    return clean, site.district_id


def _site(s: Session, form: TemplateForm, problems: list[Problem]) -> Site | None:
    bad: list[Problem] = []
    ids = {name: checked_id(getattr(form, name), name, bad) for name in ("site_id", "building_id", "zone_id")}
    problems += bad
    if bad:
        return None
    site = s.get(Site, ids["site_id"]) if ids["site_id"] else None
    if site is None:
        problems.append(Problem("site_id", "required" if form.site_id is None else "invalid_choice",
                                {"value": form.site_id}))
        return None
    if ids["building_id"] and ids["zone_id"]:
        problems.append(Problem("zone_id", "rota_building_and_zone"))
    for name, model in (("building_id", Building), ("zone_id", MarketZone)):
        ident = ids[name]
        if ident and getattr(s.get(model, ident), "site_id", None) != site.id:
            problems.append(Problem(name, "building_site_mismatch"))
    return site


def _weekdays(raw: object, problems: list[Problem]) -> tuple[int, ...]:
    try:
        mask = weekday_mask(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        problems.append(Problem("weekdays", "invalid_choice", {"value": str(exc)[:20]}))
        return ()
    if not mask:
        problems.append(Problem("weekdays", "rota_no_weekday"))
    return tuple(d for d in range(7) if mask & (1 << d))


def _span(form: TemplateForm, duty: DutyType | None, problems: list[Problem]) -> tuple[time | None, time | None]:
    start, end = form.start_time, form.end_time
    for name, value in (("start_time", start), ("end_time", end)):
        if value is not None and (not isinstance(value, time) or value.tzinfo is not None):
            problems.append(Problem(name, "invalid_choice", {"value": str(value)[:20]}))
            return None, None
    if start is None:
        problems.append(Problem("start_time", "required"))
        return None, None
    start = start.replace(second=0, microsecond=0)
    if end is None:
        if duty is None:
            return start, None
        end = default_end(start, duty)
    end = end.replace(second=0, microsecond=0)
    code = span_problem(start, end)
    if code:
        problems.append(Problem("end_time", code))
    return start, end


def volunteer_problems(s: Session, volunteer_id: int, field: str = "volunteer_id") -> list[Problem]:
    """A volunteer who exists and serves now (suspended and left volunteers are refused)."""
    v = s.get(Volunteer, volunteer_id)
    if v is None:
        return [Problem(field, "invalid_choice", {"value": volunteer_id})]
    if v.status != VolunteerStatus.ACTIVE:
        status = VolunteerStatus(v.status)
        return [Problem(field, "rota_volunteer_inactive", {"name": v.name, "status": status.zh,
                                                           "status_en": status.en.lower()})]
    return []


def clash(s: Session, volunteer_id: int, starts_at: datetime, ends_at: datetime, other_than: int) -> Shift | None:
    """A shift of the volunteer that shares time with `starts_at`–`ends_at` (touching ends
    do not), other than shift `other_than`."""
    q = (select(Shift).join(ShiftAssignment, ShiftAssignment.shift_id == Shift.id)
         .where(ShiftAssignment.volunteer_id == volunteer_id, Shift.id != other_than,
                Shift.starts_at < ends_at, Shift.ends_at > starts_at)
         .order_by(Shift.starts_at).limit(1))
    return s.scalar(q)


def expired_card(s: Session, volunteer_id: int, on: date) -> date | None:
    """When the volunteer's card ran out, if their newest valid card has expired by `on`."""
    until = s.scalar(select(func.max(Card.valid_until)).where(
        Card.volunteer_id == volunteer_id, Card.status == CardStatus.VALID.value))
    return until if until is not None and until < on else None


def checked_volunteer(value: object) -> int:
    problems: list[Problem] = []
    vid = checked_id(value, "volunteer_id", problems)
    if vid is None and not problems:
        problems.append(Problem("volunteer_id", "required"))
    raise_problems(problems)
    return vid


def assign_warnings(s: Session, shift: Shift, vid: int, name: str) -> tuple[Problem, ...]:
    out = []
    expired = expired_card(s, vid, shift.day)
    if expired is not None:
        out.append(Problem("volunteer_id", "rota_card_expired", {"name": name, "date": expired.isoformat()}))
    if len(shift.assignments) > shift.needed:
        out.append(Problem("volunteer_id", "rota_over_needed", {"needed": shift.needed,
                                                                "count": len(shift.assignments)}))
    return tuple(out)


def check_period(first: date, last: date, longest: int | None = MAX_PERIOD_DAYS) -> None:
    """Dates in range and in order; at most `longest` days (None: figures over any span)."""
    check_days(("date_from", first), ("date_to", last))
    if last < first:
        raise ValidationError.single("date_to", "date_before", other=first.isoformat())
    if longest is not None and (last - first).days + 1 > longest:
        raise ValidationError.single("period", "rota_period_too_long", max=MAX_PERIOD_DAYS)


def check_days(*fields: tuple[str, date]) -> None:
    """Days from 1990 to two years ahead (a plan further out is a slip of the keyboard)."""
    problems: list[Problem] = []
    latest = date(date.today().year + 2, 12, 31)
    for name, value in fields:
        if value is None:
            problems.append(Problem(name, "required"))
        elif isinstance(value, date) and not isinstance(value, datetime):
            checked_date(value, name, problems, latest)
        else:
            problems.append(Problem(name, "invalid_date", {"value": str(value)[:20]}))
    raise_problems(problems)
