"""Plain values the points service takes and returns (no ORM objects leave a service)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class PointRuleRow:
    id: int
    kind: str
    label: str  # the kind in the user's words (zh; the UI translates by `kind`)
    unit: str
    points: int
    effective_from: date
    in_force: bool  # the version that applies today
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class PointEntry:
    """Points earned by one record: a shift attended, a clue, an activity."""

    volunteer_id: int
    day: date
    kind: str  # a domain.points rule kind
    source: str  # "shift", "clue", "activity" or "commendation"
    source_id: int
    what: str  # the record in words: the shift's place and time, the clue number, the activity
    quantity: float  # hours for a shift, 1 otherwise
    points: int


@dataclass(frozen=True)
class RedemptionForm:
    volunteer_id: int
    prize: str
    points: int | None
    day: date | None
    handed_by: str
    notes: str = ""


@dataclass(frozen=True)
class RedemptionRow:
    id: int
    day: date
    prize: str
    points: int
    handed_by: str
    notes: str
    recorded_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class PointsAccount:
    volunteer_id: int
    name: str
    volunteer_no: str
    district_id: int
    earned: int
    redeemed: int
    entries: tuple[PointEntry, ...]  # newest first
    redemptions: tuple[RedemptionRow, ...]  # newest first

    @property
    def balance(self) -> int:
        return self.earned - self.redeemed


@dataclass(frozen=True)
class PointsRankRow:
    rank: int  # equal points share a rank (1, 2, 2, 4)
    volunteer_id: int
    name: str
    volunteer_no: str
    site: str
    status: str
    points: int
