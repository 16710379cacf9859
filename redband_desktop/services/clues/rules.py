"""Checks a clue form and each step of the clue flow must pass before anything is saved,
and the allocation of clue numbers inside the saving transaction.

Every problem of a form is collected and raised together as one ValidationError naming
its field, so a clerk sees all wrong fields at once and nothing is half-saved.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy.orm import Session

from redband_desktop.db.models import Incident, Volunteer
from redband_desktop.db.models.clues import Clue, ClueCounter
from redband_desktop.domain.clues import (
    ClueClosing,
    ClueStatus,
    ClueStep,
    ClueType,
    ClueUrgency,
    clue_number,
    step_allowed,
)
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.clues.types import ClueForm
from redband_desktop.services.shared.rules import clean_text, next_in_year, place_problems
from redband_desktop.services.shared.values import checked_date, checked_id

TEXT_LIMITS = {"location": 200, "content": 4000}
NUMBER_LOCK = 727276  # PostgreSQL advisory lock held while a clue number is handed out


def checked_form(s: Session, form: ClueForm, now: datetime) -> ClueForm:
    """The form cleaned and normalised, or ValidationError listing every problem."""
    problems: list[Problem] = []
    values: dict = {
        "location": clean_text(form.location, "location", TEXT_LIMITS["location"], problems=problems),
        "content": clean_text(form.content, "content", TEXT_LIMITS["content"], True, True, problems),
    }
    # from 1990 to now, to the minute
    values["reported_at"] = checked_date(form.reported_at, "reported_at", problems, now.date(), with_time=True,
                                         late_code="in_future")
    if form.reported_at is None:
        problems.append(Problem("reported_at", "required"))
    elif values["reported_at"] is not None and values["reported_at"] > now:
        problems.append(Problem("reported_at", "in_future"))
    reporter = checked_id(form.reporter_id, "reporter_id", problems)
    if form.reporter_id is None or (reporter is not None and s.get(Volunteer, reporter) is None):
        problems.append(Problem("reporter_id", "required" if form.reporter_id is None else "invalid_choice",
                                {"value": form.reporter_id}))
    for name, kind in (("clue_type", ClueType), ("urgency", ClueUrgency)):
        value = getattr(form, name)
        if value not in {m.value for m in kind}:
            problems.append(Problem(name, "invalid_choice" if value else "required", {"value": value}))
    problems += place_problems(s, form)
    if problems:
        raise ValidationError(problems)
    return replace(form, **values)


def check_step(row: Clue, step: ClueStep) -> None:
    """Refuse a step the clue's status does not allow (e.g. transferring an unverified clue)."""
    if not step_allowed(row.status, step):
        status = ClueStatus(row.status)
        raise ValidationError([Problem("status", "clue_wrong_stage", {
            "status": status.zh, "status_en": status.en, "step": step.zh, "step_en": step.en})])


def closing_problems(s: Session, closing: str, incident_id: int | None) -> list[Problem]:
    """A closing is one of the codes; an incident is linked exactly when it led to one."""
    if not isinstance(closing, str) or closing not in {m.value for m in ClueClosing}:
        return [Problem("closing", "invalid_choice" if closing else "required", {"value": closing})]
    if closing != ClueClosing.LED_TO_INCIDENT:
        return [Problem("incident_id", "clue_incident_unexpected")] if incident_id is not None else []
    if incident_id is None:
        return [Problem("incident_id", "required")]
    if checked_id(incident_id, "incident_id", []) is None or s.get(Incident, incident_id) is None:
        return [Problem("incident_id", "invalid_choice", {"value": incident_id})]
    return []


def allocate_number(s: Session, year: int) -> str:
    """The next clue number of `year`, taken inside the caller's write transaction."""
    return clue_number(year, next_in_year(s, ClueCounter, year, NUMBER_LOCK))
