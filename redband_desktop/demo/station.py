"""Demo data: a believable 金家河派出所 with 1,100-odd active volunteers, for training and trials.

`load_demo` fills an empty database with the station described in the news report the
project started from: 6 districts each with a community officer, 43 residential
compounds with their buildings, 2 markets (大商汇 with 5 zones), 11 organs (10余家党政机关)
and 6 enterprises, a skill list, volunteers with checksum-valid ID numbers, phones, status
histories and placeholder portraits, a year of the duty rota (`demo.rota`), two years of
activities (`demo.activities`), commendations and evaluations (`demo.records`). Everything
comes from one `random.Random(seed)` and from `today`, so a seed and a date always give the same database (tests rely on it).
Names and places live in `demo.names`; the station's name and settings are written by the
station service, not here.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redband_desktop.db.engine import Database
from redband_desktop.db.models import (
    Building,
    District,
    MarketZone,
    Site,
    Skill,
    StatusChange,
    Volunteer,
    VolunteerPhoto,
)
from redband_desktop.demo import names as words
from redband_desktop.demo.activities import add_activities
from redband_desktop.demo.cards import add_cards
from redband_desktop.demo.clues import add_clues
from redband_desktop.demo.heads import add_heads
from redband_desktop.demo.incidents import add_incidents
from redband_desktop.demo.mediation import add_mediation
from redband_desktop.demo.names import SPECIALS, Special
from redband_desktop.demo.portraits import Painter
from redband_desktop.demo.records import add_records
from redband_desktop.demo.rota import add_rota
from redband_desktop.domain.enums import Background, Gender, PoliticalStatus, SiteKind
from redband_desktop.domain.enums import VolunteerStatus as Status
from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.domain.names import name_pinyin
from redband_desktop.domain.phone import normalize_phone
from redband_desktop.errors import ConflictError

DEMO_SEED = 2026
# The city's call for red-armband volunteers went out in 2021; the team formed that summer.
FIRST_JOIN = date(2021, 6, 1)
# Printed on the demo's service certificates as the issuing station's head and contact phone
# (made up, like every person in the demo).
STATION_HEAD, STATION_PHONE = "赵建国", "0871-68120110"
FOUNDING_DRIVE_END = date(2021, 12, 31)
COMPOUNDS = 43
# "1100余名" active volunteers: 1,220 on the roster, about 7% of them suspended or gone.
VOLUNTEERS = 1220
LEFT_OR_SUSPENDED = 0.07


@dataclass(frozen=True)
class DemoSummary:
    districts: int
    compounds: int
    markets: int
    organizations: int
    buildings: int
    zones: int
    skills: int
    volunteers: int
    active: int
    suspended: int
    left: int


@dataclass(frozen=True)
class _Place:
    """A site and what the generator needs to know about it beyond its columns."""

    site: Site
    weight: float  # how many volunteers it attracts, relative to the others
    is_organ: bool = False


def load_demo(
    db: Database, seed: int = DEMO_SEED, volunteers: int = VOLUNTEERS, today: date | None = None
) -> DemoSummary:
    """Fill an empty database with the demo station in one transaction.

    Raises ConflictError if districts already exist: demo people must never be mixed
    into a real roster. All dates are derived from `today` (join dates run from
    FIRST_JOIN to it), so a test that pins it gets the same database every time.
    """
    today = today or date.today()
    if today < FIRST_JOIN:
        raise ValueError(f"today ({today}) is before the team was founded ({FIRST_JOIN})")
    gen = _Gen(random.Random(seed), today)
    # Portraits draw from their own stream so restyling them never reshuffles the people.
    painter = Painter(random.Random(f"portrait:{seed}"))
    with db.write() as s:
        existing = s.scalar(select(func.count()).select_from(District))
        if existing:
            raise ConflictError("demo_not_empty", districts=existing)
        skills = _ensure_skills(s)
        places = _add_structure(s, gen)
        s.flush()
        people = _make_volunteers(gen, places, skills, volunteers)
        for v, surname in people:
            portrait = painter.portrait(surname)
            v.photo = VolunteerPhoto(
                image=portrait.image, thumbnail=portrait.thumbnail, updated_at=v.created_at
            )
        s.add_all(v for v, _ in people)
        s.flush()
        add_heads(s, random.Random(f"heads:{seed}"), places, [v for v, _ in people], today)
        s.flush()
        add_cards(s, random.Random(f"cards:{seed}"), [v for v, _ in people], today)
        add_incidents(s, random.Random(f"incidents:{seed}"), today)
        add_clues(s, random.Random(f"clues:{seed}"), today)
        add_mediation(s, random.Random(f"mediation:{seed}"), today)
        s.flush()
        add_rota(s, random.Random(f"rota:{seed}"), today, FIRST_JOIN)
        add_activities(s, random.Random(f"activities:{seed}"), today)
        add_records(s, random.Random(f"records:{seed}"), today)
        return _summary(places, skills, [v for v, _ in people])


def _summary(places: list[_Place], skills: list[Skill], people: list[Volunteer]) -> DemoSummary:
    kinds = [p.site.kind for p in places]
    status = [v.status for v in people]
    return DemoSummary(
        districts=len(words.DISTRICTS),
        compounds=kinds.count(SiteKind.COMPOUND.value),
        markets=kinds.count(SiteKind.MARKET.value),
        organizations=kinds.count(SiteKind.ORGANIZATION.value),
        buildings=sum(len(p.site.buildings) for p in places),
        zones=sum(len(p.site.zones) for p in places),
        skills=len(skills),
        volunteers=len(people),
        active=status.count(Status.ACTIVE.value),
        suspended=status.count(Status.SUSPENDED.value),
        left=status.count(Status.LEFT.value),
    )


class _Gen:
    """The seeded random source plus the uniqueness bookkeeping for phones and IDs."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self._phones: set[str] = set()
        self._ids: set[str] = set()

    def pick(self, items: Any, weights: Any = None) -> Any:
        return self.rng.choices(items, weights)[0]

    def day(self, first: date, last: date) -> date:
        last = max(first, min(last, self.today))
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def stamp(self, day: date) -> datetime:
        """A time during office hours on `day`, when a clerk would have typed the record."""
        return datetime.combine(day, time(self.rng.randint(8, 17), self.rng.randint(0, 59)))

    def mobile(self, reserve: bool = True) -> str:
        while True:
            raw = self.pick(words.MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if not reserve or raw not in self._phones:
                break
        self._phones.add(raw)
        return normalize_phone(raw)

    def id_number(self, region: str, birth: date, gender: Gender) -> str:
        male = gender is Gender.MALE
        while True:
            seq = self.rng.randrange(0, 1000, 2) + (1 if male else 0)
            number = make_id_number(region, birth, seq)
            if number not in self._ids:
                self._ids.add(number)
                return number


def _ensure_skills(s: Session) -> list[Skill]:
    """The demo skill list, reusing any skill the station already typed in."""
    have = {k.name: k for k in s.scalars(select(Skill))}
    for name, _ in words.SKILLS:
        if name not in have:
            have[name] = Skill(name=name)
            s.add(have[name])
    return [have[name] for name, _ in words.SKILLS]


def _add_structure(s: Session, gen: _Gen) -> list[_Place]:
    """Districts with their officers, then compounds, markets and organizations."""
    districts: list[tuple[District, tuple[str, ...]]] = []
    for order, (name, officer, roads) in enumerate(words.DISTRICTS, start=1):
        police_no = f"{gen.rng.randint(100000, 999999)}"
        d = District(name=name, officer_name=officer, officer_police_no=police_no, sort_order=order)
        d.officer_phone = gen.mobile()
        _stamp(d, gen.stamp(FIRST_JOIN - timedelta(days=10)))
        s.add(d)
        districts.append((d, roads))
    places = _add_compounds(gen, districts)
    for i, (name, zones) in enumerate(words.MARKETS):
        # In 前兴 and 日新; 大商汇 draws traders from all over, the farmers' market fewer.
        site = _site(gen, districts[2 + i], SiteKind.MARKET, name)
        site.zones = [_stamp(MarketZone(name=z), site.created_at) for z in zones]
        places.append(_Place(site, 190.0 if i == 0 else 40.0))
    for name, is_organ in words.ORGANIZATIONS:
        site = _site(gen, gen.pick(districts), SiteKind.ORGANIZATION, name)
        places.append(_Place(site, 8.5, is_organ))
    s.add_all(p.site for p in places)
    return places


def _site(gen: _Gen, district: tuple[District, tuple[str, ...]], kind: SiteKind, name: str) -> Site:
    d, roads = district
    address = f"昆明市西山区{gen.pick(roads)}{gen.rng.randint(1, 320)}号"
    site = Site(district=d, kind=kind.value, name=name, address=address)
    return _stamp(site, gen.stamp(FIRST_JOIN - timedelta(days=gen.rng.randint(1, 9))))


def _add_compounds(gen: _Gen, districts: list[tuple[District, tuple[str, ...]]]) -> list[_Place]:
    places = []
    for i, name in enumerate(gen.rng.sample(words.COMPOUND_NAMES, COMPOUNDS)):
        # Every district gets a compound first; the rest fall unevenly, as in a real city.
        district = districts[i] if i < len(districts) else gen.pick(districts)
        site = _site(gen, district, SiteKind.COMPOUND, name)
        # Old compounds (老旧小区) are walk-ups; newer ones have lifts and more floors.
        floors = gen.rng.randint(5, 7) if gen.rng.random() < 0.6 else gen.rng.randint(9, 18)
        for number in range(1, gen.rng.randint(4, 24) + 1):
            units = gen.pick((1, 2, 3, 4), (15, 40, 30, 15))
            households = min(120, max(20, units * 2 * floors))
            b = Building(label=f"{number}栋", units=units, households=households)
            site.buildings.append(_stamp(b, site.created_at))
        places.append(_Place(site, float(len(site.buildings))))
    return places


def _make_volunteers(
    gen: _Gen, places: list[_Place], skills: list[Skill], count: int
) -> list[tuple[Volunteer, str]]:
    """`count` volunteers (the hand-written ones included), in the order they joined."""
    by_name = {p.site.name: p for p in places}
    compounds = [p for p in places if p.site.kind == SiteKind.COMPOUND.value]
    special_at = dict(
        zip(gen.rng.sample(range(count), min(count, len(SPECIALS))), SPECIALS, strict=False)
    )
    weights = [p.weight for p in places]
    people = []
    for i in range(count):
        special = special_at.get(i)
        if special is None:
            people.append(_volunteer(gen, gen.pick(places, weights), skills))
        else:
            place = by_name.get(special.site_name) or gen.pick(compounds)
            people.append(_volunteer(gen, place, skills, special))
    # Ids then follow the order of joining, as they would in a roster typed over time.
    people.sort(key=lambda p: (p[0].joined_on, p[0].created_at))
    return people


def _volunteer(
    gen: _Gen, place: _Place, skills: list[Skill], special: Special | None = None
) -> tuple[Volunteer, str]:
    """A volunteer at `place` and their surname (for the portrait)."""
    background = special.background if special else _background(gen, place)
    v = Volunteer(background=background.value, site_id=place.site.id, notes="")
    surname = _identity(gen, v, background, special)
    _home(gen, v, place, special)
    _membership(gen, v, place, special)
    v.in_wechat_group = gen.rng.random() < (0.78 if v.status == "active" else 0.3)
    if gen.rng.random() < 0.9:
        kin = gen.pick(list(Gender))  # a spouse, parent or grown-up child
        v.emergency_name = words.random_name(gen.rng, kin, v.birth_date.year)[0]
        v.emergency_phone = gen.mobile(reserve=False)
    v.skills = _skills(gen, skills, background)
    if special:
        v.notes = special.notes
        if background is Background.MERCHANT:  # the report's traders run anti-fraud talks
            anti_fraud = next(k for k in skills if k.name == "反诈宣传")
            v.skills = sorted({*v.skills, anti_fraud}, key=lambda k: k.name)
    return v, surname


def _background(gen: _Gen, place: _Place) -> Background:
    mix = words.BACKGROUND_MIX["organ" if place.is_organ else place.site.kind]
    return gen.pick(list(mix), list(mix.values()))


def _identity(gen: _Gen, v: Volunteer, background: Background, special: Special | None) -> str:
    """Name, gender, birth date and an ID number that agrees with both; returns the surname."""
    lo, hi = words.BIRTH_YEARS[background.value]
    if special:
        gender, year, region = special.gender, special.birth_year, special.region
        v.name, surname = special.name, special.surname
    else:
        male = gen.rng.random() < words.MALE_SHARE[background.value]
        gender = Gender.MALE if male else Gender.FEMALE
        year = round(gen.rng.triangular(lo, hi, lo + (hi - lo) * 0.4))
        region = words.random_region(gen.rng, background)
        v.name, surname = words.random_name(gen.rng, gender, year)
    v.birth_date = date(year, 1, 1) + timedelta(days=gen.rng.randint(0, 364))
    v.gender = gender.value
    v.id_number = gen.id_number(region, v.birth_date, gender)
    v.name_pinyin, v.name_initials = name_pinyin(v.name)
    v.political_status = _political(gen, background, gen.today.year - year).value
    v.phone = gen.mobile()
    return surname


def _political(gen: _Gen, background: Background, age: int) -> PoliticalStatus:
    cpc = words.CPC_SHARE.get(background.value, 0.06)
    r = gen.rng.random()
    if r < cpc:
        young = age < 35 and gen.rng.random() < 0.15
        return PoliticalStatus.CPC_PROBATIONARY if young else PoliticalStatus.CPC_MEMBER
    if background in (Background.RETIRED_CADRE, Background.ORGAN_STAFF) and r < cpc + 0.05:
        return PoliticalStatus.DEMOCRATIC_PARTY
    if age <= 28 and gen.rng.random() < 0.5:
        return PoliticalStatus.LEAGUE_MEMBER
    return PoliticalStatus.MASSES


def _home(gen: _Gen, v: Volunteer, place: _Place, special: Special | None) -> None:
    """Building and flat in a compound; a zone in a market; a street address otherwise."""
    site = place.site
    if site.kind == SiteKind.COMPOUND.value:
        b = gen.pick(site.buildings, [b.households for b in site.buildings])
        floors = math.ceil(b.households / (b.units * 2))
        unit, floor = gen.rng.randint(1, b.units), gen.rng.randint(1, floors)
        v.site_id, v.building_id = site.id, b.id
        # Two flats per landing: 501 and 502 on the fifth floor.
        v.address = f"{site.name}{b.label}{unit}单元{floor}{gen.rng.randint(1, 2):02d}"
        return
    if site.kind == SiteKind.MARKET.value:
        wanted = special.zone_name if special else None
        zone = next((z for z in site.zones if z.name == wanted), None) or gen.pick(site.zones)
        v.zone_id = zone.id
    road = gen.pick([r for _, _, roads in words.DISTRICTS for r in roads])
    v.address = f"昆明市西山区{road}{gen.rng.randint(1, 400)}号"


def _membership(gen: _Gen, v: Volunteer, place: _Place, special: Special | None) -> None:
    """Join date, current status and the history rows that explain it."""
    if special and special.joined_on:
        v.joined_on = min(special.joined_on, gen.today)
    elif gen.rng.random() < 0.4:
        v.joined_on = gen.day(FIRST_JOIN, FOUNDING_DRIVE_END)  # the founding drive
    else:
        v.joined_on = gen.day(FIRST_JOIN, gen.today)
    v.created_at = v.updated_at = gen.stamp(v.joined_on)
    v.status, v.status_since = Status.ACTIVE.value, v.joined_on
    v.status_history = [_change(None, v.status, v.joined_on, "加入队伍", v.created_at)]
    r = gen.rng.random()
    span = (gen.today - v.joined_on).days
    if special or r >= LEFT_OR_SUSPENDED or span < 2:
        return
    status = Status.SUSPENDED if r < 0.03 else Status.LEFT
    since = v.joined_on + timedelta(days=gen.rng.randint(min(30, span), span))
    reason = gen.pick(words.STATUS_REASONS[(status.value, place.site.kind)])
    v.updated_at = gen.stamp(since)
    v.status_history.append(_change(v.status, status.value, since, reason, v.updated_at))
    v.status, v.status_since = status.value, since


def _change(old: str | None, new: str, on: date, reason: str, at: datetime) -> StatusChange:
    return StatusChange(
        old_status=old, new_status=new, changed_on=on, reason=reason, recorded_at=at
    )


def _stamp(record: Any, at: datetime) -> Any:
    """Date a record as if typed in when the station set the team up, not today."""
    record.created_at = record.updated_at = at
    return record


def _skills(gen: _Gen, skills: list[Skill], background: Background) -> list[Skill]:
    """0-3 skills, favouring those that fit the background (weighted, no repeats)."""
    n = gen.pick((0, 1, 2, 3), (30, 38, 22, 10))
    boost = [extra.get(background.value, 1.0) for _, extra in words.SKILLS]
    # Efraimidis-Spirakis: sort by u**(1/w) to sample without replacement by weight.
    keyed = sorted(range(len(skills)), key=lambda i: -(gen.rng.random() ** (1 / boost[i])))
    return sorted((skills[i] for i in keyed[:n]), key=lambda k: k.name)
