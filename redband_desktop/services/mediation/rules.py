"""Checking mediation forms field by field before anything is saved: free text through the
one cleaning boundary, dates within their range, numbers and money, the codes, and a
party's identity document.

Every problem of a form is collected into one ValidationError, so the user sees all of
them at once and nothing is saved."""

from __future__ import annotations

import re
from dataclasses import fields, replace
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Incident, MediationCase, MediationParty
from redband_desktop.domain.idnumber import normalize_id_number, parse_id_number
from redband_desktop.domain.mediation import (
    CaseSource,
    DisputeType,
    IdDocument,
    OutcomeKind,
    PartyRole,
    Performance,
    Satisfaction,
)
from redband_desktop.domain.phone import normalize_phone
from redband_desktop.domain.text import clean as clean_raw
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.mediation.types import CaseForm, OutcomeForm, PartyForm
from redband_desktop.services.shared.rules import clean_text, place_problems
from redband_desktop.services.shared.values import (
    a_year_after,
    checked_choice,
    checked_date,
    checked_id,
    checked_int,
    checked_money,
    raise_problems,
)

LONG = 4000
LIMITS = {
    "summary": 100, "facts": LONG, "registrar": 40, "mediators": 100, "name": 60, "ethnicity": 20,
    "occupation": 40, "phone": 20, "address": 200, "agent": 100, "place": 100,
    "investigator": 60, "interviewed": 100, "findings": LONG, "participants": 200, "recorder": 40,
    "statements": LONG, "facts_checked": LONG, "result": LONG, "terms": LONG, "perform_method": LONG,
    "perform_place": 100, "failure_reason": LONG, "referred_to": 200, "proof": LONG, "party": 60,
    "visitor": 60, "escalation_signs": LONG, "notes": LONG, "extension_reason": LONG,
}
_MULTILINE = {"facts", "findings", "statements", "facts_checked", "result", "terms", "perform_method",
              "failure_reason", "proof", "escalation_signs", "notes", "extension_reason"}
# The dates of a case's steps; `perform_by` may be empty. Each runs from 1990 to a year
# ahead (a case may be registered ahead of a visit, a session planned) — except the date
# an agreement is to be carried out by, which may lie years ahead (payment by instalments).
_DATES = {"registered_on", "on", "held_at", "checked_on", "visited_on", "perform_by"}
PERFORM_BY_YEARS = 5
DOCUMENT_NUMBER_MAX = 30
_DOCUMENT_NUMBER = re.compile(rf"[A-Z0-9()（）\-]{{1,{DOCUMENT_NUMBER_MAX}}}")


def checked(form, required: tuple[str, ...], today: date, problems: list[Problem]):  # noqa: ANN001, ANN201
    """The form with its text cleaned and its dates checked, every problem appended."""
    values: dict = {}
    for f in fields(form):
        value = getattr(form, f.name)
        if f.name in LIMITS:
            values[f.name] = clean_text(value, f.name, LIMITS[f.name], f.name in required, f.name in _MULTILINE,
                                        problems)
        elif f.name in _DATES:
            values[f.name] = _date(f.name, value, today, problems)
    if values.get("phone"):
        try:
            values["phone"] = normalize_phone(values["phone"], "phone")
        except ValidationError as exc:
            problems.extend(exc.problems)
    return replace(form, **values)


def clean(form, today: date, required: tuple[str, ...] = ()):  # noqa: ANN001, ANN201 - a step's form
    """A step's form (investigation, session, performance check, follow-up visit) cleaned
    and checked, its ids and codes too; raise one ValidationError listing every problem."""
    problems: list[Problem] = []
    form = checked(form, required, today, problems)
    names, extra = {f.name for f in fields(form)}, {}
    if "mediator_ids" in names:
        ids = tuple(form.mediator_ids) if isinstance(form.mediator_ids, tuple | list) else (form.mediator_ids,)
        if any(checked_id(i, "mediator_ids", []) is None for i in ids):
            problems.append(Problem("mediator_ids", "invalid_choice", {"value": str(form.mediator_ids)[:20]}))
        extra["mediator_ids"] = ids
    if "status" in names:
        extra["status"] = checked_choice(form.status, Performance, "status", problems)
    if "satisfaction" in names:
        satisfaction = checked_choice(form.satisfaction, Satisfaction, "satisfaction", problems, required=False)
        extra["satisfaction"] = satisfaction.value if satisfaction else ""
    if "performed" in names:
        extra["performed"] = bool(form.performed)
    raise_problems(problems)
    return replace(form, **extra)


def _date(name: str, value: object, today: date, problems: list[Problem]) -> date | datetime | None:
    if value is None and name != "perform_by":
        problems.append(Problem(name, "required"))
        return None
    latest = today + timedelta(days=365 * PERFORM_BY_YEARS) if name == "perform_by" else a_year_after(today)
    return checked_date(value, name, problems, latest, with_time=name == "held_at")


def check_party(form: PartyForm, today: date) -> PartyForm:
    """A party's form cleaned, with its age, gender, role and identity document checked."""
    problems: list[Problem] = []
    role = checked_choice(form.role, PartyRole, "role", problems)
    form = checked(form, ("name",), today, problems)
    age = checked_int(form.age, "age", problems, 0, 120)
    if form.gender not in ("", "M", "F"):
        problems.append(Problem("gender", "invalid_choice", {"value": str(form.gender)[:20]}))
    form = replace(form, role=role, age=age, **_identity(form, today, problems))
    raise_problems(problems)
    return form


def _identity(form: PartyForm, today: date, problems: list[Problem]) -> dict:
    """The document type and number: a GB 11643 number (an ID card or residence permit)
    is checked as a volunteer's is, and fills in or cross-checks the gender; another
    document's number is letters, digits, "-" and brackets."""
    kind = checked_choice(form.id_type or IdDocument.RESIDENT_ID, IdDocument, "id_type", problems)
    raw = clean_raw(form.id_number)
    if not raw or kind is None:
        return {"id_type": kind or IdDocument.RESIDENT_ID, "id_number": normalize_id_number(raw)}
    if not kind.gb11643:
        number = normalize_id_number(raw)
        if not _DOCUMENT_NUMBER.fullmatch(number):
            problems.append(Problem("id_number", "document_number_invalid", {"max": DOCUMENT_NUMBER_MAX}))
        return {"id_type": kind, "id_number": number}
    try:
        info = parse_id_number(raw, "id_number", today)
    except ValidationError as exc:
        problems.extend(exc.problems)
        return {"id_type": kind, "id_number": normalize_id_number(raw)}
    if form.gender and form.gender != info.gender.value:
        problems.append(Problem("gender", "gender_mismatch", {"expected": info.gender.zh}))
    return {"id_type": kind, "id_number": info.number, "gender": form.gender or info.gender.value}


def check_outcome(form: OutcomeForm, parties: list[MediationParty], today: date) -> OutcomeForm:
    """An agreement needs terms, at least one applicant and one respondent; a failure its reason."""
    problems: list[Problem] = []
    kind = checked_choice(form.kind, OutcomeKind, "kind", problems)
    if kind is None:
        raise ValidationError(problems)
    form = checked(replace(form, kind=kind), ("terms",) if kind.is_agreement else (), today, problems)
    if kind.is_agreement:
        roles = {p.role for p in parties}
        if not {PartyRole.APPLICANT.value, PartyRole.RESPONDENT.value} <= roles:
            problems.append(Problem("parties", "mediation_needs_parties"))
        if form.perform_by is not None and form.on is not None and form.perform_by < form.on:
            problems.append(Problem("perform_by", "mediation_before_agreement"))
    elif kind is OutcomeKind.NOT_REACHED and not form.failure_reason:
        problems.append(Problem("failure_reason", "required"))
    if form.copies is None:
        problems.append(Problem("copies", "required"))
    form = replace(form, amount_yuan=checked_money(form.amount_yuan, "amount_yuan", problems),
                   copies=checked_int(form.copies, "copies", problems, 1, 10),
                   prevented_criminal=bool(form.prevented_criminal))
    raise_problems(problems)
    return form


def check_case(s: Session, form: CaseForm, today: date, case_id: int | None = None) -> CaseForm:
    """A registration: text and date, the codes, the place (a site belongs to the case's
    district, as an incident's does) and the incident it came from, which exists and is
    linked to no other case."""
    problems: list[Problem] = []
    form = replace(checked(form, ("summary",), today, problems),
                   source=checked_choice(form.source, CaseSource, "source", problems),
                   dispute_type=checked_choice(form.dispute_type, DisputeType, "dispute_type", problems))
    problems += place_problems(s, form, district_required=False)
    incident = checked_id(form.incident_id, "incident_id", problems)
    if incident is not None and s.get(Incident, incident) is None:
        problems.append(Problem("incident_id", "invalid_choice", {"value": incident}))
    elif incident is not None:
        other = s.scalar(select(MediationCase.number).where(
            MediationCase.incident_id == incident, MediationCase.id != (case_id or 0)).limit(1))
        if other is not None:
            problems.append(Problem("incident_id", "mediation_incident_linked", {"number": other}))
    raise_problems(problems)
    return form
