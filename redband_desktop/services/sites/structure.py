"""The station's structure as the roster needs it: districts, sites, buildings, zones.

Districts and sites can be listed, created and renamed here; buildings and zones are
listed for the volunteer form. Renaming changes the name everywhere because records refer
to ids, never to names.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from redband_desktop.db.engine import Database
from redband_desktop.db.models import Building, District, MarketZone, Site
from redband_desktop.domain.access import Action
from redband_desktop.domain.enums import SiteKind
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import record
from redband_desktop.services.shared.rules import (
    check_version,
    clean_text,
    fetch,
    natural_key,
    require_unique_name,
)


@dataclass(frozen=True)
class DistrictRow:
    id: int
    name: str
    officer_name: str
    officer_police_no: str
    officer_phone: str
    version: int


@dataclass(frozen=True)
class SiteRow:
    id: int
    name: str
    kind: SiteKind
    district_id: int
    district_name: str
    version: int


@dataclass(frozen=True)
class PlaceRow:
    """A building of a compound or a zone of a market."""

    id: int
    site_id: int
    label: str


class StructureService:
    def __init__(self, db: Database, access: AccessControl) -> None:
        self._db = db
        self._access = access

    def districts(self) -> list[DistrictRow]:
        self._access.require(Action.READ)
        with self._db.read() as s:
            rows = s.scalars(select(District).order_by(District.sort_order, District.id))
            return [_district_row(d) for d in rows]

    def create_district(self, name: str, officer_name: str = "") -> DistrictRow:
        self._access.require(Action.STRUCTURE)
        problems: list[Problem] = []
        label = clean_text(name, "name", 40, required=True, problems=problems)
        officer = clean_text(officer_name, "officer_name", 40, problems=problems)
        if problems:
            raise ValidationError(problems)
        with self._db.write() as s:
            require_unique_name(s, District, label)
            order = (s.scalar(select(func.max(District.sort_order))) or 0) + 1
            d = District(name=label, officer_name=officer, sort_order=order)
            s.add(d)
            s.flush()
            record(s, self._access, "create", "district", d.id, {"name": [None, label]}, label)
            return _district_row(d)

    def rename_district(self, district_id: int, version: int, name: str) -> DistrictRow:
        self._access.require(Action.STRUCTURE)
        label = clean_text(name, "name", 40, required=True)
        with self._db.write() as s:
            d = fetch(s, District, district_id)
            check_version(d, version, s, "district")
            require_unique_name(s, District, label, district_id)
            record(s, self._access, "rename", "district", d.id, {"name": [d.name, label]}, label)
            d.name = label
            s.flush()
            return _district_row(d)

    def sites(self, district_id: int | None = None, kind: str | None = None) -> list[SiteRow]:
        q = select(Site, District.name).join(District).order_by(District.sort_order, Site.name)
        if district_id is not None:
            q = q.where(Site.district_id == district_id)
        if kind:
            q = q.where(Site.kind == kind)
        self._access.require(Action.READ)
        with self._db.read() as s:
            return [_site_row(site, dname) for site, dname in s.execute(q)]

    def create_site(self, district_id: int, kind: str, name: str) -> SiteRow:
        label = clean_text(name, "name", 60, required=True)
        try:
            site_kind = SiteKind(kind)
        except ValueError:
            raise ValidationError.single("kind", "invalid_choice", value=kind) from None
        self._access.require(Action.EDIT, district_id)
        with self._db.write() as s:
            district = fetch(s, District, district_id)
            require_unique_name(s, Site, label)
            site = Site(district_id=district.id, kind=site_kind.value, name=label)
            s.add(site)
            s.flush()
            record(s, self._access, "create", "site", site.id, {"name": [None, label], "kind": [None, kind]}, label)
            return _site_row(site, district.name)

    def rename_site(self, site_id: int, version: int, name: str) -> SiteRow:
        label = clean_text(name, "name", 60, required=True)
        self._access.require(Action.EDIT)
        with self._db.write() as s:
            site = fetch(s, Site, site_id)
            self._access.require(Action.EDIT, site.district_id)
            check_version(site, version, s, "site")
            require_unique_name(s, Site, label, site_id)
            record(s, self._access, "rename", "site", site.id, {"name": [site.name, label]}, label)
            site.name = label
            s.flush()
            return _site_row(site, site.district.name)

    def buildings(self, site_id: int) -> list[PlaceRow]:
        q = select(Building).where(Building.site_id == site_id)
        self._access.require(Action.READ)
        with self._db.read() as s:
            rows = sorted(s.scalars(q), key=lambda b: natural_key(b.label))
            return [PlaceRow(b.id, b.site_id, b.label) for b in rows]

    def zones(self, site_id: int) -> list[PlaceRow]:
        q = select(MarketZone).where(MarketZone.site_id == site_id).order_by(MarketZone.name)
        self._access.require(Action.READ)
        with self._db.read() as s:
            return [PlaceRow(z.id, z.site_id, z.name) for z in s.scalars(q)]


def _district_row(d: District) -> DistrictRow:
    return DistrictRow(
        d.id, d.name, d.officer_name, d.officer_police_no, d.officer_phone, d.version
    )


def _site_row(site: Site, district_name: str) -> SiteRow:
    return SiteRow(
        site.id, site.name, SiteKind(site.kind), site.district_id, district_name, site.version
    )
