"""Checking mediation forms field by field, and turning case rows into frozen details.

Every problem of a form is collected into one ValidationError, so the user sees all of
them at once and nothing is saved."""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date
from decimal import Decimal

from redband_desktop.db.models import (
    MediationCase,
    MediationFollowUp,
    MediationInvestigation,
    MediationParty,
    MediationPerformance,
    MediationSession,
)
from redband_desktop.domain.idnumber import mask_id_number
from redband_desktop.domain.mediation import (
    CaseSource,
    CaseStatus,
    DisputeType,
    OutcomeKind,
    PartyRole,
    Performance,
    follow_up_due,
    is_due_soon,
    is_overdue,
)
from redband_desktop.domain.phone import mask_phone, normalize_phone
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.mediation.types import (
    CaseDetail,
    CaseForm,
    Entry,
    FollowUpForm,
    InvestigationForm,
    OutcomeForm,
    Party,
    PartyForm,
    PerformanceForm,
    SessionForm,
)
from redband_desktop.services.shared.rules import text_problem

LONG = 4000
LIMITS = {
    "summary": 100, "facts": LONG, "registrar": 40, "mediators": 100, "name": 60, "ethnicity": 20,
    "id_number": 18, "occupation": 40, "phone": 20, "address": 200, "agent": 100, "place": 100,
    "investigator": 60, "interviewed": 100, "findings": LONG, "participants": 200, "recorder": 40,
    "statements": LONG, "facts_checked": LONG, "result": LONG, "terms": LONG, "perform_method": LONG,
    "perform_place": 100, "failure_reason": LONG, "referred_to": 200, "proof": LONG, "party": 60,
    "visitor": 60, "escalation_signs": LONG, "notes": LONG, "extension_reason": LONG,
}
_MULTILINE = {"facts", "findings", "statements", "facts_checked", "result", "terms", "perform_method",
              "failure_reason", "proof", "escalation_signs", "notes", "extension_reason"}


def clean(form, required: tuple[str, ...] = ()):  # noqa: ANN001, ANN201 - any form dataclass
    """The form with its text trimmed; raise one ValidationError listing every problem."""
    values, problems = {}, []
    for name, value in asdict(form).items():
        if name not in LIMITS:
            continue
        raw = str(value or "")
        text = raw.strip() if name in _MULTILINE else " ".join(raw.split())
        values[name] = text
        if (p := text_problem(text, name, LIMITS[name], name in required)) is not None:
            problems.append(p)
    if values.get("phone"):
        try:
            values["phone"] = normalize_phone(values["phone"], "phone")
        except ValidationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ValidationError(problems)
    return replace(form, **values)


def check_party(form: PartyForm) -> PartyForm:
    form = clean(form, ("name",))
    if form.age is not None and not 0 <= form.age <= 120:
        raise ValidationError.single("age", "out_of_range", low=0, high=120)
    if form.gender not in ("", "M", "F"):
        raise ValidationError.single("gender", "invalid_choice")
    return replace(form, role=PartyRole(form.role), id_number=form.id_number.upper())


def check_outcome(form: OutcomeForm, parties: list[MediationParty]) -> OutcomeForm:
    """An agreement needs terms, at least one applicant and one respondent; a failure its reason."""
    kind = OutcomeKind(form.kind)
    problems = []
    try:
        form = clean(replace(form, kind=kind), ("terms",) if kind.is_agreement else ())
    except ValidationError as exc:
        problems.extend(exc.problems)
    if kind.is_agreement:
        roles = {p.role for p in parties}
        if not {PartyRole.APPLICANT.value, PartyRole.RESPONDENT.value} <= roles:
            problems.append(Problem("parties", "mediation_needs_parties"))
        if form.amount_yuan is not None and form.amount_yuan < 0:
            problems.append(Problem("amount_yuan", "out_of_range", {"low": 0, "high": "∞"}))
        if not 1 <= form.copies <= 10:
            problems.append(Problem("copies", "out_of_range", {"low": 1, "high": 10}))
        if form.perform_by is not None and form.perform_by < form.on:
            problems.append(Problem("perform_by", "mediation_before_agreement"))
    elif kind is OutcomeKind.NOT_REACHED and not form.failure_reason:
        problems.append(Problem("failure_reason", "required"))
    if problems:
        raise ValidationError(problems)
    amount = None if form.amount_yuan is None else Decimal(form.amount_yuan).quantize(Decimal("0.01"))
    return replace(form, amount_yuan=amount)


def detail(c: MediationCase, masked: bool, today: date | None = None) -> CaseDetail:
    """The case as the window shows it; the deadline and follow-up warnings need `today`."""
    status = CaseStatus(c.status)
    form = CaseForm(c.registered_on, CaseSource(c.source), DisputeType(c.dispute_type), c.summary, c.facts,
                    c.district_id, c.site_id, c.registrar, c.mediators, c.incident_id)
    return CaseDetail(
        c.id, c.version, c.number, status, form,
        c.district.name if c.district else "", c.site.name if c.site else "",
        c.deadline, c.extended, c.extension_reason, outcome(c), c.closed_on,
        tuple(Party(p.id, party_form(p, masked)) for p in c.parties),
        tuple(Entry(i.id, investigation_form(i)) for i in c.investigations),
        tuple(Entry(s.id, session_form(s)) for s in c.sessions),
        tuple(Entry(p.id, PerformanceForm(Performance(p.status), p.checked_on, p.proof)) for p in c.performances),
        tuple(Entry(f.id, follow_up_form(f)) for f in c.follow_ups),
        c.incident.number if c.incident is not None else "",
        today is not None and is_overdue(status, c.deadline, today),
        today is not None and is_due_soon(status, c.deadline, today),
        today is not None and follow_up_due(status, c.outcome_on, len(c.follow_ups), today),
    )


def outcome(c: MediationCase) -> OutcomeForm | None:
    if not c.outcome_kind:
        return None
    return OutcomeForm(OutcomeKind(c.outcome_kind), c.outcome_on, c.terms, c.perform_method, c.perform_by,
                       c.perform_place, c.amount_yuan, c.copies, c.prevented_criminal, c.failure_reason,
                       c.referred_to)


def party_form(p: MediationParty, masked: bool) -> PartyForm:
    id_number = mask_id_number(p.id_number) if masked and p.id_number else p.id_number
    phone = mask_phone(p.phone) if masked and p.phone else p.phone
    return PartyForm(PartyRole(p.role), p.name, p.gender, p.ethnicity, p.age, id_number, p.occupation,
                     phone, p.address, p.agent)


def investigation_form(i: MediationInvestigation) -> InvestigationForm:
    return InvestigationForm(i.on, i.place, i.investigator, i.interviewed, i.findings)


def session_form(s: MediationSession) -> SessionForm:
    ids = tuple(int(x) for x in s.mediator_ids.split(",") if x.strip())
    return SessionForm(s.held_at, s.place, s.mediators, ids, s.participants, s.recorder, s.statements,
                       s.facts_checked, s.result)


def follow_up_form(f: MediationFollowUp) -> FollowUpForm:
    return FollowUpForm(f.visited_on, f.party, f.visitor, f.performed, f.satisfaction, f.escalation_signs,
                        f.notes)


def performance_row(case_id: int, form: PerformanceForm) -> MediationPerformance:
    return MediationPerformance(case_id=case_id, status=Performance(form.status).value,
                                checked_on=form.checked_on, proof=form.proof)


def checked_case(form: CaseForm) -> CaseForm:
    """A case form with its text cleaned and its source and dispute type chosen: every
    problem (an empty summary, no source, no type) raised together, each on its field."""
    problems = []
    try:
        form = clean(form, ("summary",))
    except ValidationError as exc:
        problems += list(exc.problems)
    choices = {}
    for name, kind in (("source", CaseSource), ("dispute_type", DisputeType)):
        value = getattr(form, name)
        if value not in {m.value for m in kind}:
            problems.append(Problem(name, "invalid_choice" if value else "required"))
        else:
            choices[name] = kind(value)
    if problems:
        raise ValidationError(problems)
    return replace(form, **choices)
