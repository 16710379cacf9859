"""Demo clue reports: two years of what volunteers reported, ending at `today`.

Seeded and derived from `today` only. Reporters are volunteers of the clue's own site;
older clues have been through the whole flow (most closed, many with feedback given to
the volunteer), the last days' clues are still waiting to be verified or transferred,
and the volunteer reports in the incident register come with the clue that led to them.
A few clues carry a photo (small drawn pictures, so the demo stays quick to load).
"""

from __future__ import annotations

import io
import random
from datetime import date, datetime, timedelta

from sqlalchemy import select
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
from redband_desktop.db.models.clues import Clue, ClueAttachment, ClueCounter
from redband_desktop.domain.attachments import make_picture
from redband_desktop.domain.clues import ClueClosing, ClueStatus, ClueType, ClueUrgency, clue_number
from redband_desktop.domain.enums import SiteKind

T = ClueType
CONTENT = {
    T.SUSPICIOUS_PERSON: ("两名陌生男子在单元门口徘徊，反复查看住户门牌", "有人深夜翻看停放的电动车，形迹可疑"),
    T.SUSPICIOUS_VEHICLE: ("一辆无牌面包车连续三晚停在围墙外", "外地牌照轿车长时间停放，车内有人观察出入人员"),
    T.FRAUD_ATTEMPT: ("老人接到自称“公安局”的电话，要求转账到“安全账户”", "有人在市场门口推销“高回报理财”并收集身份证"),
    T.SAFETY_HAZARD: ("楼道堆放纸箱杂物，堵塞消防通道", "电动车在楼道内飞线充电", "路灯损坏，夜间路段漆黑"),
    T.DISPUTE_BREWING: ("两户邻居因漏水问题多次争吵，情绪激动", "商户与顾客因退货发生口角，双方互不相让"),
    T.WANTED_PERSON: ("发现与协查通报照片相似的男子在小卖部出现",),
    T.OTHER: ("小区门禁损坏，陌生人可随意进出", "流浪犬在小区内追咬行人"),
}
RATES = {T.SUSPICIOUS_PERSON: 0.12, T.SUSPICIOUS_VEHICLE: 0.07, T.FRAUD_ATTEMPT: 0.1, T.SAFETY_HAZARD: 0.14,
         T.DISPUTE_BREWING: 0.1, T.WANTED_PERSON: 0.01, T.OTHER: 0.04}  # clues per day
FROM_INCIDENT = {"fraud": T.FRAUD_ATTEMPT, "dispute": T.DISPUTE_BREWING, "criminal": T.SUSPICIOUS_PERSON,
                 "fire": T.SAFETY_HAZARD, "public_order": T.SUSPICIOUS_PERSON}
TARGETS = ("刑侦中队", "治安大队", "反诈中心", "社区居委会", "消防救援站", "西山区市场监管局", "物业公司")
FEEDBACK = ("已电话告知处理结果，感谢支持", "民警上门反馈，志愿者表示满意", "已在警民联动群内通报处理情况")
PHOTO_SHARE = 0.06
# words that place a line in a market, or in a residential compound (so lines fit the site)
MARKET_WORDS, HOME_WORDS = ("市场", "商户"), ("单元", "楼道", "小区", "住户", "邻居")


def add_clues(s: Session, rng: random.Random, today: date) -> int:
    """Add the demo clues to the session (numbered per year in reporting order)."""
    people: dict[int, list[tuple[int, date]]] = {}
    for vid, site_id, joined in s.execute(select(Volunteer.id, Volunteer.site_id, Volunteer.joined_on)
                                          .order_by(Volunteer.id)):
        people.setdefault(site_id, []).append((vid, joined))
    sites = [x for x in s.scalars(select(Site).order_by(Site.id)) if x.id in people]
    places = _places(s)
    officers = dict(s.execute(select(District.id, District.officer_name)).all())
    kinds = dict(s.execute(select(Site.id, Site.kind)).all())
    rows = [_from_incident(rng, today, *r, officers, kinds) for r in _volunteer_incidents(s) if rng.random() < 0.7]
    for day_no in range(730, -1, -1):
        day = today - timedelta(days=day_no)
        for clue_type, rate in RATES.items():
            if rng.random() < rate:
                site = rng.choice(sites)
                reporters = [v for v, joined in people[site.id] if joined <= day] or [people[site.id][0][0]]
                row = _clue(rng, day, clue_type, site, rng.choice(reporters), places.get(site.id, ()))
                _advance(rng, row, today, officers)
                rows.append(row)
    _number(s, rows)
    _photos(rng, [r for r in rows if rng.random() < PHOTO_SHARE])
    s.add_all(rows)
    return len(rows)


def _places(s: Session) -> dict[int, tuple[tuple[str, int], ...]]:
    out: dict[int, list[tuple[str, int]]] = {}
    for site_id, ident in s.execute(select(Building.site_id, Building.id).order_by(Building.id)):
        out.setdefault(site_id, []).append(("building_id", ident))
    for site_id, ident in s.execute(select(MarketZone.site_id, MarketZone.id).order_by(MarketZone.id)):
        out.setdefault(site_id, []).append(("zone_id", ident))
    return {k: tuple(v) for k, v in out.items()}


def _volunteer_incidents(s: Session) -> list:
    q = (select(Incident.id, Incident.received_at, Incident.category, Incident.district_id, Incident.site_id,
                Incident.location, IncidentVolunteer.volunteer_id)
         .join(IncidentVolunteer, IncidentVolunteer.incident_id == Incident.id)
         .where(Incident.channel == "volunteer", IncidentVolunteer.role == "reported")
         .order_by(Incident.id))
    return list(s.execute(q))


def _from_incident(rng: random.Random, today: date, incident_id: int, received: datetime, category: str,
                   district_id: int, site_id: int, location: str, volunteer_id: int,
                   officers: dict[int, str], kinds: dict[int, str]) -> Clue:
    clue_type = FROM_INCIDENT.get(category, T.OTHER)
    reported = received - timedelta(minutes=rng.randint(10, 90))
    verified = reported + (received - reported) / 2
    closed = min(received + timedelta(hours=rng.randint(2, 48)), datetime.combine(today, datetime.min.time()))
    row = Clue(reporter_id=volunteer_id, reported_at=reported, district_id=district_id, site_id=site_id,
               location=location, clue_type=clue_type, urgency=rng.choice((ClueUrgency.URGENT, ClueUrgency.CRITICAL)),
               content=rng.choice(_fitting(CONTENT[clue_type], kinds.get(site_id, ""))),
               status=ClueStatus.CLOSED, verified_at=verified,
               verified_by=officers.get(district_id, ""), verify_note="民警到场核实属实",
               closed_at=max(closed, verified), closing=ClueClosing.LED_TO_INCIDENT, incident_id=incident_id)
    _feedback(rng, row, 0.8, today)
    return row


def _clue(rng: random.Random, day: date, clue_type: ClueType, site: Site, reporter: int,
          places: tuple[tuple[str, int], ...]) -> Clue:
    at = datetime.combine(day, datetime.min.time()) + timedelta(minutes=rng.randint(7 * 60, 22 * 60))
    urgency = rng.choices(list(ClueUrgency), weights=(70, 24, 6))[0]
    row = Clue(reporter_id=reporter, reported_at=at, district_id=site.district_id, site_id=site.id,
               location=site.name, clue_type=clue_type, urgency=urgency,
               content=rng.choice(_fitting(CONTENT[clue_type], site.kind)), status=ClueStatus.RECEIVED)
    if places and rng.random() < 0.6:
        column, ident = rng.choice(places)
        setattr(row, column, ident)
    return row


def _fitting(lines: tuple[str, ...], kind: str) -> tuple[str, ...]:
    """The lines that could happen at a site of this kind (all of them if none fits)."""
    unlike = {SiteKind.MARKET: HOME_WORDS, SiteKind.COMPOUND: MARKET_WORDS}.get(kind, HOME_WORDS + MARKET_WORDS)
    return tuple(x for x in lines if not any(w in x for w in unlike)) or lines


def _advance(rng: random.Random, row: Clue, today: date, officers: dict[int, str]) -> None:
    """Take a clue as far through the flow as its age makes likely."""
    age = (today - row.reported_at.date()).days
    now = datetime.combine(today, datetime.min.time()) + timedelta(hours=8)
    if age < 3 or (age < 8 and rng.random() < 0.5):
        return
    row.status, row.verified_at = ClueStatus.VERIFIED, min(row.reported_at + timedelta(hours=rng.randint(1, 20)), now)
    row.verified_by, row.verify_note = officers.get(row.district_id, ""), rng.choice(("属实", "基本属实", "已到场查看"))
    if (age < 15 and rng.random() < 0.5) or rng.random() < 0.03:
        return
    if rng.random() < 0.35:
        row.status, row.transferred_to = ClueStatus.TRANSFERRED, rng.choice(TARGETS)
        row.transferred_at = min(row.verified_at + timedelta(hours=rng.randint(1, 24)), now)
        if age < 30 or rng.random() < 0.1:
            _feedback(rng, row, 0.3, today)
            return
    row.status, row.closing = ClueStatus.CLOSED, rng.choices((ClueClosing.NO_ACTION, ClueClosing.USEFUL),
                                                             weights=(35, 65))[0]
    row.closed_at = min((row.transferred_at or row.verified_at) + timedelta(days=rng.randint(0, 6)), now)
    _feedback(rng, row, 0.85, today)


def _feedback(rng: random.Random, row: Clue, share: float, today: date) -> None:
    if rng.random() < share:
        row.feedback = rng.choice(FEEDBACK)
        row.feedback_at = min((row.closed_at or row.transferred_at or row.verified_at) + timedelta(hours=4),
                              datetime.combine(today, datetime.min.time()) + timedelta(hours=9))


def _number(s: Session, rows: list[Clue]) -> None:
    rows.sort(key=lambda r: r.reported_at)
    counters: dict[int, int] = {}
    for row in rows:
        counters[row.reported_at.year] = counters.get(row.reported_at.year, 0) + 1
        row.number = clue_number(row.reported_at.year, counters[row.reported_at.year])
    s.add_all(ClueCounter(year=y, last=n) for y, n in counters.items())


def _photos(rng: random.Random, rows: list[Clue]) -> None:
    from PIL import Image, ImageDraw

    for row in rows:
        img = Image.new("RGB", (480, 360), tuple(rng.randrange(90, 200) for _ in range(3)))
        draw = ImageDraw.Draw(img)
        for _ in range(6):
            x, y = rng.randrange(0, 400), rng.randrange(0, 300)
            draw.rectangle((x, y, x + rng.randrange(30, 120), y + rng.randrange(30, 90)),
                           fill=tuple(rng.randrange(0, 256) for _ in range(3)))
        out = io.BytesIO()
        img.save(out, format="PNG")
        p = make_picture(out.getvalue())
        row.attachments = [ClueAttachment(image=p.image, thumbnail=p.thumbnail, width=p.width, height=p.height,
                                          added_at=row.reported_at + timedelta(minutes=2))]
