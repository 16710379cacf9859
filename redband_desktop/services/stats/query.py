"""The grouped queries behind the statistics: incidents of a period counted by category,
subtype, district and site in the database (never row by row in Python), the sites and
districts they are laid against, incidents per month, and what the volunteers did.

Periods are by local date of occurrence (`occurred_on`), both ends included: an incident
at 00:00 belongs to the day that starts then, so one on a boundary is counted once.
`district` limits everything to one district (an officer's scope); None is the station.
Whole months of a period are read from `incident_months` (counts per month of occurrence,
kept by database triggers), the days at its ends from the incidents by the covering index
on the date of occurrence: a year to date reads a few thousand rows, not every incident.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import ColumnElement, Float, Select, case, distinct, exists, func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import District, Site
from redband_desktop.db.models.activities import Activity, ActivityParticipant
from redband_desktop.db.models.clues import Clue
from redband_desktop.db.models.incidents import (
    Incident,
    IncidentMonth,
    IncidentVolunteer,
    occurred_on,
)
from redband_desktop.db.models.mediation import MediationCase, MediationSession
from redband_desktop.domain.activities import ActivityType
from redband_desktop.domain.incidents import CONTACT_TYPE
from redband_desktop.domain.periods import Period


@dataclass(frozen=True, slots=True)
class Cell:
    """Incidents of one category, district and site in a period, contact-type (接触性:
    `domain.incidents.CONTACT_TYPE`) or not."""

    category: str
    contact: bool
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


def split_months(period: Period) -> tuple[list[str], list[Period]]:
    """The whole months inside `period` (YYYY-MM) and the days left at its ends."""
    first = period.start if period.start.day == 1 else _month_after(period.start)
    end_next = period.end + timedelta(days=1)
    last = period.end if end_next.day == 1 else period.end.replace(day=1) - timedelta(days=1)
    if first > last:
        return [], [period]
    months, day = [], first
    while day <= last:
        months.append(f"{day:%Y-%m}")
        day = _month_after(day)
    ends = [Period(period.start, first - timedelta(days=1))] if period.start < first else []
    if last < period.end:
        ends.append(Period(last + timedelta(days=1), period.end))
    return months, ends


def _month_after(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


Ends = dict[Period, list[Cell]]


def cells(s: Session, period: Period, district: int | None, ends: Ends | None = None) -> list[Cell]:
    """Whole months from the per-month table (kept by triggers), the days at the ends
    from the incidents themselves; the cells of each end are also put into `ends` (the
    monthly chart reuses them instead of reading those days again)."""
    months, parts = split_months(period)
    out = _month_cells(s, months, district) if months else []
    for part in parts:
        found = _day_cells(s, part, district)
        if ends is not None:
            ends[part] = found
        out += found
    return out


def _contact(category: ColumnElement, subcategory: ColumnElement) -> ColumnElement:
    """1 for a contact-type incident (the category and subtype pairs of CONTACT_TYPE), else 0."""
    return case(*[((category == c.value) & subcategory.in_(sorted(subs)), 1) for c, subs in CONTACT_TYPE.items()],
                else_=0)


def _cells_of(rows: Sequence) -> list[Cell]:  # noqa: ANN001 - result rows
    """Rows of (category, contact, district, site, count, loss). The losses are summed as
    money (Decimal, two places) whether the database gives a float (SQLite) or a decimal."""
    zero = Decimal(0)
    return [Cell(c, bool(k), d, site or None, int(n),
                 zero if not loss else loss if isinstance(loss, Decimal) else Decimal(f"{loss:.2f}"))
            for c, k, d, site, n, loss in rows if n]


def _month_cells(s: Session, months: list[str], district: int | None) -> list[Cell]:
    m = IncidentMonth
    contact = _contact(m.category, m.subcategory).label("contact")
    q = (select(m.category, contact, m.district_id, m.site_id, func.sum(m.incidents),
                func.sum(m.loss, type_=Float))
         .where(m.month >= months[0], m.month <= months[-1])
         .group_by(m.category, contact, m.district_id, m.site_id))
    return _cells_of(s.execute(_scoped(q, m.district_id, district)).all())


def _day_cells(s: Session, period: Period, district: int | None) -> list[Cell]:
    contact = _contact(Incident.category, Incident.subcategory).label("contact")
    q = (select(Incident.category, contact, Incident.district_id, Incident.site_id,
                func.count(), func.sum(Incident.loss_yuan, type_=Float))
         .where(in_period(occurred_on(), period))
         .group_by(Incident.category, contact, Incident.district_id, Incident.site_id))
    return _cells_of(s.execute(_scoped(q, Incident.district_id, district)).all())


def districts(s: Session, district: int | None) -> list[tuple[int, str]]:
    q = select(District.id, District.name).order_by(District.sort_order, District.id)
    return [tuple(r) for r in s.execute(_scoped(q, District.id, district))]


def sites(s: Session, district: int | None) -> list[SiteInfo]:
    q = (select(Site.id, Site.name, Site.kind, Site.district_id, District.name)
         .join(District, District.id == Site.district_id)
         .order_by(District.sort_order, District.id, Site.kind, Site.name))
    return [SiteInfo(*r) for r in s.execute(_scoped(q, Site.district_id, district))]


def monthly(s: Session, period: Period, district: int | None, categories: Sequence[str], known: Ends | None = None
            ) -> dict[tuple[str, str], int]:
    """(YYYY-MM, category) -> incidents of `categories`, over `period`. Days at its ends
    that `known` holds the cells of (from `cells`) are not read again."""
    known = known or {}
    months, ends = split_months(period)
    out: dict[tuple[str, str], int] = {}
    if months:
        m = IncidentMonth
        q = (select(m.month, m.category, func.sum(m.incidents))
             .where(m.month >= months[0], m.month <= months[-1]).group_by(m.month, m.category))
        out = {(month, c): int(n) for month, c, n in s.execute(_scoped(q, m.district_id, district))
               if c in categories}
    for part in ends:  # within one month
        if part in known:
            counted: list = [(c.category, c.count) for c in known[part]]
        else:
            # no category in the WHERE: SQLite would then pick the category index over the date's
            q = (select(Incident.category, func.count()).where(in_period(occurred_on(), part))
                 .group_by(Incident.category))
            counted = s.execute(_scoped(q, Incident.district_id, district)).all()
        for c, n in counted:
            if c not in categories:
                continue
            key = (f"{part.start:%Y-%m}", c)
            out[key] = out.get(key, 0) + n
    return out


def volunteer_roles(s: Session, period: Period, district: int | None) -> dict[str, int]:
    """Role -> incidents of the period a volunteer took that role in. Read from the
    volunteers' part (a few rows per incident they took part in), each incident looked up
    by its key — not from every incident of the period."""
    of_period = _scoped(select(Incident.id).where(Incident.id == IncidentVolunteer.incident_id,
                                                  in_period(occurred_on(), period)), Incident.district_id, district)
    q = (select(IncidentVolunteer.role, func.count(distinct(IncidentVolunteer.incident_id)))
         .where(of_period.exists()).group_by(IncidentVolunteer.role))
    return dict(s.execute(q).all())


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


def activity_figures(s: Session, period: Period, district: int | None) -> dict:
    """Activities held in the period (by their day): how many of each type, the volunteers
    who took part (different people and participations), their hours, and the audience
    and leaflets of outreach (反诈宣传, 三查三告知一宣传)."""
    by_type = {t.value: 0 for t in ActivityType}
    q = (select(Activity.activity_type, func.count(), func.coalesce(func.sum(Activity.audience), 0),
                func.coalesce(func.sum(Activity.leaflets), 0))
         .where(Activity.day >= period.start, Activity.day <= period.end).group_by(Activity.activity_type))
    audience = leaflets = 0
    for kind, n, heard, handed in s.execute(_scoped(q, Activity.district_id, district)):
        by_type[kind] = by_type.get(kind, 0) + n
        audience, leaflets = audience + int(heard), leaflets + int(handed)
    p = (select(func.count(distinct(ActivityParticipant.volunteer_id)), func.count(),
                func.coalesce(func.sum(ActivityParticipant.minutes), 0))
         .join(Activity, Activity.id == ActivityParticipant.activity_id)
         .where(Activity.day >= period.start, Activity.day <= period.end))
    people, times, minutes = s.execute(_scoped(p, Activity.district_id, district)).one()
    return {"from": period.start.isoformat(), "to": period.end.isoformat(), "total": sum(by_type.values()),
            "by_type": by_type, "participants": people, "participations": times,
            "hours": round(int(minutes) / 60, 1), "outreach_audience": audience, "leaflets": leaflets}


def outreach_by_month(s: Session, period: Period, district: int | None) -> dict[str, tuple[int, int]]:
    """YYYY-MM -> (anti-fraud outreach sessions, their audience) held in the period, by
    the activity's day. A station holds a few a month, so the rows are summed here."""
    q = (select(Activity.day, Activity.audience)
         .where(Activity.activity_type == ActivityType.ANTI_FRAUD.value,
                Activity.day >= period.start, Activity.day <= period.end))
    out: dict[str, tuple[int, int]] = {}
    for day, audience in s.execute(_scoped(q, Activity.district_id, district)):
        month = str(day)[:7]
        n, heard = out.get(month, (0, 0))
        out[month] = (n + 1, heard + int(audience or 0))
    return out


def site_ids_with(cells_: Sequence[Cell], categories: frozenset[str]) -> set[int]:
    return {c.site_id for c in cells_ if c.site_id is not None and c.category in categories and c.count}
