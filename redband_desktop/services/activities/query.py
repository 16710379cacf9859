"""Searching the activities: one filter shared by the list, its totals and the export.
Pages are taken by id (the matching ids in the chosen order first, then the rows of one
page), as the other registers do."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, distinct, func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import District, Site, Volunteer
from redband_desktop.db.models.activities import Activity, ActivityParticipant, ActivityPhoto
from redband_desktop.domain.activities import ActivityType
from redband_desktop.services.activities.types import ActivityFilter, ActivityRow, ActivitySummary
from redband_desktop.services.shared.search import contains, search_text

_PEOPLE = (select(func.count()).where(ActivityParticipant.activity_id == Activity.id)
           .correlate(Activity).scalar_subquery())
_MINUTES = (select(func.coalesce(func.sum(ActivityParticipant.minutes), 0))
            .where(ActivityParticipant.activity_id == Activity.id).correlate(Activity).scalar_subquery())

# sort key -> the column it orders by (the page's header clicks name these keys)
SORTS = {
    "day": Activity.starts_at,
    "activity_type": Activity.activity_type,
    "theme": Activity.theme,
    "district": District.sort_order,
    "site": func.coalesce(Site.name, ""),
    "organiser": Activity.organiser,
    "people": _PEOPLE,
    "minutes": _MINUTES,
    "audience": func.coalesce(Activity.audience, -1),
}
NEEDS_JOIN = {"district", "site"}


def filtered(q: Select, f: ActivityFilter) -> Select:
    if text := search_text(f.text):
        people = (select(ActivityParticipant.activity_id)
                  .join(Volunteer, Volunteer.id == ActivityParticipant.volunteer_id)
                  .where(contains(Volunteer.name, text) | contains(Volunteer.name_pinyin, text.lower())
                         | contains(Volunteer.name_initials, text.lower()) | contains(Volunteer.volunteer_no, text)))
        q = q.where(contains(Activity.theme, text) | contains(Activity.location, text)
                    | contains(Activity.organiser, text) | contains(Activity.subject, text)
                    | contains(Activity.notes, text) | Activity.id.in_(people))
    if f.date_from:
        q = q.where(Activity.day >= f.date_from)
    if f.date_to:
        q = q.where(Activity.day <= f.date_to)
    for value, column in ((f.activity_type, Activity.activity_type), (f.district_id, Activity.district_id),
                          (f.site_id, Activity.site_id)):
        if value:
            q = q.where(column == value)
    return q


def summary(s: Session, f: ActivityFilter) -> ActivitySummary:
    by_type = {t.value: 0 for t in ActivityType}
    audience = 0
    for kind, n, heard in s.execute(filtered(select(Activity.activity_type, func.count(),
                                                    func.coalesce(func.sum(Activity.audience), 0)), f)
                                    .group_by(Activity.activity_type)):
        by_type[kind] = by_type.get(kind, 0) + n
        audience += int(heard or 0)
    ids = filtered(select(Activity.id), f).scalar_subquery()
    people, times, minutes = s.execute(
        select(func.count(distinct(ActivityParticipant.volunteer_id)), func.count(),
               func.coalesce(func.sum(ActivityParticipant.minutes), 0))
        .where(ActivityParticipant.activity_id.in_(ids))).one()
    return ActivitySummary(sum(by_type.values()), people, times, int(minutes), audience, by_type)


def matching_ids(s: Session, f: ActivityFilter) -> list[int]:
    """Every matching id in the filter's order (newest first by default)."""
    key = f.sort if f.sort in SORTS else "day"
    q = select(Activity.id)
    if key in NEEDS_JOIN:
        q = q.join(District, Activity.district_id == District.id).outerjoin(Site, Activity.site_id == Site.id)
    column = SORTS[key]
    tie = Activity.id.desc() if f.descending else Activity.id
    q = filtered(q, f).order_by(column.desc() if f.descending else column, tie)
    return list(s.scalars(q))


def rows_by_id(s: Session, ids: list[int]) -> list[ActivityRow]:
    found: dict[int, ActivityRow] = {}
    for start in range(0, len(ids), 500):
        found.update((r.id, r) for r in _rows(s, Activity.id.in_(ids[start:start + 500])))
    return [found[i] for i in ids if i in found]


def rows_of_volunteer(s: Session, volunteer_id: int, since: date | None = None) -> list[ActivityRow]:
    """The activities a volunteer took part in, newest first."""
    mine = select(ActivityParticipant.activity_id).where(ActivityParticipant.volunteer_id == volunteer_id)
    condition = Activity.id.in_(mine)
    if since is not None:
        condition = condition & (Activity.day >= since)
    return sorted(_rows(s, condition), key=lambda r: (r.starts_at, r.id), reverse=True)


def _rows(s: Session, condition) -> list[ActivityRow]:  # noqa: ANN001 - SQL expression
    photos = (select(func.count()).where(ActivityPhoto.activity_id == Activity.id)
              .correlate(Activity).scalar_subquery())
    q = (select(Activity, District.name, func.coalesce(Site.name, ""), _PEOPLE, _MINUTES, photos)
         .join(District, Activity.district_id == District.id)
         .outerjoin(Site, Activity.site_id == Site.id)
         .where(condition))
    return [ActivityRow(a.id, a.activity_type, a.theme, a.starts_at, a.ends_at, a.district_id, district, site,
                        a.location, a.organiser_kind, a.organiser, people, int(minutes), a.audience, n_photos,
                        a.version)
            for a, district, site, people, minutes, n_photos in s.execute(q)]
