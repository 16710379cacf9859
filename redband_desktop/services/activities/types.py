"""Plain values the activity service takes and returns (no ORM objects leave a service)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from redband_desktop.services.clues.types import AttachmentInfo

__all__ = ["ActivityDetail", "ActivityFilter", "ActivityForm", "ActivityRow", "ActivitySummary",
           "AttachmentInfo", "Participant", "ParticipantInfo"]


@dataclass(frozen=True)
class Participant:
    """A volunteer who took part; `minutes` None means the whole span of the activity."""

    volunteer_id: int
    minutes: int | None = None


@dataclass(frozen=True)
class ActivityForm:
    """What a clerk types for one activity. The type-specific fields
    (`domain.activities.EXTRA_FIELDS`) stay at their defaults for other types."""

    activity_type: str
    day: date | None
    start_time: time | None
    end_time: time | None
    district_id: int | None
    site_id: int | None = None
    building_id: int | None = None
    zone_id: int | None = None
    location: str = ""
    organiser_kind: str = "station"
    organiser: str = ""
    theme: str = ""
    notes: str = ""
    participants: tuple[Participant, ...] = ()
    audience: int | None = None
    leaflets: int | None = None
    cases_note: str = ""
    incident_ids: tuple[int, ...] = ()
    households: int | None = None
    needs_raised: int | None = None
    subject: str = ""
    counts_as_training: bool = False


@dataclass(frozen=True)
class ParticipantInfo:
    volunteer_id: int
    name: str
    volunteer_no: str
    minutes: int


@dataclass(frozen=True)
class ActivityDetail:
    id: int
    version: int
    form: ActivityForm
    district_name: str
    site_name: str
    participants: tuple[ParticipantInfo, ...]
    incidents: tuple[tuple[int, str], ...]  # (id, number) of the real cases used
    photos: tuple[AttachmentInfo, ...] = ()


@dataclass(frozen=True)
class ActivityFilter:
    text: str = ""  # theme, place, organiser, subject, notes or a participant's name
    date_from: date | None = None
    date_to: date | None = None
    activity_type: str = ""
    district_id: int | None = None
    site_id: int | None = None
    sort: str = "day"  # see activities.query.SORTS
    descending: bool = True


@dataclass(frozen=True)
class ActivityRow:
    id: int
    activity_type: str
    theme: str
    starts_at: datetime
    ends_at: datetime
    district_id: int
    district: str
    site: str
    location: str
    organiser_kind: str
    organiser: str
    people: int
    minutes: int  # every participant's hours together
    audience: int | None
    photos: int
    version: int


@dataclass(frozen=True)
class ActivitySummary:
    total: int
    people: int = 0  # different volunteers who took part
    participations: int = 0
    minutes: int = 0
    audience: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
