"""Demo activities: two years of what the news report says the volunteers do beyond shifts.

Monthly anti-fraud outreach (反诈宣传) in the markets' zones, telling the traders' own cases
(the market's telecom-fraud incidents of the last months, linked by number); fire drills
(消防安全演练) at every organ and enterprise once a year and police-skills training
(警务实战技能培训, counted as training) at the units each quarter, with their in-house
security staff; 问计于民大走访 in every compound each spring and autumn, and
三查三告知一宣传 visits in a few compounds each month.

Participants are the place's own volunteers, active on the day (joined, not yet gone),
each with hours (the whole span, or half an hour less for one who left early), and never
in two activities at the same time. Seeded and derived from `today` only; written with
bulk inserts (a few hundred activities and some thousands of participants in well under
half a second).
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import District, MarketZone, Site, Volunteer
from redband_desktop.db.models.activities import Activity, ActivityIncident, ActivityParticipant
from redband_desktop.db.models.incidents import Incident
from redband_desktop.domain.activities import ActivityType, OrganiserKind
from redband_desktop.domain.enums import SiteKind, VolunteerStatus
from redband_desktop.domain.incidents import FraudMethod, IncidentCategory

A = ActivityType
SUBJECTS = ("盘查与控制技能", "防暴器械使用", "现场急救与心肺复苏", "消防器材实操", "突发事件先期处置", "治安巡逻要领")
VISIT_NEEDS = ("反映夜间路灯不亮、希望加装监控", "希望加强电动车停放管理", "反映楼道杂物堆放，请求协调清理")
OUTREACH_THEMES = ("守护钱袋子 反诈进市场", "识破刷单返利骗局", "警惕冒充公检法诈骗", "远离虚假投资理财", "防范虚假网购")


class _Plan:
    """The rows being built, the ids they will have and each volunteer's busy spans."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.activities: list[dict] = []
        self.participants: list[dict] = []
        self.cases: list[dict] = []
        self.busy: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)

    def add(self, kind: ActivityType, day: date, start: time, hours: float, site: Site, people: list[int],
            want: int, **extra) -> None:  # noqa: ANN003 - the type's own columns
        starts = datetime.combine(day, start)
        ends = starts + timedelta(minutes=round(hours * 60))
        free = [v for v in people if all(e <= starts or s >= ends for s, e in self.busy[v])]
        chosen = self.rng.sample(free, min(want, len(free)))
        if not chosen:
            return
        ident = len(self.activities) + 1
        stamp = datetime.combine(day, time(17, 30)) if day < self.today else ends
        whole = round(hours * 60)
        for vid in chosen:
            self.busy[vid].append((starts, ends))
            minutes = whole - 30 if whole > 60 and self.rng.random() < 0.1 else whole
            self.participants.append({"activity_id": ident, "volunteer_id": vid, "minutes": minutes})
        for incident_id in extra.pop("incident_ids", ()):
            self.cases.append({"activity_id": ident, "incident_id": incident_id})
        row = {"id": ident, "activity_type": kind.value, "day": day, "starts_at": starts, "ends_at": ends,
               "district_id": site.district_id, "site_id": site.id, "building_id": None, "zone_id": None,
               "location": "", "organiser_kind": OrganiserKind.STATION.value, "organiser": "", "notes": "",
               "audience": None, "leaflets": None, "cases_note": "", "households": None, "needs_raised": None,
               "subject": "", "counts_as_training": False, "theme": "", "created_at": stamp, "updated_at": stamp,
               "version": 1}
        row.update(extra)
        self.activities.append(row)


def add_activities(s: Session, rng: random.Random, today: date) -> int:
    """Add the demo activities (two years up to the day before `today`); return how many."""
    sites = list(s.scalars(select(Site).order_by(Site.id)))
    zones = {z.id: z for z in s.scalars(select(MarketZone).order_by(MarketZone.id))}
    officers = dict(s.execute(select(District.id, District.officer_name)).all())
    members: dict[int, list[tuple[int, int | None, date, date | None]]] = defaultdict(list)
    for vid, site_id, zone_id, joined, status, since in s.execute(
            select(Volunteer.id, Volunteer.site_id, Volunteer.zone_id, Volunteer.joined_on, Volunteer.status,
                   Volunteer.status_since).order_by(Volunteer.id)):
        members[site_id].append((vid, zone_id, joined, None if status == VolunteerStatus.ACTIVE.value else since))
    fraud = defaultdict(list)
    for iid, site_id, received, method in s.execute(
            select(Incident.id, Incident.site_id, Incident.received_at, Incident.fraud_method)
            .where(Incident.category == IncidentCategory.FRAUD.value).order_by(Incident.received_at)):
        fraud[site_id].append((iid, received.date(), method))
    plan = _Plan(rng, today)
    first = date(today.year - 2, today.month, 1)

    def active(site: Site, day: date, zone_id: int | None = None) -> list[int]:
        """The site's volunteers on the day; for a market zone, its own traders first."""
        here = [(v, z) for v, z, joined, gone in members[site.id] if joined <= day and (gone is None or gone > day)]
        near = [v for v, z in here if zone_id is not None and z == zone_id]
        return near if len(near) >= 6 else near + [v for v, z in here if zone_id is None or z != zone_id]

    markets = [x for x in sites if x.kind == SiteKind.MARKET.value]
    units = [x for x in sites if x.kind == SiteKind.ORGANIZATION.value]
    compounds = [x for x in sites if x.kind == SiteKind.COMPOUND.value]
    for month in _months(first, today):
        for n, market in enumerate(markets):
            if n and month.month % 2:  # the farmers' market every other month
                continue
            _outreach(plan, market, month, zones, fraud[market.id], active)
        for unit_no, unit in enumerate(units):
            if (unit_no + month.month) % 12 == 0:
                _fire_drill(plan, unit, month, active)
        if month.month % 3 == 0:
            _training(plan, units[(month.year * 4 + month.month // 3) % len(units)], month, active)
        if month.month in (4, 10):
            for compound in compounds:
                _visits(plan, compound, month, officers, active)
        for compound in rng.sample(compounds, 3):
            _three_checks(plan, compound, month, officers, active)
    rows = [a for a in plan.activities if a["day"] < today]
    kept = {a["id"] for a in rows}
    if rows:
        s.execute(insert(Activity), rows)
        s.execute(insert(ActivityParticipant), [p for p in plan.participants if p["activity_id"] in kept])
        cases = [c for c in plan.cases if c["activity_id"] in kept]
        if cases:
            s.execute(insert(ActivityIncident), cases)
    return len(rows)


def _months(first: date, today: date) -> list[date]:
    out, day = [], first
    while day <= today:
        out.append(day)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return out


def _day(plan: _Plan, month: date, weekend: bool = False) -> date:
    """A day of the month: a Saturday or Sunday for market talks, a weekday otherwise."""
    days = [month + timedelta(days=i) for i in range(28)]
    fit = [d for d in days if (d.weekday() >= 5) == weekend]
    return plan.rng.choice(fit)


def _outreach(plan: _Plan, market: Site, month: date, zones: dict, cases: list, active) -> None:  # noqa: ANN001
    rng = plan.rng
    own = [z for z in zones.values() if z.site_id == market.id]
    zone = own[(month.year * 12 + month.month) % len(own)] if own else None
    day = _day(plan, month, weekend=True)
    recent = [c for c in cases if day - timedelta(days=120) <= c[1] < day]
    used = rng.sample(recent, min(len(recent), rng.randint(1, 2))) if recent else []
    methods = "、".join(dict.fromkeys(FraudMethod(m).zh for _i, _d, m in used if m)) or "电信网络诈骗"
    audience = rng.randint(60, 220) if market.name == "大商汇" else rng.randint(30, 90)
    place = f"{market.name}{zone.name if zone else ''}"
    plan.add(A.ANTI_FRAUD, day, time(rng.choice((9, 15)), 30), 2, market, active(market, day, zone and zone.id),
             rng.randint(4, 8), zone_id=zone.id if zone else None, location=place,
             theme=rng.choice(OUTREACH_THEMES),
             organiser_kind=rng.choice((OrganiserKind.STATION.value, OrganiserKind.MARKET_OPERATOR.value)),
             organiser=f"{market.name}{'' if market.name.endswith('市场') else '市场'}管理办公室", audience=audience,
             leaflets=audience + rng.randint(20, 120), incident_ids=[i for i, _d, _m in used],
             cases_note=f"讲解本市场商户遭遇的{methods}真实案例，现场演示识别方法")


def _fire_drill(plan: _Plan, unit: Site, month: date, active) -> None:  # noqa: ANN001
    day = _day(plan, month)
    plan.add(A.FIRE_DRILL, day, time(plan.rng.choice((9, 14)), 30), 1.5, unit, active(unit, day),
             plan.rng.randint(4, 10), location=f"{unit.name}办公区",
             theme=plan.rng.choice(("疏散逃生与初起火灾扑救", "灭火器与消防栓实操", "消防通道检查与疏散演练")),
             organiser_kind=OrganiserKind.UNIT_SECURITY.value, organiser=f"{unit.name}保卫部门",
             notes="演练疏散逃生、灭火器和消防栓使用，检查消防通道")


def _training(plan: _Plan, unit: Site, month: date, active) -> None:  # noqa: ANN001
    day = _day(plan, month)
    subject = plan.rng.choice(SUBJECTS)
    plan.add(A.TRAINING, day, time(14, 30), 2, unit, active(unit, day), plan.rng.randint(5, 10),
             location=f"{unit.name}会议室", theme=subject, subject=subject, counts_as_training=True,
             organiser_kind=OrganiserKind.UNIT_SECURITY.value, organiser=f"{unit.name}保卫部门",
             notes="社区民警授课，单位内保人员与志愿者共同参训")


def _visits(plan: _Plan, compound: Site, month: date, officers: dict, active) -> None:  # noqa: ANN001
    rng = plan.rng
    day = _day(plan, month)
    households = rng.randint(20, 80)
    plan.add(A.VISITS, day, time(rng.choice((9, 15)), 0), 2.5, compound, active(compound, day), rng.randint(2, 5),
             location=compound.name, theme="“问计于民”大走访", households=households,
             needs_raised=rng.randint(0, max(1, households // 12)),
             notes=f"随社区民警{officers.get(compound.district_id, '')}入户走访，{rng.choice(VISIT_NEEDS)}")


def _three_checks(plan: _Plan, compound: Site, month: date, officers: dict, active) -> None:  # noqa: ANN001
    rng = plan.rng
    day = _day(plan, month)
    audience = rng.randint(15, 60)
    plan.add(A.THREE_CHECKS, day, time(rng.choice((9, 15)), 30), 2, compound, active(compound, day),
             rng.randint(2, 4), location=compound.name, theme="“三查三告知一宣传”", audience=audience,
             leaflets=audience + rng.randint(0, 30),
             notes=f"查安全隐患、查出租屋、查重点人员，告知防范要点；社区民警{officers.get(compound.district_id, '')}带队")
