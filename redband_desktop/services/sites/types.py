"""What the site and place services take and return: the structure tree, district, site
and building/zone details with their head history. Plain frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from redband_desktop.domain.coverage import GapReason, PlaceKind
from redband_desktop.domain.enums import Background, SiteKind, VolunteerStatus


@dataclass(frozen=True)
class PlaceNode:
    """A building or zone in the tree, with its current head's name and coverage."""

    kind: PlaceKind
    id: int
    site_id: int
    label: str
    head_name: str
    gap: GapReason | None


@dataclass(frozen=True)
class SiteNode:
    id: int
    name: str
    kind: SiteKind
    district_id: int
    places: tuple[PlaceNode, ...]


@dataclass(frozen=True)
class DistrictNode:
    id: int
    name: str
    officer_name: str
    sites: tuple[SiteNode, ...]


@dataclass(frozen=True)
class DistrictForm:
    name: str
    officer_name: str = ""
    officer_police_no: str = ""
    officer_phone: str = ""


@dataclass(frozen=True)
class DistrictDetail:
    id: int
    version: int
    form: DistrictForm
    sites: int
    volunteers: int


@dataclass(frozen=True)
class SiteForm:
    """The fields of a site; which of them apply depends on the site's kind."""

    name: str
    address: str = ""
    property_company: str = ""  # compound
    households: int = 0  # compound
    operator: str = ""  # market
    contact_name: str = ""  # market
    contact_phone: str = ""  # market
    org_type: str = ""  # organization
    security_lead: str = ""  # organization
    notes: str = ""


@dataclass(frozen=True)
class PersonRow:
    """A volunteer as the site page lists them."""

    id: int
    name: str
    background: Background
    status: VolunteerStatus
    place: str  # building or zone label, "" when none


@dataclass(frozen=True)
class SiteDetail:
    id: int
    version: int
    kind: SiteKind
    district_id: int
    district_name: str
    form: SiteForm
    places: int  # buildings or zones
    volunteers: tuple[PersonRow, ...]


@dataclass(frozen=True)
class BuildingForm:
    label: str
    units: int = 0
    households: int = 0


@dataclass(frozen=True)
class HeadEntry:
    """One period as building head or zone lead (current while `end_date` is None)."""

    id: int
    volunteer_id: int
    volunteer_name: str
    volunteer_status: VolunteerStatus
    role: str
    start_date: date
    end_date: date | None
    end_reason: str


@dataclass(frozen=True)
class PlaceDetail:
    kind: PlaceKind
    id: int
    version: int
    site_id: int
    site_name: str
    district_id: int
    form: BuildingForm  # zones use only the label (their name)
    current: HeadEntry | None
    history: tuple[HeadEntry, ...]  # newest first, the current one included
    volunteers: tuple[PersonRow, ...]
    gap: GapReason | None
