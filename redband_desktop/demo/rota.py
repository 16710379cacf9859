"""Demo duty rota (排班): a year of shifts up to `today` and the planned week ahead.

Each place gets the templates that fit it, and the shifts they make on the days it is
open (`demo.rota_templates`). People come from each place's own volunteers (a market
zone's from the zone), in turns, only while they serve (not before joining nor after they
were suspended or left), and each place's shifts never overlap, so nobody is on two
shifts at once.

Shifts already over have attendance: mostly present, some late, a few absent, some
swapped with another volunteer of the place who served instead. A clue report or an
incident that happened at a place while a patrol was out there is in that shift's patrol
log, written by the reporter who was on it; a few other patrols logged a routine round.

Seeded and derived from `today` only, like the rest of the demo; rows go in with Core
executemany (ids given here), so a year of the station's rota adds a fraction of a second.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import (
    Building,
    District,
    Incident,
    IncidentVolunteer,
    MarketZone,
    Site,
    Volunteer,
)
from redband_desktop.db.models.clues import Clue
from redband_desktop.db.models.rota import Attendance, PatrolLog, ShiftAssignment
from redband_desktop.demo.driver_rows import Stamps, insert_rows
from redband_desktop.demo.rota_templates import (
    PlannedShift,
    add_shifts,
    add_skips,
    add_templates,
    plan_templates,
)
from redband_desktop.domain.enums import SiteKind
from redband_desktop.domain.enums import VolunteerStatus as Status
from redband_desktop.domain.rota import AttendanceStatus, DutyType

# What became of an assignment on a shift that is over (weights).
OUTCOMES = ((AttendanceStatus.PRESENT, 88), (AttendanceStatus.LATE, 5), (AttendanceStatus.ABSENT, 4),
            (AttendanceStatus.SWAPPED, 3))
SHORT_HANDED = 0.03  # past shifts planned one short (someone dropped out, nobody found)
ROUTINE_LOG = 0.04  # patrols with a routine round in the log
LINK_SHARE = 0.8  # clues and incidents during a patrol at their place that are in its log
COMPOUND_ROUTES = ("{b}至{c}沿线，车棚、消防通道", "围墙周边及{b}、{c}单元门口", "小区大门、{b}、{c}及地下车库入口")
MARKET_ROUTES = ("{z}主通道及两侧商铺", "{z}、市场出入口及停车场", "{z}仓储区与消防通道")
ROUTINE_NOTES = {
    SiteKind.COMPOUND: ("未见异常，提醒住户关好门窗、锁好电动车", "清理楼道堆放杂物一处，已告知物业",
                        "劝离在单元门口逗留的推销人员", "发现路灯损坏一处，已报物业维修"),
    SiteKind.MARKET: ("未见异常，提醒商户收好现金、关好门窗", "向商户发放反诈宣传单，讲解“安全账户”骗局",
                      "劝导占道经营商户两家，已整改", "检查灭火器，一处压力不足已告知市场管理方"),
}
INFO_NOTE = "摆摊宣传反诈知识，发放宣传单，提醒商户和顾客警惕冒充公检法、刷单返利骗局"


@dataclass
class _Pool:
    """The volunteers a place draws from, taken in turns (reshuffled after each round)."""

    people: list[tuple[int, date, date | None]]  # id, serving from, serving until (excl.)
    rng: random.Random
    order: list[int] = field(default_factory=list)
    at: int = 0

    def serving(self, vid: int, day: date) -> bool:
        _, first, until = self.by_id[vid]
        return first <= day and (until is None or day < until)

    def __post_init__(self) -> None:
        self.by_id = {p[0]: p for p in self.people}
        self.order = [p[0] for p in self.people]
        self.rng.shuffle(self.order)

    def take(self, day: date, count: int, taken: list[int]) -> list[int]:
        """Up to `count` more people serving on `day`, not already in `taken`."""
        out: list[int] = []
        n = len(self.order)
        for _ in range(n):
            if len(out) == count:
                break
            if self.at >= n:
                self.at = 0
                self.rng.shuffle(self.order)
            vid = self.order[self.at]
            self.at += 1
            if vid not in taken and vid not in out and self.serving(vid, day):
                out.append(vid)
        return out


def add_rota(s: Session, rng: random.Random, today: date, founded: date) -> int:
    """Add the demo rota to the session (after the people, clues and incidents are
    flushed), from a year before `today` or the team's founding; returns the number of shifts."""
    first = max(_year_before(today), founded)
    last = today + timedelta(days=13 - today.weekday())  # to the end of next week
    sites = list(s.execute(select(Site.id, Site.kind, Site.name, Site.district_id).order_by(Site.id)))
    zones = defaultdict(list)
    for zid, site_id, name in s.execute(select(MarketZone.id, MarketZone.site_id, MarketZone.name)
                                        .order_by(MarketZone.id)):
        zones[site_id].append((zid, name))
    buildings = defaultdict(list)
    for site_id, label in s.execute(select(Building.site_id, Building.label).order_by(Building.id)):
        buildings[site_id].append(label)
    officers = dict(s.execute(select(District.id, District.officer_name)).all())
    pools, active = _pools(s, rng, today)
    plans = plan_templates(sites, zones, active)
    if not plans:
        return 0
    stamp = datetime.combine(first - timedelta(days=3), time(9, 30))
    template_ids = add_templates(s, plans, stamp)
    skips = add_skips(s, sites, first, last)
    shifts = add_shifts(s, plans, template_ids, skips, first, last)
    kinds = {site_id: kind for site_id, kind, _, _ in sites}
    wanted = _happenings(s, shifts, first, today, kinds)
    served = _assign(s, rng, shifts, pools, wanted, today, officers)
    _logs(s, rng, shifts, served, wanted, today, officers, zones, buildings)
    return len(shifts)


def _year_before(today: date) -> date:
    """The first day of the twelve months that end with `today` (29 February: 1 March)."""
    try:
        return today.replace(year=today.year - 1) + timedelta(days=1)
    except ValueError:
        return date(today.year - 1, 3, 1)


def _pools(s: Session, rng: random.Random, today: date) -> tuple[dict, dict]:
    """Each place's pool (a site, or a market zone) and how many of it serve today."""
    members: dict[tuple[int, int | None], list] = defaultdict(list)
    q = select(Volunteer.id, Volunteer.site_id, Volunteer.zone_id, Volunteer.joined_on, Volunteer.status,
               Volunteer.status_since).order_by(Volunteer.id)
    for vid, site_id, zone_id, joined, status, since in s.execute(q):
        until = None if status == Status.ACTIVE.value else since  # suspended or gone from that day
        members[(site_id, zone_id)].append((vid, joined, until))
    active = {key: sum(1 for _, j, u in people if j <= today and u is None) for key, people in members.items()}
    pools = {key: _Pool(people, random.Random(rng.random())) for key, people in members.items()}
    return pools, active


@dataclass(frozen=True)
class _Happening:
    """A clue or incident that a patrol on shift at its place could have logged."""

    clue: int | None
    incident: int | None
    volunteer: int | None  # who reported it, when they belong to the place
    text: str


def _happenings(s: Session, shifts: list[PlannedShift], first: date, today: date,
                kinds: dict[int, str]) -> dict[int, _Happening]:
    """Shift id → the clue or incident at its place and time (patrols only, before today)."""
    by_place: dict[tuple[int, date], list[PlannedShift]] = defaultdict(list)
    for sh in shifts:
        if sh.duty is DutyType.PATROL and sh.day < today:
            by_place[(sh.site, sh.day)].append(sh)
    span = (datetime.combine(first, time()), datetime.combine(today, time()))
    found: dict[int, _Happening] = {}

    def during(site: int | None, zone: int | None, at: datetime | None) -> PlannedShift | None:
        if site is None or at is None:
            return None
        for sh in by_place.get((site, at.date()), ()):
            if sh.starts <= at <= sh.ends and (sh.zone is None or zone is None or sh.zone == zone):
                return sh
        return None

    clues = s.execute(select(Clue.id, Clue.site_id, Clue.zone_id, Clue.reported_at, Clue.reporter_id,
                             Clue.incident_id, Clue.content)
                      .where(Clue.reported_at >= span[0], Clue.reported_at < span[1]).order_by(Clue.id))
    for cid, site, zone, at, reporter, incident, content in clues:
        sh = during(site, zone, at)
        if sh is not None and sh.id not in found:
            found[sh.id] = _Happening(cid, incident, reporter, f"巡逻中发现：{content}")
    reporters = dict(s.execute(select(IncidentVolunteer.incident_id, IncidentVolunteer.volunteer_id)
                               .order_by(IncidentVolunteer.id)).all())
    incidents = s.execute(select(Incident.id, Incident.site_id, Incident.zone_id, Incident.occurred_at,
                                 Incident.summary)
                          .where(Incident.occurred_at >= span[0], Incident.occurred_at < span[1])
                          .order_by(Incident.id))
    for iid, site, zone, at, summary in incidents:
        sh = during(site, zone, at)
        if sh is not None and sh.id not in found and kinds.get(site) != SiteKind.ORGANIZATION.value:
            found[sh.id] = _Happening(None, iid, reporters.get(iid), f"巡逻中遇警情，协助民警到场处置：{summary}")
    return found


def _assign(s: Session, rng: random.Random, shifts: list[PlannedShift], pools: dict, wanted: dict, today: date,
            officers: dict) -> dict[int, list[int]]:
    """Assignments for every shift (next week's partly still open) and attendance for the
    shifts before today; returns shift id → who served on it."""
    a_id = s.scalar(select(func.coalesce(func.max(ShiftAssignment.id), 0)))
    district_of = dict(s.execute(select(Site.id, Site.district_id)).all())
    next_week = today + timedelta(days=7 - today.weekday())
    random_ = rng.random
    st = Stamps(s)
    assignments, records = [], []
    served: dict[int, list[int]] = {}
    day = made = None
    for sh in shifts:
        pool = pools.get((sh.site, sh.zone))
        if pool is None:
            continue
        count = sh.needed
        if sh.day < today:
            if count > 1 and random_() < SHORT_HANDED:
                count -= 1
        elif sh.day >= next_week:
            if random_() < 0.08 + 0.05 * sh.day.weekday():  # next week is being filled in, Monday first
                count = int(random_() * count)
        elif sh.day > today and random_() < 0.02:
            count -= 1
        happening = wanted.get(sh.id)
        keep = [happening.volunteer] if (
            happening and happening.volunteer in pool.by_id and pool.serving(happening.volunteer, sh.day)) else []
        people = keep + pool.take(sh.day, count - len(keep), keep)
        if sh.day != day:
            day = sh.day
            made = st(datetime.combine(day - timedelta(days=day.weekday() + 4), time(9, 20)))
        first_id = a_id + 1
        for vid in people:
            a_id += 1
            assignments.append((a_id, sh.id, vid, made))
        if sh.day >= today or not people:
            continue
        recorded = (st(sh.ends + MINUTE * (20 + int(random_() * 880))), officers.get(district_of[sh.site], ""))
        served[sh.id] = _attendance(random_, st, sh, list(enumerate(people, start=first_id)), pool, keep,
                                    recorded, records)
    insert_rows(s, ShiftAssignment.__tablename__, ("id", "shift_id", "volunteer_id", "assigned_at"), assignments)
    insert_rows(s, Attendance.__tablename__, ("assignment_id", "status", "swapped_with_id", "signed_in_at",
                                        "signed_out_at", "recorded_at", "recorded_by"), records)
    return served


PRESENT, LATE, ABSENT, SWAPPED = (a.value for a in AttendanceStatus)
_TOTAL = sum(w for _, w in OUTCOMES)
CUTS = tuple(sum(w for _, w in OUTCOMES[: i + 1]) / _TOTAL for i in range(len(OUTCOMES)))  # in OUTCOMES' order
MINUTE = timedelta(minutes=1)


def _attendance(random_, st: Stamps, sh: PlannedShift, on_shift: list[tuple[int, int]], pool: _Pool, keep: list[int],  # noqa: ANN001
                recorded: tuple[datetime, str], records: list[tuple]) -> list[int]:
    """Append the shift's attendance rows to `records`; returns who served."""
    served = []
    stand_ins: list[int] = []
    for assignment, vid in on_shift:
        r = 0.0 if vid in keep else random_()
        status = PRESENT if r < CUTS[0] else LATE if r < CUTS[1] else ABSENT if r < CUTS[2] else SWAPPED
        if status == PRESENT:  # the clerk keeps the shift's own times, as the form offers them
            served.append(vid)
            records.append((assignment, status, None, *sh.span, *recorded))
            continue
        swap = None
        if status == SWAPPED:
            # whoever stands in serves that day and still serves (a swap names a current volunteer)
            taken = [v for _, v in on_shift] + stand_ins
            found = [v for v in pool.take(sh.day, 1, taken) if pool.by_id[v][2] is None]
            if found:
                swap = found[0]
                stand_ins.append(swap)
            else:
                status = PRESENT
        if status == ABSENT:
            start = end = None
        elif status == LATE:
            start, end = st(sh.starts + MINUTE * (10 + int(random_() * 31))), sh.span[1]
        else:
            start, end = sh.span
        if status != ABSENT:
            served.append(swap or vid)
        records.append((assignment, status, swap, start, end, *recorded))
    return served


def _logs(s: Session, rng: random.Random, shifts: list[PlannedShift], served: dict, wanted: dict,
          today: date, officers: dict, zones: dict, buildings: dict) -> None:
    """Patrol log entries: what a patrol reported or met, and a few routine rounds."""
    zone_names = {zid: name for items in zones.values() for zid, name in items}
    kinds = dict(s.execute(select(Site.id, Site.kind)).all())
    district_of = dict(s.execute(select(Site.id, Site.district_id)).all())
    rows = []
    for sh in shifts:
        people = served.get(sh.id)
        if not people or sh.day >= today:
            continue
        happening = wanted.get(sh.id)
        if happening is not None and rng.random() < LINK_SHARE:
            by = happening.volunteer if happening.volunteer in people else people[0]
            note = happening.text
        elif sh.duty is DutyType.INFO_WARNING and rng.random() < 0.15:
            by, note, happening = people[0], INFO_NOTE, None
        elif sh.duty is DutyType.PATROL and rng.random() < ROUTINE_LOG:
            kind = SiteKind(kinds[sh.site])
            by, note, happening = people[0], rng.choice(ROUTINE_NOTES.get(kind, ROUTINE_NOTES[SiteKind.COMPOUND])), None
        else:
            continue
        rows.append({"shift_id": sh.id, "volunteer_id": by, "route": _route(rng, sh, kinds, zone_names, buildings),
                     "note": note, "clue_id": happening.clue if happening else None,
                     "incident_id": happening.incident if happening else None,
                     "recorded_at": sh.ends + timedelta(minutes=rng.randint(5, 60)),
                     "recorded_by": officers.get(district_of[sh.site], "")})
    if rows:
        s.execute(insert(PatrolLog.__table__), rows)


def _route(rng: random.Random, sh: PlannedShift, kinds: dict, zone_names: dict, buildings: dict) -> str:
    if sh.duty is not DutyType.PATROL:
        return zone_names.get(sh.zone, "")
    if kinds[sh.site] == SiteKind.MARKET.value:
        return rng.choice(MARKET_ROUTES).format(z=zone_names.get(sh.zone, "市场"))
    labels = buildings.get(sh.site) or ["1栋", "2栋"]
    b, c = (labels[i] for i in sorted(rng.sample(range(len(labels)), 2))) if len(labels) > 1 else labels * 2
    return rng.choice(COMPOUND_ROUTES).format(b=b, c=c)
