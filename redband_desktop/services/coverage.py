"""Coverage of buildings and market zones by active heads and leads (定点见红).

Loads the facts in a few queries and hands them to the pure rules in
`domain.coverage`; a head whose ID card has lapsed (expired, revoked, lost) leaves a gap.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.engine import Database
from redband_desktop.db.models import Building, District, MarketZone, PlaceHead, Site, Volunteer
from redband_desktop.db.models.cards import Card
from redband_desktop.domain.access import Action
from redband_desktop.domain.coverage import (
    CardCheck,
    CoverageReport,
    PlaceFacts,
    PlaceKind,
    coverage,
)
from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.services.access import AccessControl


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


def station_report(session: Session, card_valid: CardCheck | None = None) -> CoverageReport:
    districts = session.execute(select(District.id, District.name).order_by(District.sort_order, District.id)).all()
    sites = session.execute(
        select(Site.id, Site.name, District.name)
        .join(District, District.id == Site.district_id)
        .where(Site.kind != "organization")  # organizations have no buildings or zones
        .order_by(District.sort_order, District.id, Site.name)
    ).all()
    return coverage(load_facts(session), card_valid, [tuple(d) for d in districts], [tuple(s) for s in sites])


def stats_figures(report: CoverageReport) -> dict[str, Any]:
    """The "coverage" key of `redband stats --json`."""
    s = report.station
    return {
        "buildings": {"total": s.buildings_total, "covered": s.buildings_covered},
        "zones": {"total": s.zones_total, "covered": s.zones_covered},
        "by_district": {
            d.name: {
                "buildings_total": d.buildings_total, "buildings_covered": d.buildings_covered,
                "zones_total": d.zones_total, "zones_covered": d.zones_covered,
                "percent": d.percent,
            }
            for d in report.districts
        },
    }


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


class CoverageService:
    def __init__(self, db: Database, access: AccessControl, today: Callable[[], date] = date.today) -> None:
        self._db = db
        self._access = access
        self._today = today

    def report(self) -> CoverageReport:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return station_report(s, card_check(s, self._today()))

    def figures(self) -> dict[str, Any]:
        """Coverage figures for statistics (`redband stats`)."""
        self._access.require(Action.STATS)
        with self._db.read() as s:
            return stats_figures(station_report(s, card_check(s, self._today())))
