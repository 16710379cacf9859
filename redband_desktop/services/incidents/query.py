"""Searching the incident register: one filter shared by the list, its totals and the
export. Pages are taken by id (the matching ids first, then the rows of one page), as the
roster does, so the list stays quick whatever the size of the register. For a user who
sees personal data masked (`masked`), confidential callers are not searched at all and a
caller's phone matches only by its shown digits (`shared.masked_search`); lists show no
confidential caller to anyone, so none sorts by one either."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import Select, case, exists, func, or_, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import District, Site
from redband_desktop.db.models.incidents import Incident, IncidentVolunteer, occurred_on
from redband_desktop.domain.incidents import CONTACT_TYPE, IncidentCategory, IncidentStatus
from redband_desktop.domain.phone import mask_phone
from redband_desktop.services.incidents.types import IncidentFilter, IncidentRow, IncidentSummary
from redband_desktop.services.shared.masked_search import PHONE_SHOWN, visible_match
from redband_desktop.services.shared.search import contains, search_text

CONFIDENTIAL = "（保密）"


def filtered(q: Select, f: IncidentFilter, masked: bool = False) -> Select:
    if text := search_text(f.text):
        q = q.where(contains(Incident.number, text) | contains(Incident.summary, text)
                    | contains(Incident.location, text) | _caller_matches(text, masked))
    if f.date_from:
        q = q.where(Incident.received_at >= datetime.combine(f.date_from, datetime.min.time()))
    if f.date_to:
        q = q.where(Incident.received_at <= datetime.combine(f.date_to, datetime.max.time()))
    for value, column in ((f.category, Incident.category), (f.status, Incident.status),
                          (f.channel, Incident.channel), (f.district_id, Incident.district_id),
                          (f.site_id, Incident.site_id)):
        if value:
            q = q.where(column == value)
    if f.categories:
        q = q.where(Incident.category.in_(f.categories))
    if f.occurred_from:
        q = q.where(occurred_on() >= datetime.combine(f.occurred_from, datetime.min.time()))
    if f.occurred_to:
        q = q.where(occurred_on() < datetime.combine(f.occurred_to + timedelta(days=1), datetime.min.time()))
    if f.contact_type:
        q = q.where(or_(*[(Incident.category == c.value) & Incident.subcategory.in_(sorted(subs))
                          for c, subs in CONTACT_TYPE.items()]))
    if f.site_kind == "none":
        q = q.where(Incident.site_id.is_(None))
    elif f.site_kind:
        q = q.where(Incident.site_id.in_(select(Site.id).where(Site.kind == f.site_kind)))
    if f.volunteer_role:
        q = q.where(exists().where(IncidentVolunteer.incident_id == Incident.id,
                                   IncidentVolunteer.role == f.volunteer_role))
    if f.with_volunteers is not None:
        helped = exists().where(IncidentVolunteer.incident_id == Incident.id)
        q = q.where(helped if f.with_volunteers else ~helped)
    return q


def _caller_matches(text: str, masked: bool):  # noqa: ANN202 - SQL expression
    """The caller part of the text search: by name or phone; for `masked` users never a
    confidential caller, and a phone only by its shown digits or typed in full."""
    by_name = contains(Incident.caller_name, text)
    if not masked:
        return by_name | contains(Incident.caller_phone, text)
    matches = by_name | visible_match(Incident.caller_phone, text, PHONE_SHOWN) if text.isdigit() else by_name
    return ~Incident.caller_confidential & matches


def summary(s: Session, f: IncidentFilter, masked: bool = False) -> IncidentSummary:
    q = filtered(select(Incident.category, Incident.status, func.count(), func.sum(Incident.loss_yuan)), f, masked)
    by_category: dict[str, int] = {c.value: 0 for c in IncidentCategory}
    by_status: dict[str, int] = {}
    loss = Decimal(0)
    for category, status, n, lost in s.execute(q.group_by(Incident.category, Incident.status)):
        by_category[category] = by_category.get(category, 0) + n
        by_status[status] = by_status.get(status, 0) + n
        loss += Decimal(lost or 0)
    return IncidentSummary(sum(by_status.values()), by_status.get(IncidentStatus.OPEN, 0),
                           by_status.get(IncidentStatus.CLOSED, 0), loss, by_category)


def _helpers():  # noqa: ANN202 - the number of volunteers linked to each incident
    return (select(func.count()).where(IncidentVolunteer.incident_id == Incident.id)
            .correlate(Incident).scalar_subquery())


# Sort keys of the register's columns; received time (then id) breaks ties.
SORTS = {
    "number": lambda: Incident.number, "received_at": lambda: Incident.received_at,
    "category": lambda: Incident.category, "district": lambda: District.sort_order,
    "site": lambda: func.coalesce(Site.name, ""), "caller": lambda: case((Incident.caller_confidential, ""), else_=Incident.caller_name),
    "status": lambda: Incident.status, "volunteers": _helpers, "location": lambda: Incident.location,
}


def matching_ids(s: Session, f: IncidentFilter, masked: bool = False) -> list[int]:
    """Every matching id in the filter's order (default: newest received first)."""
    q = filtered(select(Incident.id), f, masked)
    if f.sort == "district":
        q = q.join(District, Incident.district_id == District.id)
    elif f.sort == "site":
        q = q.outerjoin(Site, Incident.site_id == Site.id)
    key = SORTS.get(f.sort, SORTS["received_at"])()
    ties = (Incident.received_at.desc(), Incident.id.desc())
    return list(s.scalars(q.order_by(key.desc() if f.descending else key.asc(), *ties)))


def rows_by_id(s: Session, ids: list[int]) -> list[IncidentRow]:
    q = (select(Incident, District.name, func.coalesce(Site.name, ""), _helpers())
         .join(District, Incident.district_id == District.id)
         .outerjoin(Site, Incident.site_id == Site.id)
         .where(Incident.id.in_(ids)))
    found = {i.id: (i, d, site, n) for i, d, site, n in s.execute(q)}
    return [_row(*found[i]) for i in ids if i in found]


def caller_text(i: Incident, masked: bool, hidden: str = CONFIDENTIAL) -> str:
    """The caller as a list or an export shows them; a confidential caller, to `masked`
    users, is `hidden` (the export's （保密）, a list's "": the window says it in its language)."""
    if masked and i.caller_confidential:
        return hidden
    phone = (mask_phone(i.caller_phone) if masked else i.caller_phone) if i.caller_phone else ""
    return " ".join(p for p in (i.caller_name, phone) if p)


def _row(i: Incident, district: str, site: str, helpers: int) -> IncidentRow:
    # Lists always mask the caller's phone and hide confidential callers, whatever the
    # role (like phones in the roster); the full value is in the incident itself.
    return IncidentRow(i.id, i.number, i.received_at, i.category, i.subcategory, district, site,
                       i.location, caller_text(i, True, hidden=""), i.status, i.outcome, helpers, i.district_id,
                       i.version, i.summary, i.caller_confidential)
