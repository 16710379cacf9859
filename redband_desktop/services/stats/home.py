"""Today's work at a glance (工作台): the counts the home page shows, each the size of a list
a user can open — active volunteers and who joined or left this month, building and zone
coverage, open incidents, clues waiting to be verified or for feedback, mediation cases
overdue or due soon and follow-up visits due, cards running out within 30 days and heads
without a valid card. Grouped counts in one read transaction, limited to `district`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Select, exists, func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import (
    Card,
    Clue,
    Incident,
    MediationCase,
    MediationFollowUp,
    Site,
    Volunteer,
)
from redband_desktop.domain.clues import ClueStatus
from redband_desktop.domain.coverage import GapReason
from redband_desktop.domain.mediation import (
    DUE_SOON_DAYS,
    FOLLOW_UP_AFTER_DAYS,
    OPEN_STATUSES,
    CaseStatus,
)
from redband_desktop.services.coverage.service import station_report
from redband_desktop.services.shared.coverage import card_check

EXPIRING_DAYS = 30


@dataclass(frozen=True)
class HomeFigures:
    today: date
    scope: str  # the district the figures are limited to ("" = the station)
    active: int
    joined_this_month: int
    left_this_month: int
    buildings_percent: float | None
    zones_percent: float | None
    open_incidents: int
    clues_to_verify: int
    clues_awaiting_feedback: int
    cases_overdue: int
    cases_due_soon: int
    follow_ups_due: int
    cards_expiring: int
    heads_without_card: int
    district_id: int | None = None  # the scope's id, for the lists the figures open


def _scoped(q: Select, column: ColumnElement, district: int | None) -> Select:
    return q if district is None else q.where(column == district)


def _count(s: Session, q: Select, column: ColumnElement, district: int | None) -> int:
    return s.scalar(_scoped(q, column, district)) or 0


def home_figures(s: Session, today: date, district: int | None, scope: str) -> HomeFigures:
    month = today.replace(day=1)
    people = select(func.count()).select_from(Volunteer).join(Site, Site.id == Volunteer.site_id)
    report = station_report(s, card_check(s, today))
    line = next((d for d in report.districts if d.id == district), report.station) if district else report.station
    gaps = sum(1 for g in report.gaps if g.reason is GapReason.CARD_EXPIRED
               and (district is None or g.place.district_id == district))
    cases = select(func.count()).select_from(MediationCase)
    open_case = MediationCase.status.in_([c.value for c in OPEN_STATUSES])
    visited = exists().where(MediationFollowUp.case_id == MediationCase.id)
    clues = select(func.count()).select_from(Clue)
    return HomeFigures(
        today=today, scope=scope,
        active=_count(s, people.where(Volunteer.status == "active"), Site.district_id, district),
        joined_this_month=_count(s, people.where(Volunteer.joined_on >= month), Site.district_id, district),
        left_this_month=_count(s, people.where(Volunteer.status == "left", Volunteer.status_since >= month),
                               Site.district_id, district),
        buildings_percent=_percent(line.buildings_covered, line.buildings_total),
        zones_percent=_percent(line.zones_covered, line.zones_total),
        open_incidents=_count(s, select(func.count()).select_from(Incident).where(Incident.status == "open"),
                              Incident.district_id, district),
        clues_to_verify=_count(s, clues.where(Clue.status == ClueStatus.RECEIVED), Clue.district_id, district),
        clues_awaiting_feedback=_count(s, clues.where(Clue.status.in_((ClueStatus.TRANSFERRED, ClueStatus.CLOSED)),
                                                      Clue.feedback == ""), Clue.district_id, district),
        cases_overdue=_count(s, cases.where(open_case, MediationCase.deadline < today), MediationCase.district_id,
                             district),
        cases_due_soon=_count(s, cases.where(open_case, MediationCase.deadline >= today,
                                             MediationCase.deadline <= today + timedelta(days=DUE_SOON_DAYS)),
                              MediationCase.district_id, district),
        follow_ups_due=_count(s, cases.where(MediationCase.status.in_((CaseStatus.AGREED, CaseStatus.PERFORMING)),
                                             MediationCase.outcome_on <= today - timedelta(days=FOLLOW_UP_AFTER_DAYS),
                                             ~visited), MediationCase.district_id, district),
        cards_expiring=_count(s, select(func.count()).select_from(Card)
                              .join(Volunteer, Volunteer.id == Card.volunteer_id).join(Site, Site.id == Volunteer.site_id)
                              .where(Card.status == "valid", Card.valid_until >= today,
                                     Card.valid_until <= today + timedelta(days=EXPIRING_DAYS),
                                     Volunteer.status == "active"), Site.district_id, district),
        heads_without_card=gaps, district_id=district,
    )


def _percent(covered: int, total: int) -> float | None:
    return round(100.0 * covered / total, 1) if total else None
