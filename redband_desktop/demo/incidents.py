"""Demo incidents: two years of the station's incident register ending at `today`.

Seeded and derived from `today` only, so the same seed gives the same register. Rates
vary by season and category; the most recent 12 months are lower than the 12 before them
roughly as the station reported (disputes −22%, criminal and fraud −21%, public order
−19%), some compounds had no incident at all (零发案), and volunteers appear as the
people who reported an incident or helped handle it.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Site, Volunteer
from redband_desktop.db.models.incidents import Incident, IncidentCounter, IncidentVolunteer
from redband_desktop.domain.enums import SiteKind
from redband_desktop.domain.incidents import (
    DEFAULT_PREFIX,
    CriminalSubtype,
    FraudMethod,
    IncidentCategory,
    IncidentChannel,
    IncidentOutcome,
    incident_number,
)

C = IncidentCategory
# incidents per day in the earlier 12 months, and the ratio of the recent 12 months to it
RATES: dict[IncidentCategory, tuple[float, float]] = {
    C.DISPUTE: (0.9, 0.78), C.CRIMINAL: (0.35, 0.79), C.FRAUD: (0.3, 0.79), C.PUBLIC_ORDER: (0.4, 0.81),
    C.TRAFFIC: (0.25, 0.92), C.FIRE: (0.03, 0.9), C.HELP: (0.4, 0.95), C.COMPLAINT: (0.2, 0.9),
    C.OTHER: (0.1, 1.0),
}
OUTCOMES = {C.DISPUTE: IncidentOutcome.MEDIATED, C.CRIMINAL: IncidentOutcome.CASE_FILED,
            C.FRAUD: IncidentOutcome.CASE_FILED}
QUIET_SHARE = 0.2  # compounds with no incident in the two years
_CRIMINAL_SUBTYPES = (CriminalSubtype.BURGLARY, CriminalSubtype.VEHICLE_THEFT, CriminalSubtype.PICKPOCKETING,
                      CriminalSubtype.OTHER)
OFFICERS = ("陈卿", "李明", "王磊", "赵刚", "周平", "杨帆")


def add_incidents(s: Session, rng: random.Random, today: date) -> int:
    """Add the demo incidents to the session; return how many."""
    sites = list(s.scalars(select(Site).order_by(Site.id)))
    compounds = [x for x in sites if x.kind == SiteKind.COMPOUND]
    quiet = set(rng.sample([x.id for x in compounds], int(len(compounds) * QUIET_SHARE)))
    busy = [x for x in sites if x.id not in quiet]
    helpers: dict[int, list[int]] = {}
    for vid, site_id in s.execute(select(Volunteer.id, Volunteer.site_id).order_by(Volunteer.id)):
        helpers.setdefault(site_id, []).append(vid)
    rows = []
    for category, (rate, ratio) in RATES.items():
        earlier, recent = [], []
        for day_no in range(730, -1, -1):
            day = today - timedelta(days=day_no)
            for _ in range(_poisson(rng, rate * _season(category, day))):
                (recent if day_no < 365 else earlier).append(day)
        # the recent year is thinned to the reported ratio exactly, keeping its seasons
        recent = sorted(rng.sample(recent, min(len(recent), round(len(earlier) * ratio))))
        rows += [_incident(rng, day, today, category, rng.choice(busy), helpers) for day in earlier + recent]
    rows.sort(key=lambda i: i.received_at)
    counters: dict[int, int] = {}
    for row in rows:
        counters[row.received_at.year] = counters.get(row.received_at.year, 0) + 1
        row.number = incident_number(DEFAULT_PREFIX, row.received_at.year, counters[row.received_at.year])
    s.add_all(rows)
    s.add_all(IncidentCounter(year=y, last=n) for y, n in counters.items())
    return len(rows)


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


def _incident(rng: random.Random, day: date, today: date, category: IncidentCategory,
              site: Site, helpers: dict[int, list[int]]) -> Incident:
    received = datetime.combine(day, datetime.min.time()) + timedelta(minutes=rng.randint(6 * 60, 23 * 60 + 50))
    channel = rng.choices(list(IncidentChannel), weights=(55, 12, 15, 10, 8))[0]
    row = Incident(
        received_at=received, occurred_at=received - timedelta(minutes=rng.randint(5, 240)),
        channel=channel, caller_name=rng.choice("张王李赵刘陈杨黄周吴") + rng.choice(("女士", "先生")),
        caller_phone=f"1{rng.choice('3589')}{rng.randrange(10**9):09d}", caller_confidential=rng.random() < 0.05,
        district_id=site.district_id, site_id=site.id, location=site.name, category=category,
        subcategory="", fraud_method="", summary=f"{category.zh}警情（演示数据）",
        handling_officer=rng.choice(OFFICERS), status="open", outcome="",
    )
    if category is C.CRIMINAL:
        row.subcategory = rng.choices(_CRIMINAL_SUBTYPES, weights=(3, 3, 2, 2))[0]
        row.loss_yuan = Decimal(rng.randrange(200, 20000, 50))
    elif category is C.FRAUD:
        row.fraud_method = rng.choice(list(FraudMethod))
        row.loss_yuan = Decimal(rng.randrange(500, 200000, 100))
    if (today - day).days > 7 or rng.random() < 0.5:
        row.status, row.outcome = "closed", OUTCOMES.get(category, rng.choice(
            (IncidentOutcome.ON_SITE, IncidentOutcome.ON_SITE, IncidentOutcome.TRANSFERRED, IncidentOutcome.INVALID)))
        row.closed_at = min(received + timedelta(hours=rng.randint(1, 72)), datetime.combine(today, received.time()))
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
