"""Plain values the clue service takes and returns (no ORM objects leave a service)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class ClueForm:
    """What a clerk types for one clue report."""

    reporter_id: int | None
    reported_at: datetime | None
    district_id: int | None
    clue_type: str
    urgency: str = "normal"
    site_id: int | None = None
    building_id: int | None = None
    zone_id: int | None = None
    location: str = ""
    content: str = ""


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    thumbnail: bytes  # JPEG, long side ≤ 160 px
    width: int
    height: int
    size: int  # bytes of the stored image
    added_at: datetime


@dataclass(frozen=True)
class ClueDetail:
    id: int
    number: str
    version: int
    form: ClueForm
    status: str
    reporter_name: str
    district_name: str
    site_name: str
    verified_at: datetime | None
    verified_by: str
    verify_note: str
    transferred_at: datetime | None
    transferred_to: str
    closed_at: datetime | None
    closing: str
    incident_id: int | None
    incident_number: str
    feedback: str
    feedback_at: datetime | None
    attachments: tuple[AttachmentInfo, ...] = ()


# ClueFilter.status for clues transferred or closed whose feedback to the reporter is not
# written yet (the home page's "clues waiting for feedback").
AWAITING_FEEDBACK = "awaiting_feedback"


@dataclass(frozen=True)
class ClueFilter:
    text: str = ""  # number, content, location or the reporter's name
    date_from: date | None = None
    date_to: date | None = None
    clue_type: str = ""
    urgency: str = ""
    district_id: int | None = None
    site_id: int | None = None
    status: str = ""
    led_to_incident: bool = False  # only clues that led to an incident (statistics)
    sort: str = "reported_at"  # see clues.query.SORTS
    descending: bool = True


@dataclass(frozen=True)
class ClueRow:
    id: int
    number: str
    reported_at: datetime
    clue_type: str
    urgency: str
    status: str
    closing: str
    district_id: int
    district: str
    site: str
    location: str
    reporter_id: int
    reporter: str
    content: str
    attachments: int
    incident_number: str
    has_feedback: bool
    version: int


@dataclass(frozen=True)
class ClueSummary:
    total: int
    by_status: dict[str, int] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)
    by_urgency: dict[str, int] = field(default_factory=dict)
    led_to_incident: int = 0
    awaiting_feedback: int = 0  # transferred or closed, nothing told to the volunteer yet
