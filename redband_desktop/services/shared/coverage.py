"""The facts coverage is judged on (定点见红): every building and market zone with its current
head, and whether a head's card still counts. Shared by the sites pages (a place's own
coverage) and the coverage view; the rules themselves are pure, in `domain.coverage`."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Building, District, MarketZone, PlaceHead, Site, Volunteer
from redband_desktop.db.models.cards import Card
from redband_desktop.domain.coverage import CardCheck, PlaceFacts, PlaceKind
from redband_desktop.domain.enums import VolunteerStatus


def current_heads(session: Session) -> dict[tuple[PlaceKind, int], tuple[int, str, str]]:
    """{(kind, place id): (volunteer id, name, status)} for every open assignment."""
    q = (
        select(PlaceHead.building_id, PlaceHead.zone_id, Volunteer.id, Volunteer.name, Volunteer.status)
        .join(Volunteer, Volunteer.id == PlaceHead.volunteer_id)
        .where(PlaceHead.end_date.is_(None))
    )
    out = {}
    for building_id, zone_id, vid, name, status in session.execute(q):
        key = (PlaceKind.BUILDING, building_id) if building_id else (PlaceKind.ZONE, zone_id)
        out[key] = (vid, name, status)
    return out


def load_facts(session: Session, site_id: int | None = None) -> list[PlaceFacts]:
    """Every building and zone (of one site, or all) with its current head."""
    heads = current_heads(session)
    facts = []
    for kind, model, label in (
        (PlaceKind.BUILDING, Building, Building.label),
        (PlaceKind.ZONE, MarketZone, MarketZone.name),
    ):
        q = (
            select(model.id, label, Site.id, Site.name, District.id, District.name)
            .join(Site, Site.id == model.site_id)
            .join(District, District.id == Site.district_id)
            .order_by(District.sort_order, District.id, Site.name, model.id)
        )
        if site_id is not None:
            q = q.where(Site.id == site_id)
        for pid, plabel, sid, sname, did, dname in session.execute(q):
            head = heads.get((kind, pid))
            facts.append(PlaceFacts(
                kind, pid, plabel, sid, sname, did, dname,
                head[0] if head else None, head[1] if head else "",
                VolunteerStatus(head[2]) if head else None,
            ))
    return facts


def card_check(session: Session, today: date) -> CardCheck:
    """Whether a head's card still counts: a head whose latest card has expired or was
    revoked or lost leaves a gap; a head with no card yet does not (the cards page lists
    the active volunteers who still need one)."""
    latest: dict[int, tuple[str, date]] = {}
    for vid, status, valid_until in session.execute(
        select(Card.volunteer_id, Card.status, Card.valid_until).order_by(Card.id)
    ):
        latest[vid] = (status, valid_until)
    lapsed = {vid for vid, (status, until) in latest.items() if status != "valid" or until < today}
    return lambda volunteer_id: volunteer_id not in lapsed
