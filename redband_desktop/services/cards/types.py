"""What the card service takes and returns: register rows, selections, warnings, print
results and verification verdicts. Plain frozen dataclasses, safe to hand to Qt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from redband_desktop.domain.cards import CardStatus, CheckResult

SELECTION_KINDS = ("all", "ids", "district", "site", "without_card", "expiring")


@dataclass(frozen=True)
class CardRow:
    id: int
    card_no: str
    volunteer_id: int
    name: str
    district: str
    site: str
    role: str
    issued_on: date
    valid_until: date
    status: CardStatus
    expired: bool
    changed_on: date | None
    reason: str
    replaced_by: str  # card number of the replacement, "" when none
    printed_count: int

    @property
    def shown_status(self) -> str:
        """valid / expired / revoked / lost / replaced: what the register shows."""
        return "expired" if self.status is CardStatus.VALID and self.expired else self.status.value


@dataclass(frozen=True)
class CardFilter:
    text: str = ""  # card number or name
    status: str | None = None  # a shown_status value, or "expiring" (valid, an active volunteer's, running
    # out within `expiring_days` from today)
    district_id: int | None = None
    site_id: int | None = None
    volunteer_id: int | None = None  # one volunteer's cards, newest first (their history)
    expiring_days: int = 30


@dataclass(frozen=True)
class CardSelection:
    """Which volunteers a batch prints for. `kind` is one of SELECTION_KINDS; every
    kind prints active volunteers only."""

    kind: str = "all"
    ids: tuple[int, ...] = ()
    district_id: int | None = None
    site_id: int | None = None
    days: int = 60  # for "expiring"


@dataclass(frozen=True)
class CardWarnings:
    expiring: tuple[CardRow, ...]
    without_card: int  # active volunteers with no card valid today (counted by the database)
    days: int


@dataclass(frozen=True)
class PrintResult:
    pdf: bytes
    cards: int
    issued: int  # new cards issued for this batch
    layout: str


@dataclass(frozen=True)
class Verification:
    status: CheckResult
    card_no: str
    name: str = ""
    photo: bytes | None = None
    valid_until: date | None = None
    register_status: str = ""  # the register's status (e.g. "replaced" shown as revoked)
    reason: str = ""
    district: str = ""
    site: str = ""
    role: str = ""  # as printed on the card (楼栋长 of a building, 治安志愿者 …)

    def as_dict(self) -> dict:
        return {
            "status": self.status.value, "card_no": self.card_no, "name": self.name,
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
            "register_status": self.register_status, "reason": self.reason,
            "district": self.district, "site": self.site, "role": self.role,
            "label": self.status.zh,
        }


@dataclass(frozen=True)
class CardSettings:
    validity_years: int
    title: str
    duties: str
    phone: str
    return_text: str
    offset_x_mm: float
    offset_y_mm: float
    back_offset_x_mm: float
    back_offset_y_mm: float
    warn_days: int
