"""Searching the clue reports: one filter shared by the list, its totals and the export.
Pages are taken by id (the matching ids in the chosen order first, then the rows of one
page), as the incident register does."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import District, Incident, Site, Volunteer
from redband_desktop.db.models.clues import Clue, ClueAttachment
from redband_desktop.domain.clues import (
    STATUS_RANK,
    URGENCY_RANK,
    ClueClosing,
    ClueStatus,
    ClueType,
    ClueUrgency,
)
from redband_desktop.services.clues.types import AWAITING_FEEDBACK, ClueFilter, ClueRow, ClueSummary
from redband_desktop.services.shared.search import contains, search_text

# sort key -> the column it orders by (the page's header clicks name these keys)
SORTS = {
    "reported_at": Clue.reported_at,
    "number": Clue.number,
    "clue_type": Clue.clue_type,
    "urgency": case(URGENCY_RANK, value=Clue.urgency, else_=99),
    "status": case(STATUS_RANK, value=Clue.status, else_=99),
    "district": District.sort_order,
    "site": func.coalesce(Site.name, ""),
    "reporter": Volunteer.name_pinyin,
}
NEEDS_JOIN = {"district", "site", "reporter"}


def filtered(q: Select, f: ClueFilter) -> Select:
    if text := search_text(f.text):
        reporters = select(Volunteer.id).where(contains(Volunteer.name, text)
                                               | contains(Volunteer.name_initials, text.lower())
                                               | contains(Volunteer.name_pinyin, text.lower()))
        q = q.where(contains(Clue.number, text) | contains(Clue.content, text) | contains(Clue.location, text)
                    | contains(Clue.transferred_to, text) | Clue.reporter_id.in_(reporters))
    if f.date_from:
        q = q.where(Clue.reported_at >= datetime.combine(f.date_from, datetime.min.time()))
    if f.date_to:
        q = q.where(Clue.reported_at <= datetime.combine(f.date_to, datetime.max.time()))
    if f.led_to_incident:
        q = q.where(Clue.incident_id.is_not(None))
    if f.status == AWAITING_FEEDBACK:
        q = q.where(awaiting_feedback())
    for value, column in ((f.clue_type, Clue.clue_type), (f.status if f.status != AWAITING_FEEDBACK else "", Clue.status),
                          (f.urgency, Clue.urgency),
                          (f.district_id, Clue.district_id), (f.site_id, Clue.site_id)):
        if value:
            q = q.where(column == value)
    return q


def awaiting_feedback():  # noqa: ANN201 - SQL condition
    """Transferred or closed, the feedback to the reporter not yet written."""
    return Clue.status.in_((ClueStatus.TRANSFERRED, ClueStatus.CLOSED)) & (Clue.feedback == "")


def summary(s: Session, f: ClueFilter) -> ClueSummary:
    awaiting = case((awaiting_feedback(), 1),
                    else_=0)
    led = case((Clue.closing == ClueClosing.LED_TO_INCIDENT, 1), else_=0)
    q = filtered(select(Clue.clue_type, Clue.status, Clue.urgency, func.count(), func.sum(led), func.sum(awaiting)), f)
    by_type = {t.value: 0 for t in ClueType}
    by_status = {t.value: 0 for t in ClueStatus}
    by_urgency = {t.value: 0 for t in ClueUrgency}
    led_total = awaiting_total = 0
    for clue_type, status, urgency, n, n_led, n_awaiting in s.execute(
            q.group_by(Clue.clue_type, Clue.status, Clue.urgency)):
        by_type[clue_type] = by_type.get(clue_type, 0) + n
        by_status[status] = by_status.get(status, 0) + n
        by_urgency[urgency] = by_urgency.get(urgency, 0) + n
        led_total += n_led or 0
        awaiting_total += n_awaiting or 0
    return ClueSummary(sum(by_status.values()), by_status, by_type, by_urgency, led_total, awaiting_total)


def matching_ids(s: Session, f: ClueFilter) -> list[int]:
    """Every matching id in the filter's order (newest reported first by default)."""
    key = f.sort if f.sort in SORTS else "reported_at"
    q = select(Clue.id)
    if key in NEEDS_JOIN:
        q = (q.join(District, Clue.district_id == District.id).outerjoin(Site, Clue.site_id == Site.id)
             .join(Volunteer, Clue.reporter_id == Volunteer.id))
    column = SORTS[key]
    tie = Clue.id.desc() if f.descending else Clue.id
    q = filtered(q, f).order_by(column.desc() if f.descending else column, tie)
    return list(s.scalars(q))


def rows_by_id(s: Session, ids: list[int]) -> list[ClueRow]:
    found: dict[int, ClueRow] = {}
    for start in range(0, len(ids), 500):
        found.update((r.id, r) for r in _rows(s, Clue.id.in_(ids[start:start + 500])))
    return [found[i] for i in ids if i in found]


def rows_of_volunteer(s: Session, volunteer_id: int) -> list[ClueRow]:
    rows = _rows(s, Clue.reporter_id == volunteer_id)
    return sorted(rows, key=lambda r: (r.reported_at, r.id), reverse=True)


def _rows(s: Session, condition) -> list[ClueRow]:  # noqa: ANN001 - SQL expression
    photos = (select(func.count()).where(ClueAttachment.clue_id == Clue.id)
              .correlate(Clue).scalar_subquery())
    q = (select(Clue, District.name, func.coalesce(Site.name, ""), Volunteer.name,
                func.coalesce(Incident.number, ""), photos)
         .join(District, Clue.district_id == District.id)
         .outerjoin(Site, Clue.site_id == Site.id)
         .join(Volunteer, Clue.reporter_id == Volunteer.id)
         .outerjoin(Incident, Clue.incident_id == Incident.id)
         .where(condition))
    return [_row(*r) for r in s.execute(q)]


def _row(c: Clue, district: str, site: str, reporter: str, incident: str, photos: int) -> ClueRow:
    return ClueRow(c.id, c.number, c.reported_at, c.clue_type, c.urgency, c.status, c.closing, c.district_id,
                   district, site, c.location, c.reporter_id, reporter, c.content, photos, incident, bool(c.feedback),
                   c.version)


def figures(s: Session) -> dict:
    """`stats --json` → "clues": totals by type, status, urgency and year, and outcomes."""
    year = (func.strftime("%Y", Clue.reported_at) if s.bind.dialect.name == "sqlite"
            else func.extract("year", Clue.reported_at))
    by_year: dict[str, int] = {}
    for y, n in s.execute(select(year, func.count()).group_by(year)):
        by_year[str(int(y))] = n
    totals = summary(s, ClueFilter())
    closings = dict(s.execute(select(Clue.closing, func.count()).where(Clue.closing != "").group_by(Clue.closing)).all())
    return {"total": totals.total, "by_type": totals.by_type, "by_status": totals.by_status,
            "by_urgency": totals.by_urgency, "by_closing": {c.value: closings.get(c.value, 0) for c in ClueClosing},
            "awaiting_feedback": totals.awaiting_feedback, "by_year": dict(sorted(by_year.items()))}
