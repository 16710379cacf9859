"""Buildings of compounds and zones of markets, and who heads them.

Buildings and zones are added (buildings also in bulk: "1–24栋"), edited and removed
when nothing refers to them. A head or lead is assigned with "assign or replace": the
current assignment (if any) ends on the new one's start date with a reason, and a new
one begins, so the history of former heads is never lost. A head who is suspended or
leaves stays on record; the place shows as uncovered until someone else is assigned.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redband_desktop.db.engine import Database
from redband_desktop.db.models import Building, MarketZone, PlaceHead, Site, Volunteer
from redband_desktop.domain.access import Action
from redband_desktop.domain.buildings import range_labels
from redband_desktop.domain.coverage import PlaceKind, gap_reason
from redband_desktop.domain.enums import SiteKind, VolunteerStatus
from redband_desktop.domain.text import clean
from redband_desktop.errors import ConflictError, Problem, ValidationError
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import diff, record
from redband_desktop.services.shared.coverage import load_facts
from redband_desktop.services.shared.rules import check_version, clean_text, fetch
from redband_desktop.services.shared.values import (
    a_year_after,
    checked_date,
    checked_int,
    raise_problems,
)
from redband_desktop.services.sites.service import check_head_candidate, people
from redband_desktop.services.sites.types import BuildingForm, HeadEntry, PlaceDetail

_MODELS = {PlaceKind.BUILDING: Building, PlaceKind.ZONE: MarketZone}
_NEEDS = {PlaceKind.BUILDING: (SiteKind.COMPOUND, "building_needs_compound"),
          PlaceKind.ZONE: (SiteKind.MARKET, "zone_needs_market")}


class PlacesService:
    def __init__(self, db: Database, access: AccessControl) -> None:
        self._db = db
        self._access = access

    def place(self, kind: PlaceKind, place_id: int) -> PlaceDetail:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return _detail(s, kind, fetch(s, _MODELS[kind], place_id))

    # -- buildings and zones ------------------------------------------------------
    def add_building(self, site_id: int, form: BuildingForm) -> PlaceDetail:
        values = _building_values(form)
        with self._db.write() as s:
            site = self._site_for(s, site_id, PlaceKind.BUILDING)
            _unique_label(s, PlaceKind.BUILDING, site.id, values["label"])
            b = Building(site_id=site.id, **values)
            s.add(b)
            s.flush()
            record(s, self._access, "create", "building", b.id, {k: [None, v] for k, v in values.items()},
                   f"{site.name}{b.label}")
            return _detail(s, PlaceKind.BUILDING, b)

    def add_buildings(self, site_id: int, range_text: str, units: int = 0, households: int = 0) -> list[str]:
        """Add "1–24栋" at once; labels the compound already has are skipped. Returns the
        labels added."""
        labels = range_labels(clean(range_text))
        values = _building_values(BuildingForm(labels[0], units, households))
        with self._db.write() as s:
            site = self._site_for(s, site_id, PlaceKind.BUILDING)
            have = set(s.scalars(select(Building.label).where(Building.site_id == site.id)))
            added = [label for label in labels if label not in have]
            s.add_all(Building(site_id=site.id, label=label, units=values["units"],
                               households=values["households"]) for label in added)
            s.flush()
            record(s, self._access, "create", "building", "", {"labels": [None, ", ".join(added)]},
                   f"{site.name}: {len(added)}")
            return added

    def update_building(self, building_id: int, version: int, form: BuildingForm) -> PlaceDetail:
        values = _building_values(form)
        with self._db.write() as s:
            b = fetch(s, Building, building_id)
            self._access.require(Action.EDIT, b.site.district_id)
            check_version(b, version, s, "building")
            _unique_label(s, PlaceKind.BUILDING, b.site_id, values["label"], b.id)
            changes = diff({k: getattr(b, k) for k in values}, values)
            for k, v in values.items():
                setattr(b, k, v)
            s.flush()
            record(s, self._access, "update", "building", b.id, changes, f"{b.site.name}{b.label}")
            return _detail(s, PlaceKind.BUILDING, b)

    def add_zone(self, site_id: int, name: str) -> PlaceDetail:
        label = clean_text(name, "label", 40, required=True)
        with self._db.write() as s:
            site = self._site_for(s, site_id, PlaceKind.ZONE)
            _unique_label(s, PlaceKind.ZONE, site.id, label)
            z = MarketZone(site_id=site.id, name=label)
            s.add(z)
            s.flush()
            record(s, self._access, "create", "zone", z.id, {"name": [None, label]}, f"{site.name}{label}")
            return _detail(s, PlaceKind.ZONE, z)

    def rename_zone(self, zone_id: int, version: int, name: str) -> PlaceDetail:
        label = clean_text(name, "label", 40, required=True)
        with self._db.write() as s:
            z = fetch(s, MarketZone, zone_id)
            self._access.require(Action.EDIT, z.site.district_id)
            check_version(z, version, s, "zone")
            _unique_label(s, PlaceKind.ZONE, z.site_id, label, z.id)
            record(s, self._access, "rename", "zone", z.id, {"name": [z.name, label]}, label)
            z.name = label
            s.flush()
            return _detail(s, PlaceKind.ZONE, z)

    def delete(self, kind: PlaceKind, place_id: int) -> None:
        """Remove an empty building or zone; refuse one that volunteers or head history
        refer to, saying how many."""
        model = _MODELS[kind]
        column = Volunteer.building_id if kind is PlaceKind.BUILDING else Volunteer.zone_id
        with self._db.write() as s:
            place = fetch(s, model, place_id)
            self._access.require(Action.DELETE, place.site.district_id)
            volunteers = s.scalar(select(func.count()).where(column == place.id))
            heads = s.scalar(select(func.count()).select_from(PlaceHead).where(_head_of(kind, place.id)))
            label = _label(kind, place)
            if volunteers or heads:
                raise ConflictError("place_in_use", name=label, volunteers=volunteers, heads=heads)
            record(s, self._access, "delete", kind.value, place.id, {"label": [label, None]},
                   f"{place.site.name}{label}")
            s.delete(place)

    # -- heads and leads ---------------------------------------------------------
    def posts_of(self, volunteer_ids: list[int]) -> dict[int, list[str]]:
        """The buildings and zones each volunteer heads now ("5栋", "干鲜果品区"), so the
        picker shows who already holds posts before one more is given."""
        self._access.require(Action.READ)
        q = (select(PlaceHead.volunteer_id, func.coalesce(Building.label, MarketZone.name))
             .outerjoin(Building, Building.id == PlaceHead.building_id)
             .outerjoin(MarketZone, MarketZone.id == PlaceHead.zone_id)
             .where(PlaceHead.end_date.is_(None), PlaceHead.volunteer_id.in_(volunteer_ids))
             .order_by(PlaceHead.start_date))
        posts: dict[int, list[str]] = {}
        with self._db.read() as s:
            for vid, where in s.execute(q):
                posts.setdefault(vid, []).append(where)
        return posts

    def assign(self, kind: PlaceKind, place_id: int, volunteer_id: int, role: str, start: date,
               reason: str = "") -> PlaceDetail:
        """Assign or replace the head (building) or lead (zone) from `start`."""
        problems: list[Problem] = []
        role_text = clean_text(role, "role_text", 40, problems=problems)
        why = clean_text(reason, "reason", 200, problems=problems)
        start = _day(start, "start_date", problems)
        raise_problems(problems)
        with self._db.write() as s:
            place = fetch(s, _MODELS[kind], place_id)
            self._access.require(Action.EDIT, place.site.district_id)
            v = fetch(s, Volunteer, volunteer_id)
            check_head_candidate(v, place, start)
            current = _current(s, kind, place.id)
            if current is not None:
                if current.volunteer_id == v.id:
                    raise ValidationError.single("volunteer_id", "already_head")
                if start < current.start_date:
                    raise ValidationError.single("start_date", "before_current_head",
                                                 date=current.start_date.isoformat())
                current.end_date, current.end_reason = start, why or "更换负责人"
            head = PlaceHead(volunteer_id=v.id, role=role_text, start_date=start)
            setattr(head, f"{kind.value}_id", place.id)
            s.add(head)
            s.flush()
            record(s, self._access, "assign", kind.value, place.id,
                   {"head": [current.volunteer.name if current else None, v.name]},
                   f"{place.site.name}{_label(kind, place)}: {v.name}")
            return _detail(s, kind, place)

    def end_head(self, kind: PlaceKind, place_id: int, on: date, reason: str) -> PlaceDetail:
        """End the current assignment without a successor (the place becomes a gap)."""
        problems: list[Problem] = []
        why = clean_text(reason, "reason", 200, required=True, problems=problems)
        on = _day(on, "end_date", problems)
        raise_problems(problems)
        with self._db.write() as s:
            place = fetch(s, _MODELS[kind], place_id)
            self._access.require(Action.EDIT, place.site.district_id)
            current = _current(s, kind, place.id)
            if current is None:
                raise ValidationError.single("volunteer_id", "no_current_head")
            if on < current.start_date:
                raise ValidationError.single("end_date", "before_current_head", date=current.start_date.isoformat())
            current.end_date, current.end_reason = on, why
            record(s, self._access, "unassign", kind.value, place.id,
                   {"head": [current.volunteer.name, None]}, f"{place.site.name}{_label(kind, place)}: {why}")
            s.flush()
            return _detail(s, kind, place)

    def _site_for(self, s: Session, site_id: int, kind: PlaceKind) -> Site:
        site = fetch(s, Site, site_id)
        self._access.require(Action.EDIT, site.district_id)
        needed, code = _NEEDS[kind]
        if site.kind != needed.value:
            raise ValidationError.single("site_id", code)
        return site


def _building_values(form: BuildingForm) -> dict:
    problems: list[Problem] = []
    values = {**asdict(form), "label": clean_text(form.label, "label", 30, required=True, problems=problems)}
    for name, high in (("units", 50), ("households", 2000)):
        values[name] = checked_int(getattr(form, name) or 0, name, problems, 0, high)
    raise_problems(problems)
    return values


def _day(value: object, field: str, problems: list[Problem]) -> date | None:
    """A head's start or end: a date from 1990 to a year ahead (a handover may be agreed
    in advance), required."""
    if value is None:
        problems.append(Problem(field, "required"))
        return None
    return checked_date(value, field, problems, a_year_after(date.today()))


def _head_of(kind: PlaceKind, place_id: int):  # noqa: ANN202 - SQL expression
    return (PlaceHead.building_id if kind is PlaceKind.BUILDING else PlaceHead.zone_id) == place_id


def _current(s: Session, kind: PlaceKind, place_id: int) -> PlaceHead | None:
    return s.scalar(select(PlaceHead).where(_head_of(kind, place_id), PlaceHead.end_date.is_(None)))


def _unique_label(s: Session, kind: PlaceKind, site_id: int, label: str, exclude_id: int | None = None) -> None:
    model = _MODELS[kind]
    q = select(model.id).where(model.site_id == site_id, (model.label if kind is PlaceKind.BUILDING else model.name) == label)
    if exclude_id is not None:
        q = q.where(model.id != exclude_id)
    if s.scalar(q) is not None:
        raise ValidationError([Problem("label", "name_taken", {"name": label})])


def _label(kind: PlaceKind, place: Building | MarketZone) -> str:
    return place.label if kind is PlaceKind.BUILDING else place.name


def _entry(h: PlaceHead) -> HeadEntry:
    v = h.volunteer
    return HeadEntry(h.id, v.id, v.name, VolunteerStatus(v.status), h.role, h.start_date, h.end_date, h.end_reason)


def _detail(s: Session, kind: PlaceKind, place: Building | MarketZone) -> PlaceDetail:
    history = tuple(_entry(h) for h in s.scalars(
        select(PlaceHead).where(_head_of(kind, place.id)).order_by(PlaceHead.start_date.desc(), PlaceHead.id.desc())))
    current = next((h for h in history if h.end_date is None), None)
    facts = [f for f in load_facts(s, place.site_id) if f.kind is kind and f.place_id == place.id]
    form = BuildingForm(place.label, place.units, place.households) if kind is PlaceKind.BUILDING \
        else BuildingForm(place.name)
    column = Volunteer.building_id if kind is PlaceKind.BUILDING else Volunteer.zone_id
    return PlaceDetail(
        kind, place.id, place.version, place.site_id, place.site.name, place.site.district_id, form,
        current, history, people(s, column == place.id), gap_reason(facts[0]) if facts else None,
    )
