"""Queries and rules of the card register, as helpers that take a session (no commits).

Card numbers run per issue year (2026-00001, …). A volunteer has at most one card in
status "valid" at a time: issuing a new one marks the old one "replaced" and points it
at its successor. The card's printed role comes from the volunteer's current building-
head or zone-lead posts and names the place ("5栋楼栋长", "3区片区负责人"): a card shown at
the door of another building says whose building its holder heads.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from redband_desktop.db.models import (
    Building,
    Card,
    District,
    MarketZone,
    PlaceHead,
    Site,
    Volunteer,
)
from redband_desktop.domain.cards import CardStatus, parse_card_no
from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.errors import NotFoundError
from redband_desktop.services.cards.types import CardFilter, CardRow, CardSelection
from redband_desktop.services.shared.search import contains, search_text

ROLE_BUILDING_HEAD = "楼栋长"
ROLE_ZONE_LEAD = "片区负责人"
ROLE_DEFAULT = "治安志愿者"
ROLE_MAX = 40  # the register's column (cards.role)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def next_seq(s: Session, year: int) -> int:
    """The next running number of card numbers issued in `year`."""
    last = s.scalar(select(func.max(Card.card_no)).where(Card.card_no.like(f"{year:04d}-%")))
    return parse_card_no(last)[1] + 1 if last else 1


def role_of(s: Session, volunteer_id: int) -> str:
    return roles_of(s, [volunteer_id]).get(volunteer_id, ROLE_DEFAULT)


def roles_of(s: Session, volunteer_ids: list[int]) -> dict[int, str]:
    """Printed roles of the volunteers holding a post (the others get ROLE_DEFAULT), in
    two queries whatever the number of volunteers."""
    buildings: dict[int, list[str]] = {}
    zones: dict[int, list[str]] = {}
    current = (PlaceHead.volunteer_id.in_(volunteer_ids), PlaceHead.end_date.is_(None))
    for vid, label in s.execute(select(PlaceHead.volunteer_id, Building.label)
                                .join(Building, PlaceHead.building_id == Building.id)
                                .where(*current).order_by(Building.id)):
        buildings.setdefault(vid, []).append(label)
    for vid, name in s.execute(select(PlaceHead.volunteer_id, MarketZone.name)
                               .join(MarketZone, PlaceHead.zone_id == MarketZone.id)
                               .where(*current).order_by(MarketZone.id)):
        zones.setdefault(vid, []).append(name)
    return {vid: post_title(buildings.get(vid, []), zones.get(vid, [])) for vid in {*buildings, *zones}}


def post_title(buildings: list[str], zones: list[str]) -> str:
    """"5栋楼栋长", "5栋、6栋楼栋长", "3区片区负责人", or both joined; when that would not fit
    the register's 40 characters, the first place and "等"."""
    full = "、".join(part for part in (_places(buildings, ROLE_BUILDING_HEAD, "栋"),
                                      _places(zones, ROLE_ZONE_LEAD, "区")) if part)
    if len(full) <= ROLE_MAX:
        return full
    first, title = (buildings[0], ROLE_BUILDING_HEAD) if buildings else (zones[0], ROLE_ZONE_LEAD)
    short = f"{_place(first, '栋' if buildings else '区')}等{title}"
    return short if len(short) <= ROLE_MAX else title


def _places(labels: list[str], title: str, unit: str) -> str:
    if not labels:
        return ""
    names = "、".join(_place(label, unit) for label in labels)
    if title == ROLE_ZONE_LEAD and all(label.endswith("片区") for label in labels):
        return f"{names}负责人"  # "东片区负责人", never "东片区片区负责人"
    return names + title


def _place(label: str, unit: str) -> str:
    """A bare number is given its unit ("5" → "5栋"); a label with one is kept."""
    label = label.strip()
    return f"{label}{unit}" if label.isdigit() else label


def valid_cards_of(s: Session, volunteer_ids: list[int]) -> dict[int, list[Card]]:
    """Each volunteer's cards in status "valid", oldest first: the last is the current
    one (it may have run out). Volunteers without one are left out."""
    cards: dict[int, list[Card]] = {}
    q = select(Card).where(Card.volunteer_id.in_(volunteer_ids), Card.status == CardStatus.VALID.value)
    for card in s.scalars(q.order_by(Card.id)):
        cards.setdefault(card.volunteer_id, []).append(card)
    return cards


def valid_cards(s: Session, volunteer_id: int, exclude_id: int | None = None) -> list[Card]:
    q = select(Card).where(Card.volunteer_id == volunteer_id, Card.status == CardStatus.VALID.value)
    if exclude_id is not None:
        q = q.where(Card.id != exclude_id)
    return list(s.scalars(q))


def card_by_no(s: Session, number: str) -> Card:
    card = s.scalar(select(Card).where(Card.card_no == number.strip()))
    if card is None:
        raise NotFoundError("card_not_found", card_no=number)
    return card


# -- register rows ----------------------------------------------------------------
def _row_query():  # noqa: ANN202 - SQL statement
    successor = aliased(Card)
    return (
        select(Card, Volunteer.name, District.name, Site.name, successor.card_no)
        .join(Volunteer, Card.volunteer_id == Volunteer.id)
        .join(Site, Volunteer.site_id == Site.id)
        .join(District, Site.district_id == District.id)
        .outerjoin(successor, Card.replaced_by_id == successor.id)
    )


def _to_row(r, today: date) -> CardRow:  # noqa: ANN001 - result row
    c = r[0]
    return CardRow(
        id=c.id, card_no=c.card_no, volunteer_id=c.volunteer_id, name=r[1], district=r[2], site=r[3],
        role=c.role, issued_on=c.issued_on, valid_until=c.valid_until, status=CardStatus(c.status),
        expired=c.valid_until < today, changed_on=c.changed_on, reason=c.reason, replaced_by=r[4] or "",
        printed_count=c.printed_count,
    )


def register_rows(s: Session, f: CardFilter, today: date, limit: int = 5000) -> list[CardRow]:
    q = _row_query()
    if text := search_text(f.text):
        q = q.where(or_(contains(Card.card_no, text), contains(Volunteer.name, text)))
    if f.district_id is not None:
        q = q.where(Site.district_id == f.district_id)
    if f.site_id is not None:
        q = q.where(Volunteer.site_id == f.site_id)
    if f.volunteer_id is not None:
        q = q.where(Card.volunteer_id == f.volunteer_id)
    if f.status == "expiring":
        q = q.where(*_expiring(today, f.expiring_days))
    elif f.status == "expired":
        q = q.where(Card.status == CardStatus.VALID.value, Card.valid_until < today)
    elif f.status == CardStatus.VALID.value:
        q = q.where(Card.status == CardStatus.VALID.value, Card.valid_until >= today)
    elif f.status:
        q = q.where(Card.status == f.status)
    q = q.order_by(Card.card_no.desc()).limit(limit)
    return [_to_row(r, today) for r in s.execute(q)]


def rows_by_no(s: Session, numbers: list[str], today: date) -> list[CardRow]:
    return [_to_row(r, today) for r in s.execute(_row_query().where(Card.card_no.in_(numbers)))]


def _expiring(today: date, days: int) -> tuple:
    """An active volunteer's valid card running out within `days` from today."""
    return (Card.status == CardStatus.VALID.value, Card.valid_until >= today,
            Card.valid_until <= today + timedelta(days=days), Volunteer.status == VolunteerStatus.ACTIVE.value)


def expiring(s: Session, today: date, days: int) -> list[CardRow]:
    q = _row_query().where(*_expiring(today, days)).order_by(Card.valid_until)
    return [_to_row(r, today) for r in s.execute(q)]


def lacks_valid_card(today: date):  # noqa: ANN201 - SQL condition
    """The volunteer has no card that is valid today (one rule for warnings and batches)."""
    return ~select(Card.id).where(
        Card.volunteer_id == Volunteer.id, Card.status == CardStatus.VALID.value, Card.valid_until >= today
    ).exists()


def selected_volunteers(s: Session, sel: CardSelection, today: date) -> list[int]:
    """Active volunteers of a batch, in print order (district, site, name)."""
    return list(s.scalars(_selection(sel, today)))


def count_selected(s: Session, sel: CardSelection, today: date) -> int:
    return s.scalar(select(func.count()).select_from(_selection(sel, today).order_by(None).subquery()))


def _selection(sel: CardSelection, today: date):  # noqa: ANN202 - SQL statement
    q = (
        select(Volunteer.id).join(Site, Volunteer.site_id == Site.id)
        .join(District, Site.district_id == District.id)
        .where(Volunteer.status == VolunteerStatus.ACTIVE.value)
        .order_by(District.sort_order, Site.name, Volunteer.name_pinyin, Volunteer.id)
    )
    if sel.kind == "ids":
        q = q.where(Volunteer.id.in_(sel.ids))
    elif sel.kind == "district":
        q = q.where(Site.district_id == sel.district_id)
    elif sel.kind == "site":
        q = q.where(Volunteer.site_id == sel.site_id)
    elif sel.kind == "without_card":
        q = q.where(lacks_valid_card(today))
    elif sel.kind == "expiring":
        soon = select(Card.volunteer_id).where(and_(
            Card.status == CardStatus.VALID.value, Card.valid_until <= today + timedelta(days=sel.days)))
        q = q.where(Volunteer.id.in_(soon))
    return q
