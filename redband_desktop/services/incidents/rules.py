"""Checks an incident form must pass before anything is saved, and the allocation of
incident numbers inside the saving transaction.

Every problem of a form is collected and raised together as one ValidationError, so a
clerk sees all wrong fields at once and nothing is half-saved.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

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
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.incidents.types import IncidentForm
from redband_desktop.services.shared.rules import next_in_year, place_problems, text_problem
from redband_desktop.services.shared.settings import read_settings

TEXT_LIMITS = {"caller_name": 40, "location": 200, "summary": 4000, "handling_officer": 40}
NUMBER_LOCK = 727275  # PostgreSQL advisory lock held while a number is handed out


def checked_form(s: Session, form: IncidentForm, now: datetime) -> IncidentForm:
    """The form trimmed and normalised, or ValidationError listing every problem."""
    problems: list[Problem] = []
    values = {}
    for name, limit in TEXT_LIMITS.items():
        raw = str(getattr(form, name) or "")
        values[name] = raw.strip() if name == "summary" else " ".join(raw.split())
        if (p := text_problem(values[name], name, limit)) is not None:
            problems.append(p)
    values["caller_phone"] = _phone(form.caller_phone, problems)
    problems += _time_problems(form, now) + _code_problems(form) + place_problems(s, form)
    problems += _volunteer_problems(s, form)
    if form.loss_yuan is not None and Decimal(form.loss_yuan) < 0:
        problems.append(Problem("loss_yuan", "loss_negative"))
    if problems:
        raise ValidationError(problems)
    return replace(form, **values)


def _phone(raw: str, problems: list[Problem]) -> str:
    try:
        return normalize_phone(raw or "", "caller_phone")
    except ValidationError as exc:
        problems.extend(exc.problems)
        return raw


def _time_problems(form: IncidentForm, now: datetime) -> list[Problem]:
    out = []
    if form.received_at is None:
        out.append(Problem("received_at", "required"))
    elif form.received_at > now:
        out.append(Problem("received_at", "in_future"))
    if form.occurred_at is not None:
        if form.occurred_at > now:
            out.append(Problem("occurred_at", "in_future"))
        elif form.received_at is not None and form.occurred_at > form.received_at:
            out.append(Problem("occurred_at", "occurred_after_received"))
    return out


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
    for volunteer_id, role in form.volunteers:
        if role not in roles or s.get(Volunteer, volunteer_id) is None:
            return [Problem("volunteers", "invalid_choice")]
    return []


def allocate_number(s: Session, year: int) -> str:
    """The next incident number of `year`, taken inside the caller's write transaction."""
    prefix = str(read_settings(s).get(NUMBER_PREFIX_KEY) or DEFAULT_PREFIX)
    return incident_number(prefix, year, next_in_year(s, IncidentCounter, year, NUMBER_LOCK))
