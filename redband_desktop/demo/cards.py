"""Demo ID cards (志愿者证): most active volunteers already carry one, so the card register
and the coverage gaps show something on first start — a few expiring within the month,
some lost and replaced, and the cards of volunteers who left revoked on the day they left.

Cards are valid for three years (the station's default) and numbered per year of issue in
the order issued, as the card service numbers them. Roles are printed as the service
prints them: building head, market zone lead, or volunteer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Card, PlaceHead, Volunteer
from redband_desktop.domain.cards import CardStatus, card_no
from redband_desktop.domain.enums import VolunteerStatus as Status

VALID_YEARS = 3
CARRIED = 0.86  # active volunteers with a card
EXPIRING = 0.04  # of those, cards running out within the next 30 days
LOST = 0.02  # of those, a card lost and replaced
FIRST_ISSUE = date(2022, 3, 1)  # the first batch, once the team had formed
ROLES = {"building": "楼栋长", "zone": "市场片区负责人", None: "治安志愿者"}


@dataclass
class _Issue:
    volunteer: Volunteer
    on: date
    status: str = CardStatus.VALID.value
    changed_on: date | None = None
    reason: str = ""
    until: date | None = None


def add_cards(s: Session, rng: random.Random, people: list[Volunteer], today: date) -> int:
    """Add the demo cards; return how many."""
    posts: dict[int, str] = {}
    for vid, building, zone in s.execute(select(PlaceHead.volunteer_id, PlaceHead.building_id, PlaceHead.zone_id)
                                         .where(PlaceHead.end_date.is_(None))):
        if building or vid not in posts:
            posts[vid] = "building" if building else "zone" if zone else posts.get(vid)
    issues: list[_Issue] = []
    for v in people:
        if v.status == Status.LEFT.value and rng.random() < 0.7:
            left = max(v.status_since, v.joined_on)
            issued = _first_day(v, today, rng, last=left)
            if issued < left:
                issues.append(_Issue(v, issued, CardStatus.REVOKED.value, left, "志愿者退出队伍，证件自动注销"))
        elif v.status == Status.ACTIVE.value and rng.random() < CARRIED:
            issues += _active(v, today, rng)
    issues.sort(key=lambda i: (i.on, i.volunteer.id))
    seq: dict[int, int] = {}
    for i in issues:
        seq[i.on.year] = seq.get(i.on.year, 0) + 1
        until = i.until or _add_years(i.on, VALID_YEARS)
        s.add(Card(card_no=card_no(i.on.year, seq[i.on.year]), volunteer_id=i.volunteer.id, issued_on=i.on,
                   valid_until=until, status=i.status, role=ROLES[posts.get(i.volunteer.id)],
                   changed_on=i.changed_on, reason=i.reason, printed_count=1,
                   created_at=datetime.combine(i.on, time(10, 0))))
    return len(issues)


def _active(v: Volunteer, today: date, rng: random.Random) -> list[_Issue]:
    r = rng.random()
    if r < EXPIRING:  # issued three years ago, running out within the month
        on = _add_years(today, -VALID_YEARS) + timedelta(days=rng.randint(1, 30))
        if on >= v.joined_on:
            return [_Issue(v, on)]
    on = _first_day(v, today, rng, last=today - timedelta(days=3))
    if r > 1 - LOST and (today - on).days > 60:
        lost_on = on + timedelta(days=rng.randint(30, (today - on).days - 1))
        return [_Issue(v, on, CardStatus.LOST.value, lost_on, "志愿者报称证件遗失"), _Issue(v, lost_on)]
    return [_Issue(v, on)]


def _first_day(v: Volunteer, today: date, rng: random.Random, last: date) -> date:
    """A day of issue between joining (or the first batch) and `last`, recent enough that
    a card of an active volunteer is still valid."""
    first = max(v.joined_on, FIRST_ISSUE, _add_years(today, -VALID_YEARS) + timedelta(days=31))
    if last <= first:
        return min(first, last) if last >= v.joined_on else first
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
