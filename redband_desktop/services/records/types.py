"""Plain values the records service takes and returns (no ORM objects leave a service)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ServiceItem:
    """One service: a served shift or an activity taken part in, with its own minutes."""

    day: date
    starts_at: datetime
    kind: str  # "shift" or "activity"
    kind_code: str  # the duty type or activity type
    content: str  # place / theme in words
    minutes: int
    training: bool = False


@dataclass(frozen=True)
class AwardForm:
    name: str
    level: str
    awarded_on: date | None
    awarded_by: str


@dataclass(frozen=True)
class Award:
    id: int
    version: int
    name: str
    level: str
    awarded_on: date
    awarded_by: str
    recorded_by: str


@dataclass(frozen=True)
class EvaluationInfo:
    id: int
    version: int
    year: int
    stars: int
    comment: str
    evaluated_by: str


@dataclass(frozen=True)
class YearHours:
    year: int
    minutes: int


@dataclass(frozen=True)
class ServiceRecord:
    """A volunteer's service record as the rules ask: basic information, services,
    training, commendations, evaluations, hours per year and in all (overlaps once)."""

    volunteer_id: int
    volunteer_no: str
    name: str
    gender: str
    id_number: str  # masked unless the reader may see personal data
    district: str
    site: str
    joined_on: date
    status: str
    services: tuple[ServiceItem, ...]
    training: tuple[ServiceItem, ...]
    awards: tuple[Award, ...]
    evaluations: tuple[EvaluationInfo, ...]
    years: tuple[YearHours, ...]
    total_minutes: int


@dataclass(frozen=True)
class CertificateInfo:
    id: int
    number: str
    volunteer_id: int
    volunteer_no: str
    name: str
    first_day: date
    last_day: date
    minutes: int
    content: str
    issued_on: date
    issued_at: datetime
    issued_by: str
    printed_count: int


@dataclass(frozen=True)
class Printed:
    """A certificate issued or reprinted, with its PDF."""

    certificate: CertificateInfo
    pdf: bytes


@dataclass(frozen=True)
class Batch:
    """Certificates issued for a selection, in one PDF; `skipped`: names without service."""

    certificates: tuple[CertificateInfo, ...]
    skipped: tuple[str, ...]
    pdf: bytes


@dataclass(frozen=True)
class RankRow:
    rank: int
    volunteer_id: int
    volunteer_no: str
    name: str
    district: str
    site: str
    status: str
    minutes: int


@dataclass(frozen=True)
class Ranking:
    first: date
    last: date
    rows: tuple[RankRow, ...]  # active volunteers, ranked (ties share a rank)
    apart: tuple[RankRow, ...]  # suspended or left volunteers with hours, shown apart (rank 0)


@dataclass(frozen=True)
class InactiveRow:
    volunteer_id: int
    volunteer_no: str
    name: str
    district: str
    site: str
    last_service: date | None  # None: never served


@dataclass(frozen=True)
class Inactive:
    days: int
    since: date
    rows: tuple[InactiveRow, ...]
