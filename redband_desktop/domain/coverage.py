"""Coverage rules (定点见红): is every building and market zone held by a volunteer who can
actually do the job?

A building or zone is covered when it has a current head (or lead) whose status is
active and, once ID cards exist, whose card is valid. Everything else is a gap with its
reason. Pure functions over plain facts: the service loads the facts, these decide.

Extension point for ID cards: pass `card_valid(volunteer_id) -> bool`; without it, cards
are not considered (there is no card table yet).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from redband_desktop.domain.enums import LabeledEnum, VolunteerStatus

CardCheck = Callable[[int], bool]


class PlaceKind(LabeledEnum):
    BUILDING = ("building", "楼栋", "Building")
    ZONE = ("zone", "市场片区", "Market zone")


class GapReason(LabeledEnum):
    NO_HEAD = ("no_head", "无负责人", "No head")
    HEAD_SUSPENDED = ("head_suspended", "负责人已暂停", "Head suspended")
    HEAD_LEFT = ("head_left", "负责人已退出", "Head left")
    CARD_EXPIRED = ("card_expired", "负责人证件失效", "Head's card not valid")


@dataclass(frozen=True)
class PlaceFacts:
    """One building or zone, its site and district, and its current head (if any)."""

    kind: PlaceKind
    place_id: int
    label: str
    site_id: int
    site_name: str
    district_id: int
    district_name: str
    head_id: int | None = None
    head_name: str = ""
    head_status: VolunteerStatus | None = None


@dataclass(frozen=True)
class Gap:
    place: PlaceFacts
    reason: GapReason


@dataclass(frozen=True)
class CoverageLine:
    """Coverage of one district or site (or the whole station: id 0)."""

    id: int
    name: str
    district_name: str
    buildings_total: int
    buildings_covered: int
    zones_total: int
    zones_covered: int

    @property
    def total(self) -> int:
        return self.buildings_total + self.zones_total

    @property
    def covered(self) -> int:
        return self.buildings_covered + self.zones_covered

    @property
    def percent(self) -> float | None:
        """Covered share in per cent, one decimal; None when there is nothing to cover."""
        return round(100.0 * self.covered / self.total, 1) if self.total else None


@dataclass(frozen=True)
class CoverageReport:
    station: CoverageLine
    districts: tuple[CoverageLine, ...]
    sites: tuple[CoverageLine, ...]
    gaps: tuple[Gap, ...]


def gap_reason(place: PlaceFacts, card_valid: CardCheck | None = None) -> GapReason | None:
    """Why `place` is not covered, or None when it is."""
    if place.head_id is None:
        return GapReason.NO_HEAD
    if place.head_status is VolunteerStatus.SUSPENDED:
        return GapReason.HEAD_SUSPENDED
    if place.head_status is not VolunteerStatus.ACTIVE:
        return GapReason.HEAD_LEFT
    if card_valid is not None and not card_valid(place.head_id):
        return GapReason.CARD_EXPIRED
    return None


def _line(ident: int, name: str, district: str, places: list[PlaceFacts], gaps: set[tuple]) -> CoverageLine:
    def count(kind: PlaceKind, covered: bool) -> int:
        return sum(
            1 for p in places
            if p.kind is kind and (not covered or (p.kind, p.place_id) not in gaps)
        )

    return CoverageLine(
        ident, name, district,
        count(PlaceKind.BUILDING, False), count(PlaceKind.BUILDING, True),
        count(PlaceKind.ZONE, False), count(PlaceKind.ZONE, True),
    )


def coverage(
    places: Iterable[PlaceFacts],
    card_valid: CardCheck | None = None,
    districts: Iterable[tuple[int, str]] = (),
    sites: Iterable[tuple[int, str, str]] = (),
) -> CoverageReport:
    """Coverage of the station, per district and per site, and the gaps with reasons.

    `districts` ((id, name)) and `sites` ((id, name, district name)) list everything to
    report on, in display order, even those with nothing to cover; districts and sites
    seen only in `places` are appended in order of appearance."""
    places = list(places)
    gaps = [Gap(p, r) for p in places if (r := gap_reason(p, card_valid)) is not None]
    gap_keys = {(g.place.kind, g.place.place_id) for g in gaps}
    district_names = dict(districts)
    site_names = {sid: (name, dname) for sid, name, dname in sites}
    for p in places:
        district_names.setdefault(p.district_id, p.district_name)
        site_names.setdefault(p.site_id, (p.site_name, p.district_name))
    by_district = [
        _line(did, name, name, [p for p in places if p.district_id == did], gap_keys)
        for did, name in district_names.items()
    ]
    by_site = [
        _line(sid, name, dname, [p for p in places if p.site_id == sid], gap_keys)
        for sid, (name, dname) in site_names.items()
    ]
    station = _line(0, "", "", places, gap_keys)
    return CoverageReport(station, tuple(by_district), tuple(by_site), tuple(gaps))
