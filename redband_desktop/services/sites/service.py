"""Districts and sites in detail: the structure tree, the community officer of each
district, the details of each site by kind, and removing an empty site.

Creating and renaming districts and sites by name alone stays in `structure`; here the
whole record is edited. Records elsewhere refer to sites by id, so a rename shows
everywhere at once and history keeps its links.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, fields
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from redband_desktop.db.engine import Database
from redband_desktop.db.models import Building, District, MarketZone, PlaceHead, Site, Volunteer
from redband_desktop.domain.access import Action
from redband_desktop.domain.coverage import gap_reason
from redband_desktop.domain.enums import Background, SiteKind, VolunteerStatus
from redband_desktop.domain.phone import normalize_phone
from redband_desktop.errors import ConflictError, Problem, ValidationError
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import diff, export_summary, record
from redband_desktop.services.shared.coverage import load_facts
from redband_desktop.services.shared.exports import Export, export_title
from redband_desktop.services.shared.rules import (
    check_version,
    clean_text,
    fetch,
    natural_key,
    require_unique_name,
)
from redband_desktop.services.shared.settings import read_settings
from redband_desktop.services.shared.values import checked_int, raise_problems
from redband_desktop.services.sites.export import (
    HEAD_HEADERS,
    HEAD_TEXT_COLUMNS,
    SITE_HEADERS,
    head_cells,
    site_cells,
)
from redband_desktop.services.sites.types import (
    DistrictDetail,
    DistrictForm,
    DistrictNode,
    PersonRow,
    PlaceNode,
    SiteDetail,
    SiteForm,
    SiteNode,
)

_SITE_LIMITS = {
    "name": 60, "address": 200, "property_company": 100, "operator": 100, "contact_name": 40,
    "contact_phone": 20, "org_type": 40, "security_lead": 40, "notes": 2000,
}


def clean_fields(raw: dict[str, object], limits: dict[str, int], required: tuple[str, ...],
                 problems: list[Problem] | None = None) -> dict:
    """Clean every text field (notes keep their lines); raise one ValidationError listing
    every field problem, or add them to `problems` when given."""
    found: list[Problem] = []
    values = dict(raw)
    for name, limit in limits.items():
        values[name] = clean_text(raw.get(name), name, limit, name in required, name == "notes", found)
    for name in ("officer_phone", "contact_phone"):
        if values.get(name):
            try:
                values[name] = normalize_phone(values[name], name)
            except ValidationError as exc:
                found.extend(exc.problems)
    if problems is not None:
        problems.extend(found)
    elif found:
        raise ValidationError(found)
    return values


def people(session: Session, *conditions) -> tuple[PersonRow, ...]:  # noqa: ANN002
    """Volunteers matching `conditions`, active first, then by name."""
    place = func.coalesce(Building.label, MarketZone.name, "")
    q = (
        select(Volunteer.id, Volunteer.name, Volunteer.background, Volunteer.status, place)
        .outerjoin(Building, Building.id == Volunteer.building_id)
        .outerjoin(MarketZone, MarketZone.id == Volunteer.zone_id)
        .where(*conditions)
        .order_by(Volunteer.status != "active", Volunteer.name_pinyin)
    )
    return tuple(
        PersonRow(i, n, Background(b), VolunteerStatus(st), p) for i, n, b, st, p in session.execute(q)
    )


def check_head_candidate(v: Volunteer, place: Building | MarketZone, start: date) -> None:
    """May `v` head `place` from `start`: a volunteer of its site, active, joined by then
    (also the importer's rule for a sheet of heads)."""
    if v.site_id != place.site_id:
        raise ValidationError.single("volunteer_id", "head_other_site", site=place.site.name)
    if v.status != VolunteerStatus.ACTIVE.value:
        raise ValidationError.single("volunteer_id", "head_not_active",
                                     status=VolunteerStatus(v.status).zh, status_en=VolunteerStatus(v.status).en)
    if start < v.joined_on:
        raise ValidationError.single("start_date", "before_joining", date=v.joined_on.isoformat())



class SitesService:
    def __init__(self, db: Database, access: AccessControl) -> None:
        self._db = db
        self._access = access

    def can(self, action: Action, district_id: int | None = None) -> bool:
        return self._access.can(action, district_id)

    # -- the tree ----------------------------------------------------------------
    def tree(self) -> list[DistrictNode]:
        """Districts → sites → buildings/zones, each place with its head and gap."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            places = defaultdict(list)
            for f in load_facts(s):
                places[f.site_id].append(PlaceNode(f.kind, f.place_id, f.site_id, f.label, f.head_name, gap_reason(f)))
            for group in places.values():
                group.sort(key=lambda p: natural_key(p.label))
            sites = defaultdict(list)
            for site in s.scalars(select(Site).order_by(Site.kind, Site.name)):
                sites[site.district_id].append(
                    SiteNode(site.id, site.name, SiteKind(site.kind), site.district_id, tuple(places[site.id]))
                )
            districts = s.scalars(select(District).order_by(District.sort_order, District.id))
            return [DistrictNode(d.id, d.name, d.officer_name, tuple(sites[d.id])) for d in districts]

    # -- exports -----------------------------------------------------------------
    def export_sites(self) -> Export:
        """Every site with its district, details and counts, as .xlsx (recorded)."""
        return self._export("场所一览", "site", SITE_HEADERS, lambda s: site_cells(s), False, ())

    def export_heads(self, full: bool = False) -> Export:
        """Every building and zone with its current head (numbers masked unless `full`)."""
        return self._export("楼栋长/片区负责人名单", "building", HEAD_HEADERS, lambda s: head_cells(s, full), full,
                            HEAD_TEXT_COLUMNS)

    def _export(self, what: str, entity: str, headers: tuple, cells, full: bool, text: tuple) -> Export:  # noqa: ANN001
        from redband_desktop.documents.xlsx import table_to_xlsx

        self._access.require(Action.EXPORT_FULL if full else Action.EXPORT)
        with self._db.write() as s:
            rows = cells(s)
            title = export_title(str(read_settings(s)["station.name"] or ""), what, [], date.today())
            record(s, self._access, "export", entity, "", summary=f"{what}：{export_summary(len(rows), full)}")
        return Export(table_to_xlsx(list(headers), rows, what, title=title, text_columns=text), len(rows), full)

    # -- districts ---------------------------------------------------------------
    def district(self, district_id: int) -> DistrictDetail:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return _district_detail(s, fetch(s, District, district_id))

    def update_district(self, district_id: int, version: int, form: DistrictForm) -> DistrictDetail:
        """Officer details (EDIT, officers in their own district); a new name needs STRUCTURE."""
        self._access.require(Action.EDIT, district_id)
        limits = {"name": 40, "officer_name": 40, "officer_police_no": 20, "officer_phone": 20}
        values = clean_fields(asdict(form), limits, ("name",))
        with self._db.write() as s:
            d = fetch(s, District, district_id)
            check_version(d, version, s, "district")
            if values["name"] != d.name:
                self._access.require(Action.STRUCTURE)
                require_unique_name(s, District, values["name"], d.id)
            changes = diff({k: getattr(d, k) for k in values}, values)
            for k, v in values.items():
                setattr(d, k, v)
            s.flush()
            record(s, self._access, "update", "district", d.id, changes, d.name)
            return _district_detail(s, d)

    # -- sites -------------------------------------------------------------------
    def site(self, site_id: int) -> SiteDetail:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return _site_detail(s, fetch(s, Site, site_id))

    def update_site(self, site_id: int, version: int, form: SiteForm) -> SiteDetail:
        problems: list[Problem] = []
        values = clean_fields(asdict(form), _SITE_LIMITS, ("name",), problems)
        values["households"] = checked_int(form.households or 0, "households", problems, 0, 100_000)
        raise_problems(problems)
        with self._db.write() as s:
            site = fetch(s, Site, site_id)
            self._access.require(Action.EDIT, site.district_id)
            check_version(site, version, s, "site")
            require_unique_name(s, Site, values["name"], site.id)
            changes = diff({k: getattr(site, k) for k in values}, values)
            for k, v in values.items():
                setattr(site, k, v)
            s.flush()
            record(s, self._access, "update", "site", site.id, changes, site.name)
            return _site_detail(s, site)

    def delete_site(self, site_id: int) -> None:
        """Remove a site with no volunteers and no head history (its empty buildings and
        zones go with it); otherwise refuse, saying what holds it."""
        with self._db.write() as s:
            site = fetch(s, Site, site_id)
            self._access.require(Action.DELETE, site.district_id)
            volunteers = s.scalar(select(func.count()).where(Volunteer.site_id == site.id))
            heads = s.scalar(
                select(func.count()).select_from(PlaceHead)
                .outerjoin(Building, Building.id == PlaceHead.building_id)
                .outerjoin(MarketZone, MarketZone.id == PlaceHead.zone_id)
                .where((Building.site_id == site.id) | (MarketZone.site_id == site.id))
            )
            if volunteers or heads:
                raise ConflictError("site_in_use", name=site.name, volunteers=volunteers, heads=heads)
            s.execute(delete(Building).where(Building.site_id == site.id))
            s.execute(delete(MarketZone).where(MarketZone.site_id == site.id))
            record(s, self._access, "delete", "site", site.id, {"name": [site.name, None]}, site.name)
            s.delete(site)


def _district_detail(s: Session, d: District) -> DistrictDetail:
    sites = s.scalar(select(func.count()).where(Site.district_id == d.id))
    volunteers = s.scalar(select(func.count()).select_from(Volunteer).join(Site).where(Site.district_id == d.id))
    form = DistrictForm(d.name, d.officer_name, d.officer_police_no, d.officer_phone)
    return DistrictDetail(d.id, d.version, form, sites, volunteers)


def _site_detail(s: Session, site: Site) -> SiteDetail:
    form = SiteForm(**{f.name: getattr(site, f.name) for f in fields(SiteForm)})
    model = MarketZone if site.kind == SiteKind.MARKET.value else Building
    places = s.scalar(select(func.count()).select_from(model).where(model.site_id == site.id))
    return SiteDetail(
        site.id, site.version, SiteKind(site.kind), site.district_id, site.district.name, form,
        places, people(s, Volunteer.site_id == site.id),
    )

