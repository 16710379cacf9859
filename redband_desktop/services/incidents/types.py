"""Plain values the incident service takes and returns (no ORM objects leave a service)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class IncidentForm:
    """What a clerk types for one incident. `volunteers` is ((volunteer id, role), …)."""

    received_at: datetime | None
    category: str
    district_id: int | None
    channel: str = "110"
    occurred_at: datetime | None = None
    caller_name: str = ""
    caller_phone: str = ""
    caller_confidential: bool = False
    site_id: int | None = None
    building_id: int | None = None
    zone_id: int | None = None
    location: str = ""
    subcategory: str = ""
    loss_yuan: Decimal | str | None = None  # text as typed ("1,200.50") is read by the service
    fraud_method: str = ""
    summary: str = ""
    handling_officer: str = ""
    volunteers: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class IncidentDetail:
    id: int
    number: str
    version: int
    form: IncidentForm
    status: str
    outcome: str
    closed_at: datetime | None
    district_name: str
    site_name: str
    volunteer_names: dict[int, str] = field(default_factory=dict)
    mediation_cases: tuple[tuple[int, str], ...] = ()  # (case id, case number) made from it


@dataclass(frozen=True)
class IncidentFilter:
    text: str = ""
    date_from: date | None = None
    date_to: date | None = None
    category: str = ""
    district_id: int | None = None
    site_id: int | None = None
    status: str = ""
    channel: str = ""
    with_volunteers: bool | None = None  # None: either
    sort: str = "received_at"  # a key of incidents.query.SORTS
    descending: bool = True
    # What a statistics figure counts: any of these categories, by date of occurrence
    # (发案时间, both days included), as the statistics count them.
    categories: tuple[str, ...] = ()
    occurred_from: date | None = None
    occurred_to: date | None = None
    contact_type: bool = False  # only contact-type incidents (接触性警情, domain.incidents.CONTACT_TYPE)
    site_kind: str = ""  # a SiteKind code, or "none" for incidents at no site
    volunteer_role: str = ""  # only incidents a volunteer took this role in ("reported", "assisted")


@dataclass(frozen=True)
class IncidentRow:
    id: int
    number: str
    received_at: datetime
    category: str
    subcategory: str
    district: str
    site: str
    location: str
    caller: str
    status: str
    outcome: str
    volunteers: int
    district_id: int
    version: int
    summary: str = ""
    caller_confidential: bool = False  # then `caller` is empty: lists never show who called


@dataclass(frozen=True)
class IncidentSummary:
    total: int
    open: int
    closed: int
    loss_yuan: Decimal
    by_category: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class VolunteerIncident:
    """An incident on a volunteer's page, with what they did in it (VolunteerRole codes)."""

    row: IncidentRow
    roles: tuple[str, ...]
