"""Reads of the rota: shifts as plain values with their place, leader and people, and the
week view (rows are places, columns are days) built in a few queries however many shifts
the station has."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Building, MarketZone, Site, Volunteer
from redband_desktop.db.models.rota import Shift, ShiftAssignment, ShiftTemplate, SkippedDate
from redband_desktop.services.rota.types import (
    Person,
    ShiftInfo,
    SkippedDay,
    WeekFilter,
    WeekRow,
    WeekView,
)
from redband_desktop.services.shared.rules import natural_key

PlaceKey = tuple[int, int | None, int | None]  # site, building, zone


class Names:
    """Names of sites, buildings, zones and volunteers, read once per call as needed."""

    def __init__(self, s: Session) -> None:
        self._s = s
        self._cache: dict[tuple[type, int], str] = {}

    def _name(self, model: type, ident: int | None, attr: str) -> str:
        if ident is None:
            return ""
        key = (model, ident)
        if key not in self._cache:
            row = self._s.get(model, ident)
            self._cache[key] = getattr(row, attr) if row is not None else ""
        return self._cache[key]

    def place(self, site_id: int, building_id: int | None, zone_id: int | None) -> str:
        part = self._name(Building, building_id, "label") or self._name(MarketZone, zone_id, "name")
        site = self._name(Site, site_id, "name")
        return f"{site} {part}" if part else site

    def volunteer(self, ident: int | None) -> str:
        return self._name(Volunteer, ident, "name")


def people_of(s: Session, shift_ids: Sequence[int]) -> dict[int, list[Person]]:
    """Who is on each shift, in the order they were assigned."""
    out: dict[int, list[Person]] = defaultdict(list)
    ids = list(shift_ids)
    for start in range(0, len(ids), 500):
        q = (select(ShiftAssignment.shift_id, Volunteer.id, Volunteer.name)
             .join(Volunteer, Volunteer.id == ShiftAssignment.volunteer_id)
             .where(ShiftAssignment.shift_id.in_(ids[start:start + 500])).order_by(ShiftAssignment.id))
        for shift_id, vid, name in s.execute(q):
            out[shift_id].append(Person(vid, name))
    return out


def infos(s: Session, shifts: Sequence[Shift], names: Names | None = None) -> list[ShiftInfo]:
    names = names or Names(s)
    people = people_of(s, [sh.id for sh in shifts])
    return [ShiftInfo(
        sh.id, sh.version, sh.template_id, sh.district_id, sh.site_id, sh.building_id, sh.zone_id,
        names.place(sh.site_id, sh.building_id, sh.zone_id), sh.duty_type, sh.day, sh.starts_at, sh.ends_at,
        sh.needed, names.volunteer(sh.leader_id), tuple(people.get(sh.id, ())),
    ) for sh in shifts]


def info(s: Session, shift: Shift) -> ShiftInfo:
    return infos(s, [shift])[0]


def _filtered(q, model, f: WeekFilter):  # noqa: ANN001, ANN202 - a select over Shift or ShiftTemplate
    if f.district_id is not None:
        q = q.where(model.district_id == f.district_id)
    if f.site_id is not None:
        q = q.where(model.site_id == f.site_id)
    if f.duty_type:
        q = q.where(model.duty_type == f.duty_type)
    return q


def skipped_in(s: Session, first: date, last: date) -> dict[tuple[date, int | None], str]:
    """(day, site or None for the whole station) → reason, for days in the range."""
    rows = s.execute(select(SkippedDate.day, SkippedDate.site_id, SkippedDate.reason)
                     .where(SkippedDate.day >= first, SkippedDate.day <= last))
    return {(day, site): reason for day, site, reason in rows}


def skipped_days(s: Session, first: date, last: date) -> list[SkippedDay]:
    names = Names(s)
    rows = s.scalars(select(SkippedDate).where(SkippedDate.day >= first, SkippedDate.day <= last)
                     .order_by(SkippedDate.day, SkippedDate.site_id))
    return [SkippedDay(r.id, r.day, r.site_id, names.place(r.site_id, None, None) if r.site_id else "",
                       r.reason) for r in rows]


def week(s: Session, monday: date, f: WeekFilter) -> WeekView:
    """The seven days from `monday`: one row per place that has shifts that week or an
    active template, each day's shifts in order of their start."""
    days = tuple(monday + timedelta(days=i) for i in range(7))
    names = Names(s)
    shifts = list(s.scalars(_filtered(select(Shift), Shift, f)
                            .where(Shift.day >= days[0], Shift.day <= days[-1])
                            .order_by(Shift.starts_at, Shift.id)))
    cells: dict[PlaceKey, list[list[ShiftInfo]]] = {}
    district: dict[PlaceKey, int] = {}
    for sh in infos(s, shifts, names):
        key = (sh.site_id, sh.building_id, sh.zone_id)
        cells.setdefault(key, [[] for _ in days])[(sh.day - monday).days].append(sh)
        district[key] = sh.district_id
    templates = s.execute(_filtered(select(ShiftTemplate.site_id, ShiftTemplate.building_id, ShiftTemplate.zone_id,
                                           ShiftTemplate.district_id), ShiftTemplate, f)
                          .where(ShiftTemplate.active.is_(True)))
    for site_id, building_id, zone_id, district_id in templates:
        key = (site_id, building_id, zone_id)
        cells.setdefault(key, [[] for _ in days])
        district.setdefault(key, district_id)
    skips = skipped_in(s, days[0], days[-1])
    rows = [WeekRow(
        district[key], *key, names.place(*key), tuple(tuple(c) for c in per_day),
        tuple(skips.get((d, key[0]), skips.get((d, None))) for d in days),
    ) for key, per_day in cells.items()]
    rows.sort(key=lambda r: (r.district_id, names.place(r.site_id, None, None), natural_key(r.place)))
    every = [sh for r in rows for day in r.days for sh in day]
    return WeekView(monday, days, tuple(rows), sum(sh.needed for sh in every),
                    sum(len(sh.people) for sh in every), sum(1 for sh in every if sh.gap))
