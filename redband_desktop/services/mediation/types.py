"""What the mediation service takes in (forms) and hands out (frozen rows and details)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from redband_desktop.domain.mediation import (
    CaseSource,
    CaseStatus,
    DisputeType,
    IdDocument,
    OutcomeKind,
    PartyRole,
    Performance,
)


@dataclass(frozen=True)
class CaseForm:
    registered_on: date
    source: CaseSource
    dispute_type: DisputeType
    summary: str
    facts: str = ""
    district_id: int | None = None
    site_id: int | None = None
    registrar: str = ""
    mediators: str = ""
    incident_id: int | None = None


@dataclass(frozen=True)
class PartyForm:
    role: PartyRole
    name: str
    gender: str = ""  # "M" / "F" / ""
    ethnicity: str = ""
    age: int | None = None
    id_number: str = ""
    occupation: str = ""
    phone: str = ""
    address: str = ""
    agent: str = ""
    id_type: IdDocument = IdDocument.RESIDENT_ID  # which document `id_number` is from


@dataclass(frozen=True)
class InvestigationForm:
    on: date
    place: str = ""
    investigator: str = ""
    interviewed: str = ""
    findings: str = ""


@dataclass(frozen=True)
class SessionForm:
    held_at: datetime
    place: str = ""
    mediators: str = ""
    mediator_ids: tuple[int, ...] = ()
    participants: str = ""
    recorder: str = ""
    statements: str = ""
    facts_checked: str = ""
    result: str = ""


@dataclass(frozen=True)
class OutcomeForm:
    kind: OutcomeKind
    on: date
    terms: str = ""
    perform_method: str = ""
    perform_by: date | None = None
    perform_place: str = ""
    amount_yuan: Decimal | None = None
    copies: int = 3
    prevented_criminal: bool = False
    failure_reason: str = ""
    referred_to: str = ""


@dataclass(frozen=True)
class PerformanceForm:
    status: Performance
    checked_on: date
    proof: str = ""


@dataclass(frozen=True)
class FollowUpForm:
    visited_on: date
    party: str = ""
    visitor: str = ""
    performed: bool = False
    satisfaction: str = ""  # a Satisfaction code or ""
    escalation_signs: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Party:
    id: int
    form: PartyForm


@dataclass(frozen=True)
class Entry:
    """One investigation, session, performance check or follow-up visit of a case."""

    id: int
    form: InvestigationForm | SessionForm | PerformanceForm | FollowUpForm


@dataclass(frozen=True)
class CaseDetail:
    id: int
    version: int
    number: str
    status: CaseStatus
    form: CaseForm
    district_name: str
    site_name: str
    deadline: date
    extended: bool
    extension_reason: str
    outcome: OutcomeForm | None
    closed_on: date | None
    parties: tuple[Party, ...]
    investigations: tuple[Entry, ...]
    sessions: tuple[Entry, ...]
    performances: tuple[Entry, ...]
    follow_ups: tuple[Entry, ...]
    incident_number: str = ""  # the incident (警情) a police referral came from
    overdue: bool = False  # still open after its deadline
    due_soon: bool = False  # open, deadline within DUE_SOON_DAYS
    follow_up_due: bool = False  # agreement a month old with no visit yet

    def of_role(self, role: PartyRole) -> tuple[Party, ...]:
        return tuple(p for p in self.parties if p.form.role is role)


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str
    registered_on: date
    dispute_type: DisputeType
    source: CaseSource
    status: CaseStatus
    district_name: str
    summary: str
    parties: str
    deadline: date
    overdue: bool
    follow_up_due: bool
    version: int


@dataclass(frozen=True)
class MediationFilter:
    date_from: date | None = None
    date_to: date | None = None
    dispute_type: DisputeType | None = None
    source: CaseSource | None = None
    status: CaseStatus | None = None
    district_id: int | None = None
    site_id: int | None = None
    overdue: bool = False
    follow_up_due: bool = False
    text: str = ""
    volunteer_id: int | None = None  # cases the volunteer mediated in (a session's mediator_ids)
    # What a statistics figure counts: a volunteer among a session's mediators; settled by
    # a written or oral agreement; kept from turning criminal (防止民转刑).
    volunteer_mediated: bool = False
    agreed: bool = False
    prevented_criminal: bool = False
    sort: str = "registered_on"  # a key of mediation.query.SORTS
    descending: bool = True


@dataclass(frozen=True)
class CaseTotals:
    total: int
    by_status: dict[str, int] = field(default_factory=dict)
