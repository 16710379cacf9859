"""What the roster service takes and returns: search filters, list rows, the volunteer
form, and the full volunteer record. Plain frozen dataclasses, safe to hand to Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from redband_desktop.domain.enums import (
    Background,
    Gender,
    PoliticalStatus,
    SiteKind,
    VolunteerStatus,
)
from redband_desktop.errors import Problem

SORT_KEYS = (
    "name",
    "gender",
    "age",
    "phone",
    "district",
    "site",
    "background",
    "status",
    "joined_on",
)


@dataclass(frozen=True)
class RosterFilter:
    text: str = ""
    district_id: int | None = None
    site_kind: str | None = None
    site_id: int | None = None
    status: str | None = None
    background: str | None = None
    skill_id: int | None = None
    sort: str = "name"
    descending: bool = False
    # Set from a home-page figure (joined / left this month): joined in these dates, and
    # in the present status since these dates (both ends included, None = open).
    joined_from: date | None = None
    joined_to: date | None = None
    status_since_from: date | None = None
    status_since_to: date | None = None


@dataclass(frozen=True)
class RosterRow:
    id: int
    name: str
    gender: Gender
    age: int
    phone_masked: str
    district: str
    site: str
    site_kind: SiteKind
    place: str  # building or zone label, "" when none
    background: Background
    status: VolunteerStatus
    joined_on: date
    has_photo: bool
    version: int
    volunteer_no: str = ""


@dataclass(frozen=True)
class RosterSummary:
    total: int
    by_status: dict[str, int]



@dataclass(frozen=True)
class VolunteerForm:
    """Everything the add/edit dialog submits. Text is raw user input; the service
    validates and normalises it (full-width digits, lower-case x, phone formats)."""

    name: str = ""
    gender: str = ""
    id_number: str | None = ""  # None when editing: keep the stored number unchanged
    birth_date: date | None = None
    phone: str = ""
    address: str = ""
    political_status: str = PoliticalStatus.MASSES.value
    background: str = ""
    site_id: int | None = None
    building_id: int | None = None
    zone_id: int | None = None
    joined_on: date | None = None
    in_wechat_group: bool = False
    emergency_name: str = ""
    emergency_phone: str = ""
    notes: str = ""
    skill_ids: tuple[int, ...] = ()
    photo: bytes | None = None  # a new image file's bytes; None keeps the current photo
    photo_crop: tuple[int, int, int, int] | None = None
    remove_photo: bool = False


@dataclass(frozen=True)
class StatusEntry:
    old_status: VolunteerStatus | None
    new_status: VolunteerStatus
    changed_on: date
    reason: str
    recorded_at: datetime


@dataclass(frozen=True)
class Volunteer:
    id: int
    version: int
    name: str
    gender: Gender
    id_number: str
    birth_date: date
    phone: str
    address: str
    political_status: PoliticalStatus
    background: Background
    district_id: int
    district: str
    site_id: int
    site: str
    site_kind: SiteKind
    building_id: int | None
    zone_id: int | None
    place: str
    joined_on: date
    status: VolunteerStatus
    status_since: date
    in_wechat_group: bool
    emergency_name: str
    emergency_phone: str
    notes: str
    skill_ids: tuple[int, ...]
    skills: tuple[str, ...]
    has_photo: bool
    history: tuple[StatusEntry, ...]
    created_at: datetime
    updated_at: datetime
    masked: bool = False  # phones and address hidden (viewer role)
    volunteer_no: str = ""  # 志愿者编号: given when added, never changed


@dataclass(frozen=True)
class Saved:
    """A saved volunteer and any warnings worth showing (e.g. unknown region code)."""

    volunteer: Volunteer
    warnings: tuple[Problem, ...] = field(default_factory=tuple)


REVEALABLE = ("id_number", "phone", "emergency_phone", "address")


@dataclass(frozen=True)
class SkillRow:
    id: int
    name: str
