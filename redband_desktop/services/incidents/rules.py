"""Checks an incident form must pass before anything is saved, and the allocation of
incident numbers inside the saving transaction.

Every problem of a form is collected and raised together as one ValidationError, so a
clerk sees all wrong fields at once and nothing is half-saved.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy.orm import Session

from redband_desktop.db.models import Volunteer
from redband_desktop.db.models.incidents import IncidentCounter
from redband_desktop.domain.incidents import (
    DEFAULT_PREFIX,
    NUMBER_PREFIX_KEY,
    FraudMethod,
    IncidentCategory,
    IncidentChannel,
    VolunteerRole,
    incident_number,
    subtype_allowed,
)
from redband_desktop.domain.phone import normalize_phone
from redband_desktop.domain.text import clean
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.incidents.types import IncidentForm
from redband_desktop.services.shared.rules import clean_text, next_in_year, place_problems
from redband_desktop.services.shared.settings import read_settings
from redband_desktop.services.shared.values import checked_date, checked_id, checked_money

TEXT_LIMITS = {"caller_name": 40, "location": 200, "summary": 4000, "handling_officer": 40}
MULTILINE = {"summary"}
NUMBER_LOCK = 727275  # PostgreSQL advisory lock held while a number is handed out


def checked_form(s: Session, form: IncidentForm, now: datetime) -> IncidentForm:
    """The form cleaned and normalised, or ValidationError listing every problem."""
    problems: list[Problem] = []
    values: dict = {name: clean_text(getattr(form, name), name, limit, multiline=name in MULTILINE, problems=problems)
                    for name, limit in TEXT_LIMITS.items()}
    values["caller_phone"] = _phone(form.caller_phone, problems)
    values["received_at"], values["occurred_at"] = _times(form, now, problems)
    values["loss_yuan"] = checked_money(form.loss_yuan, "loss_yuan", problems)
    problems += _code_problems(form) + place_problems(s, form) + _volunteer_problems(s, form)
    if problems:
        raise ValidationError(problems)
    return replace(form, **values)


def _phone(raw: object, problems: list[Problem]) -> str:
    try:
        return normalize_phone(clean(raw), "caller_phone")
    except ValidationError as exc:
        problems.extend(exc.problems)
        return ""


def _times(form: IncidentForm, now: datetime, problems: list[Problem]) -> tuple[datetime | None, datetime | None]:
    """Both times from 1990 to now (to the minute: a call cannot come from the future),
    the incident not after the call."""
    received = checked_date(form.received_at, "received_at", problems, now.date(), with_time=True,
                            late_code="in_future")
    occurred = checked_date(form.occurred_at, "occurred_at", problems, now.date(), with_time=True,
                            late_code="in_future")
    if form.received_at is None:
        problems.append(Problem("received_at", "required"))
    elif received is not None and received > now:
        problems.append(Problem("received_at", "in_future"))
    if occurred is not None:
        if occurred > now:
            problems.append(Problem("occurred_at", "in_future"))
        elif received is not None and occurred > received:
            problems.append(Problem("occurred_at", "occurred_after_received"))
    return received, occurred


def _code_problems(form: IncidentForm) -> list[Problem]:
    out = []
    for name, kind in (("category", IncidentCategory), ("channel", IncidentChannel)):
        if getattr(form, name) not in {m.value for m in kind}:
            out.append(Problem(name, "required" if not getattr(form, name) else "invalid_choice"))
    if form.category in {m.value for m in IncidentCategory}:
        if not subtype_allowed(form.category, form.subcategory):
            out.append(Problem("subcategory", "subcategory_mismatch"))
        if form.fraud_method and (form.category != IncidentCategory.FRAUD
                                  or form.fraud_method not in {m.value for m in FraudMethod}):
            out.append(Problem("fraud_method", "fraud_method_mismatch"))
    return out


def _volunteer_problems(s: Session, form: IncidentForm) -> list[Problem]:
    roles = {m.value for m in VolunteerRole}
    for pair in form.volunteers:
        volunteer_id, role = pair if isinstance(pair, tuple) and len(pair) == 2 else (None, None)
        if (checked_id(volunteer_id, "volunteers", []) is None or not isinstance(role, str) or role not in roles
                or s.get(Volunteer, volunteer_id) is None):
            return [Problem("volunteers", "invalid_choice")]
    return []


def allocate_number(s: Session, year: int) -> str:
    """The next incident number of `year`, taken inside the caller's write transaction."""
    prefix = str(read_settings(s).get(NUMBER_PREFIX_KEY) or DEFAULT_PREFIX)
    return incident_number(prefix, year, next_in_year(s, IncidentCounter, year, NUMBER_LOCK))
