"""Checks an activity form must pass before anything is saved: the type and its own
fields, the day and the time span, the place, the organiser, the incidents used as real
cases, and the participants — active volunteers (one who has since been suspended or has
left stays on an activity they already took part in), each once, with hours more than
none and no more than the span, and never in two activities at the same time.

Every problem is collected and raised together as one ValidationError naming its field,
so a clerk sees all wrong fields at once and nothing is half-saved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import District, Incident, Site, Volunteer
from redband_desktop.db.models.activities import Activity, ActivityParticipant
from redband_desktop.domain.activities import (
    ALL_EXTRA,
    ActivityType,
    OrganiserKind,
    extra_fields,
    hours_text,
    span_minutes,
)
from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.activities.types import ActivityForm, Participant
from redband_desktop.services.shared.rules import clean_text, place_problems
from redband_desktop.services.shared.values import checked_date, checked_id, checked_int

TEXT_LIMITS = {"location": 200, "organiser": 100, "theme": 100, "notes": 4000, "cases_note": 500, "subject": 100}
COUNT_LIMITS = {"audience": 100_000, "leaflets": 1_000_000, "households": 100_000, "needs_raised": 10_000}
MAX_PARTICIPANTS = 500
EMPTY = ActivityForm("", None, None, None, None)


@dataclass(frozen=True)
class Checked:
    form: ActivityForm
    starts_at: datetime
    ends_at: datetime
    participants: tuple[tuple[int, int], ...]  # (volunteer id, minutes)


def checked_form(s: Session, form: ActivityForm, today: date, activity_id: int | None,
                 already: frozenset[int] = frozenset()) -> Checked:
    """The form cleaned, with its span and each participant's minutes, or ValidationError
    listing every problem. `already`: the volunteers on the activity before this edit."""
    problems: list[Problem] = []
    kind = _type(form.activity_type, problems)
    values = {name: clean_text(getattr(form, name), name, limit, multiline=name == "notes", problems=problems)
              for name, limit in TEXT_LIMITS.items()}
    organiser = _organiser(form.organiser_kind, values["organiser"], problems)
    for name, high in COUNT_LIMITS.items():
        values[name] = checked_int(getattr(form, name), name, problems, 0, high)
    values["counts_as_training"] = bool(form.counts_as_training)
    incident_ids = _incidents(s, form.incident_ids, problems)
    if kind is not None:
        _refuse_foreign_fields(kind, {**values, "incident_ids": incident_ids}, problems)
    problems += place_problems(s, form)
    span = _span(form, today, problems)
    participants = _participants(s, form.participants, span, activity_id, already, problems) if span else ()
    if problems:
        raise ValidationError(problems)
    clean = replace(form, **values, organiser_kind=organiser, incident_ids=incident_ids,
                    participants=tuple(Participant(v, m) for v, m in participants))
    return Checked(clean, span[0], span[1], participants)


def _type(value: object, problems: list[Problem]) -> ActivityType | None:
    try:
        return ActivityType(value)
    except ValueError:
        problems.append(Problem("activity_type", "invalid_choice" if value else "required", {"value": value}))
        return None


def _organiser(kind: object, name: str, problems: list[Problem]) -> str:
    """Who organised it; anyone but the station itself is named."""
    try:
        organiser = OrganiserKind(kind)
    except ValueError:
        problems.append(Problem("organiser_kind", "invalid_choice" if kind else "required", {"value": kind}))
        return ""
    if organiser is not OrganiserKind.STATION and not name:
        problems.append(Problem("organiser", "required"))
    return organiser.value


def _refuse_foreign_fields(kind: ActivityType, values: dict, problems: list[Problem]) -> None:
    own = extra_fields(kind)
    for name in sorted(ALL_EXTRA - own):
        if values.get(name) not in (None, "", False, ()):
            problems.append(Problem(name, "activity_field_unexpected", {"type": kind.zh, "type_en": kind.en}))


def _incidents(s: Session, ids: object, problems: list[Problem]) -> tuple[int, ...]:
    out: list[int] = []
    for value in tuple(ids or ()):
        ident = checked_id(value, "incident_ids", problems)
        if ident is None or s.get(Incident, ident) is None:
            problems.append(Problem("incident_ids", "invalid_choice", {"value": value}))
        elif ident not in out:
            out.append(ident)
    return tuple(out)


def _span(form: ActivityForm, today: date, problems: list[Problem]) -> tuple[datetime, datetime] | None:
    """The start and end on the activity's day (it happened: no later than today)."""
    bad = len(problems)
    day = checked_date(form.day, "day", problems, today, late_code="date_in_future")
    if form.day is None:
        problems.append(Problem("day", "required"))
    for name in ("start_time", "end_time"):
        value = getattr(form, name)
        if value is None:
            problems.append(Problem(name, "required"))
        elif not isinstance(value, time):
            problems.append(Problem(name, "invalid_date", {"value": str(value)[:20]}))
    if len(problems) > bad or day is None:
        return None
    start = datetime.combine(day, form.start_time.replace(second=0, microsecond=0, tzinfo=None))
    end = datetime.combine(day, form.end_time.replace(second=0, microsecond=0, tzinfo=None))
    if end <= start:
        problems.append(Problem("end_time", "activity_end_before_start"))
        return None
    return start, end


def _participants(s: Session, entries: tuple, span: tuple[datetime, datetime], activity_id: int | None,
                  already: frozenset[int], problems: list[Problem]) -> tuple[tuple[int, int], ...]:
    if len(entries) > MAX_PARTICIPANTS:
        problems.append(Problem("participants", "out_of_range", {"low": 0, "high": MAX_PARTICIPANTS}))
        return ()
    whole = span_minutes(*span)
    out: dict[int, int] = {}
    for entry in entries:
        vid = checked_id(getattr(entry, "volunteer_id", None), "participants", problems)
        v = s.get(Volunteer, vid) if vid is not None else None
        if v is None:
            problems.append(Problem("participants", "invalid_choice", {"value": getattr(entry, "volunteer_id", "")}))
            continue
        if vid in out:
            problems.append(Problem("participants", "activity_participant_twice", {"name": v.name}))
            continue
        if v.status != VolunteerStatus.ACTIVE and vid not in already:
            status = VolunteerStatus(v.status)
            problems.append(Problem("participants", "activity_volunteer_inactive",
                                    {"name": v.name, "status": status.zh, "status_en": status.en.lower()}))
            continue
        minutes = _minutes(getattr(entry, "minutes", None), whole, v.name, problems)
        clash = _clash(s, vid, span, activity_id)
        if clash is not None:
            problems.append(Problem("participants", "activity_overlap", {"name": v.name, **clash}))
        elif minutes is not None:
            out[vid] = minutes
    return tuple(out.items())


def _minutes(value: object, whole: int, name: str, problems: list[Problem]) -> int | None:
    if value is None:
        return whole
    minutes = checked_int(value, "minutes", [], -10**6, 10**6)
    if minutes is None or minutes <= 0:
        problems.append(Problem("participants", "activity_minutes_positive", {"name": name}))
        return None
    if minutes > whole:
        problems.append(Problem("participants", "activity_minutes_over_span", {"name": name,
                                                                               "hours": hours_text(whole)}))
        return None
    return minutes


def _clash(s: Session, volunteer_id: int, span: tuple[datetime, datetime], activity_id: int | None) -> dict | None:
    """Another activity of the volunteer sharing time with `span` (touching ends do not)."""
    q = (select(Activity).join(ActivityParticipant, ActivityParticipant.activity_id == Activity.id)
         .where(ActivityParticipant.volunteer_id == volunteer_id, Activity.starts_at < span[1],
                Activity.ends_at > span[0]).order_by(Activity.starts_at).limit(1))
    if activity_id is not None:
        q = q.where(Activity.id != activity_id)
    other = s.scalar(q)
    if other is None:
        return None
    site = s.get(Site, other.site_id) if other.site_id else None
    place = site.name if site else s.get(District, other.district_id).name
    kind = ActivityType(other.activity_type)
    return {"day": other.day.isoformat(), "start": f"{other.starts_at:%H:%M}", "end": f"{other.ends_at:%H:%M}",
            "type": kind.zh, "type_en": kind.en, "place": place}
