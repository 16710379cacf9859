"""Demo duty rota (排班): a year of shifts up to `today` and the planned week ahead.

Each place gets the templates that fit it: evening patrols (19:00–21:00) in the compounds,
every day in the big ones and three or four evenings a week in the small; in the markets each zone
patrols every day and holds information / anti-fraud hours (信息预警) twice a week; the
organs and enterprises keep daily duty (日常值守) on working days. The markets close over
the Spring Festival and the units over the Spring Festival and National Day holidays
(skipped days). People come from each place's own volunteers (a market zone's from the
zone), in turns, only while they serve (not before joining nor after they were suspended
or left), and each place's shifts never overlap, so nobody is on two shifts at once.

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
from redband_desktop.db.models.rota import (
    Attendance,
    PatrolLog,
    Shift,
    ShiftAssignment,
    ShiftTemplate,
    SkippedDate,
)
from redband_desktop.domain.enums import SiteKind
from redband_desktop.domain.enums import VolunteerStatus as Status
from redband_desktop.domain.rota import (
    EVERY_DAY,
    WORK_DAYS,
    AttendanceStatus,
    DutyType,
    span_on,
    weekday_mask,
)

# 除夕 (New Year's Eve of the lunar calendar) of each year: markets and units close from it.
NEW_YEARS_EVE = {2021: date(2021, 2, 11), 2022: date(2022, 1, 31), 2023: date(2023, 1, 21),
                 2024: date(2024, 2, 9), 2025: date(2025, 1, 28), 2026: date(2026, 2, 16),
                 2027: date(2027, 2, 5), 2028: date(2028, 1, 25), 2029: date(2029, 2, 12),
                 2030: date(2030, 2, 2), 2031: date(2031, 1, 22), 2032: date(2032, 2, 10)}
MARKET_CLOSED = 4  # 除夕 to 初三
UNITS_CLOSED = 7  # 除夕 to 初六
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


@dataclass(frozen=True)
class _Plan:
    """A template to make: where, what, when, how many."""

    site: int
    district: int
    kind: str
    zone: int | None
    duty: DutyType
    weekdays: int
    start: time
    end: time
    needed: int
    notes: str


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
    plans = _plans(sites, zones, active)
    if not plans:
        return 0
    stamp = datetime.combine(first - timedelta(days=3), time(9, 30))
    template_ids = _add_templates(s, plans, stamp)
    skips = _add_skips(s, sites, first, last)
    shifts = _shifts(s, plans, template_ids, skips, first, last)
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


def _plans(sites: list, zones: dict, active: dict) -> list[_Plan]:
    """The templates that fit each place with people enough to staff them."""
    plans = []
    markets = 0
    for site_id, kind, _name, district in sites:
        if kind == SiteKind.COMPOUND.value:
            n = active.get((site_id, None), 0)
            if n >= 4:  # a big compound patrols every evening, a small one three or four
                days = EVERY_DAY if n >= 20 else weekday_mask((0, 2, 4, 5) if n >= 10 else (1, 3, 5))
                plans.append(_Plan(site_id, district, kind, None, DutyType.PATROL, days, time(19), time(21), 2,
                                   "晚间巡逻：楼栋、车棚、围墙周边"))
        elif kind == SiteKind.MARKET.value:
            big = markets == 0  # 大商汇 opens all day; the farmers' market is busiest early
            markets += 1
            for zid, _zone in zones[site_id]:
                n = active.get((site_id, zid), 0)
                if n < 3:
                    continue
                pair = 2 if n >= 8 else 1
                rounds = ((time(9, 30), time(11, 30)), (time(15, 30), time(17, 30))) if big else (
                    (time(7, 30), time(9, 30)),)
                for start, end in rounds:
                    plans.append(_Plan(site_id, district, kind, zid, DutyType.PATROL, EVERY_DAY, start, end, pair,
                                       "市场巡逻：通道、商铺、出入口"))
                info_days, info_at = ((2, 5), (time(13, 30), time(15))) if big else ((5,), (time(9, 30), time(11)))
                plans.append(_Plan(site_id, district, kind, zid, DutyType.INFO_WARNING, weekday_mask(info_days),
                                   *info_at, 1, "反诈宣传、信息预警"))
        elif active.get((site_id, None), 0) >= 2:
            plans.append(_Plan(site_id, district, kind, None, DutyType.DAILY_DUTY, WORK_DAYS, time(8), time(12), 1,
                               "日常值守：门岗、巡查单位内部"))
    return plans


def _add_templates(s: Session, plans: list[_Plan], stamp: datetime) -> list[int]:
    base = s.scalar(select(func.coalesce(func.max(ShiftTemplate.id), 0)))
    rows = [{"id": base + i, "district_id": p.district, "site_id": p.site, "building_id": None, "zone_id": p.zone,
             "duty_type": p.duty.value, "weekdays": p.weekdays, "start_time": p.start, "end_time": p.end,
             "needed": p.needed, "leader_id": None, "notes": p.notes, "active": True,
             "created_at": stamp, "updated_at": stamp, "version": 1}
            for i, p in enumerate(plans, start=1)]
    s.execute(insert(ShiftTemplate.__table__), rows)
    return [r["id"] for r in rows]


def _add_skips(s: Session, sites: list, first: date, last: date) -> set[tuple[date, int]]:
    """Markets closed 除夕–初三, units 除夕–初六 and 1–3 October, in the period."""
    closed: list[tuple[date, int, str]] = []
    for year in range(first.year, last.year + 1):
        eve = NEW_YEARS_EVE.get(year)
        for site_id, kind, _name, _district in sites:
            if kind == SiteKind.COMPOUND.value:
                continue
            if eve is not None:
                span, reason = (MARKET_CLOSED, "春节休市") if kind == SiteKind.MARKET.value else (UNITS_CLOSED, "春节放假")
                closed += [(eve + timedelta(days=i), site_id, reason) for i in range(span)]
            if kind == SiteKind.ORGANIZATION.value:
                closed += [(date(year, 10, d), site_id, "国庆放假") for d in (1, 2, 3)]
    closed = [c for c in closed if first <= c[0] <= last]
    if closed:
        s.execute(insert(SkippedDate.__table__), [
            {"day": day, "site_id": site_id, "reason": reason,
             "created_at": datetime.combine(day - timedelta(days=10), time(10))} for day, site_id, reason in closed])
    return {(day, site_id) for day, site_id, _ in closed}


@dataclass
class _Shift:
    id: int
    site: int
    zone: int | None
    duty: DutyType
    day: date
    starts: datetime
    ends: datetime
    needed: int
    span: tuple[object, object]  # starts and ends as the driver takes them


def _bulk(s: Session, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """One executemany straight to the driver: SQLAlchemy's per-value processing of a
    hundred thousand rows took longer than making them. Date-times arrive already as the
    driver takes them (`_Stamps`)."""
    if rows:
        conn = s.connection()
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(columns)}) "
                             f"VALUES ({', '.join([mark] * len(columns))})", rows)


class _Stamps(dict):
    """Date-times and days as the database driver takes them: for SQLite the text
    SQLAlchemy itself stores ('2026-11-28 19:00:00.000000', '2026-11-28'), so the rota's
    comparisons see one format; other databases take the values. Each distinct value is
    formatted once."""

    def __init__(self, s: Session) -> None:
        super().__init__()
        self.text = s.connection().dialect.name == "sqlite"

    def __call__(self, value: date | None) -> object:
        if not self.text or value is None:
            return value
        out = self.get(value)
        if out is None:
            if isinstance(value, datetime):
                out = value.isoformat(" ") + ("" if value.microsecond else ".000000")
            else:
                out = value.isoformat()
            self[value] = out
        return out


def _shifts(s: Session, plans: list[_Plan], template_ids: list[int], skips: set, first: date,
            last: date) -> list[_Shift]:
    base = s.scalar(select(func.coalesce(func.max(Shift.id), 0)))
    st = _Stamps(s)
    out: list[_Shift] = []
    rows = []
    # each template's start and end as offsets from midnight (span_on once, not per day)
    offsets = [tuple(x - datetime.combine(first, time()) for x in span_on(first, p.start, p.end)) for p in plans]
    day = first
    while day <= last:
        bit = 1 << day.weekday()
        made = st(datetime.combine(day - timedelta(days=day.weekday() + 4), time(9)))  # the Thursday before
        on = st(day)
        midnight = datetime.combine(day, time())
        for p, tid, (start, end) in zip(plans, template_ids, offsets, strict=True):
            if not p.weekdays & bit or (day, p.site) in skips:
                continue
            starts, ends = midnight + start, midnight + end
            sh = _Shift(base + len(out) + 1, p.site, p.zone, p.duty, day, starts, ends, p.needed,
                        (st(starts), st(ends)))
            out.append(sh)
            rows.append((sh.id, tid, p.district, p.site, p.zone, p.duty.value, on, *sh.span, p.needed,
                         made, made, 1))
        day += timedelta(days=1)
    _bulk(s, Shift.__tablename__, ("id", "template_id", "district_id", "site_id", "zone_id", "duty_type", "day",
                                   "starts_at", "ends_at", "needed", "created_at", "updated_at", "version"), rows)
    return out


@dataclass(frozen=True)
class _Happening:
    """A clue or incident that a patrol on shift at its place could have logged."""

    clue: int | None
    incident: int | None
    volunteer: int | None  # who reported it, when they belong to the place
    text: str


def _happenings(s: Session, shifts: list[_Shift], first: date, today: date,
                kinds: dict[int, str]) -> dict[int, _Happening]:
    """Shift id → the clue or incident at its place and time (patrols only, before today)."""
    by_place: dict[tuple[int, date], list[_Shift]] = defaultdict(list)
    for sh in shifts:
        if sh.duty is DutyType.PATROL and sh.day < today:
            by_place[(sh.site, sh.day)].append(sh)
    span = (datetime.combine(first, time()), datetime.combine(today, time()))
    found: dict[int, _Happening] = {}

    def during(site: int | None, zone: int | None, at: datetime | None) -> _Shift | None:
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


def _assign(s: Session, rng: random.Random, shifts: list[_Shift], pools: dict, wanted: dict, today: date,
            officers: dict) -> dict[int, list[int]]:
    """Assignments for every shift (next week's partly still open) and attendance for the
    shifts before today; returns shift id → who served on it."""
    a_id = s.scalar(select(func.coalesce(func.max(ShiftAssignment.id), 0)))
    district_of = dict(s.execute(select(Site.id, Site.district_id)).all())
    next_week = today + timedelta(days=7 - today.weekday())
    random_ = rng.random
    st = _Stamps(s)
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
    _bulk(s, ShiftAssignment.__tablename__, ("id", "shift_id", "volunteer_id", "assigned_at"), assignments)
    _bulk(s, Attendance.__tablename__, ("assignment_id", "status", "swapped_with_id", "signed_in_at",
                                        "signed_out_at", "recorded_at", "recorded_by"), records)
    return served


PRESENT, LATE, ABSENT, SWAPPED = (a.value for a in AttendanceStatus)
_TOTAL = sum(w for _, w in OUTCOMES)
CUTS = tuple(sum(w for _, w in OUTCOMES[: i + 1]) / _TOTAL for i in range(len(OUTCOMES)))  # in OUTCOMES' order
MINUTE = timedelta(minutes=1)


def _attendance(random_, st: _Stamps, sh: _Shift, on_shift: list[tuple[int, int]], pool: _Pool, keep: list[int],  # noqa: ANN001
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


def _logs(s: Session, rng: random.Random, shifts: list[_Shift], served: dict, wanted: dict,
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


def _route(rng: random.Random, sh: _Shift, kinds: dict, zone_names: dict, buildings: dict) -> str:
    if sh.duty is not DutyType.PATROL:
        return zone_names.get(sh.zone, "")
    if kinds[sh.site] == SiteKind.MARKET.value:
        return rng.choice(MARKET_ROUTES).format(z=zone_names.get(sh.zone, "市场"))
    labels = buildings.get(sh.site) or ["1栋", "2栋"]
    b, c = (labels[i] for i in sorted(rng.sample(range(len(labels)), 2))) if len(labels) > 1 else labels * 2
    return rng.choice(COMPOUND_ROUTES).format(b=b, c=c)
