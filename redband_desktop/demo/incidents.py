"""Demo incidents: two years of the station's incident register ending at `today`, telling
the story of the news report the project started from.

Seeded and derived from `today` only, so the same seed and day give the same register.
The year to date against the same dates last year is lower exactly as the station reported
(disputes −22%, criminal and telecom fraud −21%, public order −19%, as whole percentages)
on any day from February on: last year's incidents come from seasonal rates, and this
year's count of each group is the one that gives the reported change (a day with too few
incidents last year for that whole percentage gets one more). Telecom fraud was frequent in
the market last year and is falling; organs and enterprises have had no contact-type
incident this year; more compounds and units are free of cases (零发案) this year than in the
same months last year. Volunteers appear as the people who reported an incident or helped.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from redband_desktop.db.models import Site, Volunteer
from redband_desktop.db.models.incidents import Incident, IncidentCounter, IncidentVolunteer
from redband_desktop.demo import incident_sites as places
from redband_desktop.demo.incident_texts import summary
from redband_desktop.domain.incidents import (
    DEFAULT_PREFIX,
    FraudMethod,
    IncidentCategory,
    IncidentChannel,
    IncidentOutcome,
    incident_number,
)
from redband_desktop.domain.periods import Comparison, PeriodKind, compared_period, period_for
from redband_desktop.domain.stats import GROUPS, IncidentGroup, change_pct

C = IncidentCategory
# incidents per day last year, before the seasons
RATES: dict[IncidentCategory, float] = {
    C.DISPUTE: 0.9, C.CRIMINAL: 0.35, C.FRAUD: 0.3, C.PUBLIC_ORDER: 0.4, C.TRAFFIC: 0.25, C.FIRE: 0.03,
    C.HELP: 0.4, C.COMPLAINT: 0.2, C.OTHER: 0.1,
}
EARLIER = 1.05  # the year before last, before the team had settled in, was a little busier
# The article's year-on-year figures, and this year's rate for the categories it does not name.
TARGETS = {IncidentGroup.DISPUTE: -22, IncidentGroup.CRIME_AND_FRAUD: -21, IncidentGroup.PUBLIC_ORDER: -19}
OTHER_RATIOS = {C.TRAFFIC: 0.95, C.FIRE: 0.9, C.HELP: 0.97, C.COMPLAINT: 0.9, C.OTHER: 1.0}
OUTCOMES = {C.DISPUTE: IncidentOutcome.MEDIATED, C.CRIMINAL: IncidentOutcome.CASE_FILED,
            C.FRAUD: IncidentOutcome.CASE_FILED}
Plan = list  # [day, category, subtype, site id]: an incident before its row is made


def add_incidents(s: Session, rng: random.Random, today: date) -> int:
    """Add the demo incidents to the session; return how many."""
    sites = list(s.scalars(select(Site).options(selectinload(Site.buildings), selectinload(Site.zones),
                                                selectinload(Site.district)).order_by(Site.id)))
    plans = _counts(rng, today)
    layout = places.Layout(rng, sites)
    for plan in plans:
        plan[2] = places.subtype(rng, plan[1])
        plan[3] = layout.site_for(plan[1], plan[2], plan[0].year == today.year)
    ytd = period_for(PeriodKind.YEAR_TO_DATE, today)
    layout.more_quiet_now(plans, ytd, compared_period(ytd, Comparison.YEAR_ON_YEAR))
    helpers: dict[int, list[int]] = {}
    for vid, site_id in s.execute(select(Volunteer.id, Volunteer.site_id).order_by(Volunteer.id)):
        helpers.setdefault(site_id, []).append(vid)
    by_id = {x.id: x for x in sites}
    rows = sorted((_incident(rng, p, today, by_id[p[3]], helpers) for p in plans), key=lambda i: i.received_at)
    counters: dict[int, int] = {}
    for row in rows:
        counters[row.received_at.year] = counters.get(row.received_at.year, 0) + 1
        row.number = incident_number(DEFAULT_PREFIX, row.received_at.year, counters[row.received_at.year])
    s.add_all(rows)
    s.add_all(IncidentCounter(year=y, last=n) for y, n in counters.items())
    return len(rows)


def _counts(rng: random.Random, today: date) -> list[Plan]:
    """The day and category of every incident: seasonal draws for the past years, and this
    year's groups at exactly the reported change against the same dates last year."""
    ytd = period_for(PeriodKind.YEAR_TO_DATE, today)
    last = compared_period(ytd, Comparison.YEAR_ON_YEAR)
    past = [[day, c, "", 0] for day in _days(today - timedelta(days=730), ytd.start - timedelta(days=1))
            for c, rate in RATES.items()
            for _ in range(_poisson(rng, rate * _season(c, day) * (EARLIER if day.year < today.year - 1 else 1)))]
    now: list[Plan] = []
    for group, pct in TARGETS.items():
        members = sorted(GROUPS[group])
        in_last = [p for p in past if last.start <= p[0] <= last.end and p[1] in members]
        while (wanted := target_count(len(in_last), pct)) is None:
            extra = [_day_in(rng, last.start, last.end), _pick(rng, members), "", 0]  # one more last year
            past.append(extra)
            in_last.append(extra)
        drawn = [[day, c, "", 0] for day in _days(ytd.start, ytd.end) for c in members
                 for _ in range(_poisson(rng, RATES[c] * _season(c, day)))]
        while len(drawn) < wanted:
            drawn.append([_day_in(rng, ytd.start, ytd.end), _pick(rng, members), "", 0])
        now += rng.sample(drawn, wanted)
    now += [[day, c, "", 0] for day in _days(ytd.start, ytd.end) for c, ratio in OTHER_RATIOS.items()
            for _ in range(_poisson(rng, RATES[c] * ratio * _season(c, day)))]
    return past + now


def target_count(previous: int, pct: int) -> int | None:
    """The count nearest to `pct` percent more than `previous` whose change rounds to
    exactly `pct`; None when no whole count does (too few incidents to compare)."""
    fits = [n for n in range(0, 2 * previous + 2) if change_pct(n, previous) == pct]
    return min(fits, key=lambda n: abs(n - previous * (100 + pct) / 100)) if fits else None


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _day_in(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _pick(rng: random.Random, members: list[IncidentCategory]) -> IncidentCategory:
    return rng.choices(members, weights=[RATES[c] for c in members])[0]


def _season(category: IncidentCategory, day: date) -> float:
    phase = 2 * math.pi * (day.timetuple().tm_yday / 365.0)
    if category is C.DISPUTE:  # Spring Festival and summer evenings
        return 1 + 0.25 * math.cos(phase) + 0.15 * math.cos(2 * phase)
    if category is C.FRAUD:  # shopping festivals at the end of the year
        return 1 + 0.3 * math.cos(phase - 5.6)
    if category is C.FIRE:  # dry season
        return 1 + 0.6 * math.cos(phase - 0.8)
    return 1 + 0.15 * math.sin(phase)


def _poisson(rng: random.Random, mean: float) -> int:
    n, p, limit = 0, 1.0, math.exp(-mean)
    while True:
        p *= rng.random()
        if p <= limit:
            return n
        n += 1


def _incident(rng: random.Random, plan: Plan, today: date, site: Site, helpers: dict[int, list[int]]) -> Incident:
    day, category, sub, _ = plan
    # Counted by the time it happened, so that stays on the planned day; the call came later.
    occurred = datetime.combine(day, datetime.min.time()) + timedelta(minutes=rng.randint(6 * 60, 23 * 60 + 30))
    received = occurred + timedelta(minutes=rng.randint(5, 240))
    if received.date() > today:
        received = occurred + timedelta(minutes=5)
    channel = rng.choices(list(IncidentChannel), weights=(55, 12, 15, 10, 8))[0]
    where = places.spot(rng, site)
    row = Incident(
        received_at=received, occurred_at=occurred, channel=channel,
        caller_name=rng.choice("张王李赵刘陈杨黄周吴") + rng.choice(("女士", "先生")),
        caller_phone=f"1{rng.choice('3589')}{rng.randrange(10**9):09d}", caller_confidential=rng.random() < 0.05,
        district_id=site.district_id, site_id=site.id, building_id=where.building_id, zone_id=where.zone_id,
        location=where.text, category=category, subcategory=sub, fraud_method="",
        handling_officer=site.district.officer_name, status="open", outcome="",
    )
    if category is C.CRIMINAL:
        row.loss_yuan = Decimal(rng.randrange(200, 20000, 50))
    elif category is C.FRAUD:
        row.fraud_method = rng.choice(list(FraudMethod))
        row.loss_yuan = Decimal(rng.randrange(500, 200000, 100))
    row.summary = summary(rng, category, row.fraud_method or sub, where.text, row.loss_yuan)
    if (today - day).days > 7 or rng.random() < 0.5:
        row.status, row.outcome = "closed", OUTCOMES.get(category, rng.choice(
            (IncidentOutcome.ON_SITE, IncidentOutcome.ON_SITE, IncidentOutcome.TRANSFERRED, IncidentOutcome.INVALID)))
        row.closed_at = min(received + timedelta(hours=rng.randint(1, 72)), datetime.combine(today, received.time()))
        row.closed_at = max(row.closed_at, received)
    row.volunteers = _volunteers(rng, channel, helpers.get(site.id, []))
    return row


def _volunteers(rng: random.Random, channel: str, people: list[int]) -> list[IncidentVolunteer]:
    if not people:
        return []
    out = []
    if channel == IncidentChannel.VOLUNTEER:
        out.append(IncidentVolunteer(volunteer_id=rng.choice(people), role="reported"))
    if rng.random() < 0.2:
        out.append(IncidentVolunteer(volunteer_id=rng.choice(people), role="assisted"))
    return out
