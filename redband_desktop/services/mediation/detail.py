"""Mediation case rows turned into the frozen details, forms and rows the service hands
out (personal numbers masked for roles that may not see them), and a performance check
into its row."""

from __future__ import annotations

from datetime import date

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
    IdDocument,
    OutcomeKind,
    PartyRole,
    Performance,
    follow_up_due,
    is_due_soon,
    is_overdue,
)
from redband_desktop.domain.phone import mask_phone
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
                     phone, p.address, p.agent, IdDocument(p.id_type))


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
