"""The grouped queries behind the statistics: incidents of a period counted by category,
subtype, district and site in the database (never row by row in Python), the sites and
districts they are laid against, incidents per month, and what the volunteers did.

Periods are by local date of occurrence (`occurred_on`), both ends included: an incident
at 00:00 belongs to the day that starts then, so one on a boundary is counted once.
`district` limits everything to one district (an officer's scope); None is the station.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import ColumnElement, Select, distinct, exists, func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import District, Site
from redband_desktop.db.models.clues import Clue
from redband_desktop.db.models.incidents import Incident, IncidentVolunteer, occurred_on
from redband_desktop.db.models.mediation import MediationCase, MediationSession
from redband_desktop.domain.periods import Period


@dataclass(frozen=True)
class Cell:
    """Incidents of one category, subtype, district and site in a period."""

    category: str
    subcategory: str
    district_id: int
    site_id: int | None
    count: int
    loss: Decimal


@dataclass(frozen=True)
class SiteInfo:
    id: int
    name: str
    kind: str
    district_id: int
    district: str


def bounds(period: Period) -> tuple[datetime, datetime]:
    """[first moment, first moment after) of the period."""
    return datetime.combine(period.start, time.min), datetime.combine(period.end + timedelta(days=1), time.min)


def in_period(expr: ColumnElement, period: Period) -> ColumnElement:
    start, after = bounds(period)
    return (expr >= start) & (expr < after)


def _scoped(q: Select, column: ColumnElement, district: int | None) -> Select:
    return q if district is None else q.where(column == district)


def cells(s: Session, period: Period, district: int | None) -> list[Cell]:
    q = (select(Incident.category, Incident.subcategory, Incident.district_id, Incident.site_id,
                func.count(), func.sum(Incident.loss_yuan))
         .where(in_period(occurred_on(), period))
         .group_by(Incident.category, Incident.subcategory, Incident.district_id, Incident.site_id))
    return [Cell(c, sub or "", d, site, n, Decimal(loss or 0))
            for c, sub, d, site, n, loss in s.execute(_scoped(q, Incident.district_id, district))]


def districts(s: Session, district: int | None) -> list[tuple[int, str]]:
    q = select(District.id, District.name).order_by(District.sort_order, District.id)
    return [tuple(r) for r in s.execute(_scoped(q, District.id, district))]


def sites(s: Session, district: int | None) -> list[SiteInfo]:
    q = (select(Site.id, Site.name, Site.kind, Site.district_id, District.name)
         .join(District, District.id == Site.district_id)
         .order_by(District.sort_order, District.id, Site.kind, Site.name))
    return [SiteInfo(*r) for r in s.execute(_scoped(q, Site.district_id, district))]


def _month(s: Session) -> ColumnElement:
    if s.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m", occurred_on())
    return func.to_char(occurred_on(), "YYYY-MM")


def monthly(s: Session, period: Period, district: int | None) -> dict[tuple[str, str], int]:
    """(YYYY-MM, category) -> incidents, over `period`."""
    month = _month(s)
    q = (select(month, Incident.category, func.count()).where(in_period(occurred_on(), period))
         .group_by(month, Incident.category))
    return {(m, c): n for m, c, n in s.execute(_scoped(q, Incident.district_id, district))}


def volunteer_roles(s: Session, period: Period, district: int | None) -> dict[str, int]:
    """Role -> incidents of the period a volunteer took that role in."""
    q = (select(IncidentVolunteer.role, func.count(distinct(IncidentVolunteer.incident_id)))
         .join(Incident, Incident.id == IncidentVolunteer.incident_id)
         .where(in_period(occurred_on(), period)).group_by(IncidentVolunteer.role))
    return dict(s.execute(_scoped(q, Incident.district_id, district)).all())


def clue_counts(s: Session, period: Period, district: int | None) -> tuple[int, int]:
    """(clue reports in the period, how many of them led to an incident)."""
    q = select(func.count(), func.count(Clue.incident_id)).where(in_period(Clue.reported_at, period))
    total, linked = s.execute(_scoped(q, Clue.district_id, district)).one()
    return total, linked


def mediation_counts(s: Session, period: Period, district: int | None) -> tuple[int, int, Decimal, int]:
    """Cases registered in the period with a volunteer among the mediators: (cases, of
    them settled by agreement, the money those agreements cover, kept from turning criminal)."""
    with_volunteer = exists().where(MediationSession.case_id == MediationCase.id, MediationSession.mediator_ids != "")
    agreed = MediationCase.outcome_kind.in_(("written", "oral"))
    q = (select(func.count(), func.count().filter(agreed),
                func.sum(MediationCase.amount_yuan).filter(agreed),
                func.count().filter(MediationCase.prevented_criminal.is_(True)))
         .where(MediationCase.registered_on >= period.start, MediationCase.registered_on <= period.end,
                with_volunteer))
    cases, agreements, amount, prevented = s.execute(_scoped(q, MediationCase.district_id, district)).one()
    return cases, agreements, Decimal(amount or 0), prevented


def site_ids_with(cells_: Sequence[Cell], categories: frozenset[str]) -> set[int]:
    return {c.site_id for c in cells_ if c.site_id is not None and c.category in categories and c.count}
