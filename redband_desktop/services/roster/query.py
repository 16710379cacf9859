"""Searching the roster page by page, straight from the database.

With 100,000 volunteers the list never loads every row: each keystroke runs one
filtered, sorted `LIMIT/OFFSET` query for the visible page and one `GROUP BY status`
for the counts. SQLite answers `LIKE '%张%'` over 100k rows in about a millisecond, so
plain LIKE is enough; pinyin lives in its own columns (full and initials), and several
words separated by spaces must all match. For a user who sees ID numbers and phones
masked (`masked`), a number matches and sorts only by what they can see
(`shared.masked_search`); the others keep the plain search over the narrow indexes.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.expression import UnaryExpression

from redband_desktop.db.models import (
    Building,
    District,
    MarketZone,
    Site,
    Volunteer,
    VolunteerPhoto,
    volunteer_skills,
)
from redband_desktop.domain.enums import Background, Gender, SiteKind, VolunteerStatus
from redband_desktop.domain.phone import mask_phone
from redband_desktop.services.roster.types import RosterFilter, RosterRow, RosterSummary
from redband_desktop.services.shared.masked_search import (
    ID_NUMBER_SHOWN,
    PHONE_SHOWN,
    shown_sort_keys,
    visible_match,
)
from redband_desktop.services.shared.search import contains, search_text

_SORT_COLUMNS = {
    "name": Volunteer.name_pinyin,
    "gender": Volunteer.gender,
    "age": Volunteer.birth_date,  # older people first when ascending by age → desc date
    "phone": Volunteer.phone,
    "district": District.sort_order,
    "site": Site.name,
    "background": Volunteer.background,
    "status": Volunteer.status,
    "joined_on": Volunteer.joined_on,
}
_LATIN = re.compile(r"^[a-z]+$")
_DIGITS = re.compile(r"^[0-9xX]+$")


def _prefix(column, text: str):  # noqa: ANN001, ANN202 - SQL expression
    """`column` starts with `text` (lower-case latin), as a range the column's index can
    answer on any database: "li" → li <= value < lj."""
    upper = text[:-1] + chr(ord(text[-1]) + 1)
    return and_(column >= text, column < upper)


def _term_condition(term: str, masked: bool = False):  # noqa: ANN202 - SQL expression
    """One search word: digits look in phone and ID number (for `masked` users only in
    what they see of them), latin letters in pinyin, anything else in the name."""
    lowered = term.lower()
    if _DIGITS.match(term) and any(ch.isdigit() for ch in term) and masked:
        return or_(visible_match(Volunteer.phone, term.upper(), PHONE_SHOWN),
                   visible_match(Volunteer.id_number, term.upper(), ID_NUMBER_SHOWN))
    if _DIGITS.match(term) and any(ch.isdigit() for ch in term):
        return or_(contains(Volunteer.phone, term.upper()), contains(Volunteer.id_number, term.upper()))
    if _LATIN.match(lowered):
        return or_(_prefix(Volunteer.name_initials, lowered), _prefix(Volunteer.name_pinyin, lowered))
    return contains(Volunteer.name, term)


def filtered(query: Select, f: RosterFilter, with_status: bool = True, masked: bool = False) -> Select:
    conditions = [_term_condition(t, masked) for t in search_text(f.text).split()]
    if f.district_id is not None:
        conditions.append(Site.district_id == f.district_id)
    if f.site_kind:
        conditions.append(Site.kind == f.site_kind)
    if f.site_id is not None:
        conditions.append(Volunteer.site_id == f.site_id)
    if f.background:
        conditions.append(Volunteer.background == f.background)
    if f.status and with_status:
        conditions.append(Volunteer.status == f.status)
    for column, first, last in ((Volunteer.joined_on, f.joined_from, f.joined_to),
                                (Volunteer.status_since, f.status_since_from, f.status_since_to)):
        if first is not None:
            conditions.append(column >= first)
        if last is not None:
            conditions.append(column <= last)
    if f.skill_id is not None:
        conditions.append(
            exists().where(
                and_(
                    volunteer_skills.c.volunteer_id == Volunteer.id,
                    volunteer_skills.c.skill_id == f.skill_id,
                )
            )
        )
    return query.where(*conditions) if conditions else query


def _joined(query: Select) -> Select:
    return (
        query.select_from(Volunteer)
        .join(Site, Volunteer.site_id == Site.id)
        .join(District, Site.district_id == District.id)
    )


def _site_joins(q: Select, f: RosterFilter, sorting: bool) -> Select:
    """Join the site (and district) only when a filter or the sort order needs them: the
    narrow search indexes then answer the query without touching other tables."""
    if f.district_id is not None or f.site_kind or (sorting and f.sort in ("district", "site")):
        q = q.join(Site, Volunteer.site_id == Site.id)
    if sorting and f.sort == "district":
        q = q.join(District, Site.district_id == District.id)
    return q


def summary(session: Session, f: RosterFilter, masked: bool = False) -> RosterSummary:
    """How many volunteers match, and how many of those in each status."""
    q = select(Volunteer.status, func.count()).select_from(Volunteer)
    q = filtered(_site_joins(q, f, sorting=False), f, with_status=False, masked=masked)
    by_status = {status: n for status, n in session.execute(q.group_by(Volunteer.status))}
    total = by_status.get(f.status, 0) if f.status else sum(by_status.values())
    return RosterSummary(total=total, by_status=by_status)


def page(
    session: Session, f: RosterFilter, offset: int, limit: int, today: date, masked: bool = False
) -> list[RosterRow]:
    """One page of the filtered, sorted roster. The ids are chosen first from the narrow
    columns (often from an index alone), then the page's rows are read by id."""
    keys = [*_sort_key(f, masked), Volunteer.id]
    if f.text.strip() and session.bind.dialect.name == "sqlite":
        # With text typed, walking the sort column's index and reading wide rows to test
        # each one can cost 100+ ms when the matches sort late (张 = zhang); a unary +
        # hides that index, so SQLite scans a narrow search index and keeps a top-N.
        keys = [UnaryExpression(k, operator=operators.custom_op("+")) for k in keys]
    descending = _descending(f)
    q = select(Volunteer.id).select_from(Volunteer)
    q = _site_joins(q, f, sorting=True)
    q = filtered(q, f, masked=masked).order_by(*(k.desc() if descending else k.asc() for k in keys))
    ids = list(session.scalars(q.offset(offset).limit(limit)))
    return rows_by_id(session, ids, today)


def _descending(f: RosterFilter) -> bool:
    return f.descending != (f.sort == "age")  # ascending age = descending birth date


def _sort_key(f: RosterFilter, masked: bool = False) -> list:
    if masked and f.sort == "phone":  # the order of whole numbers would tell hidden digits
        return shown_sort_keys(Volunteer.phone, PHONE_SHOWN)
    column = _SORT_COLUMNS.get(f.sort, Volunteer.name_pinyin)
    return [column, District.name] if f.sort == "district" else [column]


def matching_ids(
    session: Session, f: RosterFilter, cap: int, masked: bool = False
) -> tuple[RosterSummary, list[int]] | None:
    """The counts and every matching id in display order, from one scan; None when more
    than `cap` volunteers match (the scan then stops early).

    Used while text is typed: usually the matches are few, and reading (id, status, sort
    key) once, then counting and sorting them here, costs about half of a count query
    plus a sorted page query. The table then fetches rows by id.
    """
    keys = _sort_key(f, masked)
    q = select(Volunteer.id, Volunteer.status, *keys).select_from(Volunteer)
    q = _site_joins(q, f, sorting=True)
    rows = session.execute(filtered(q, f, with_status=False, masked=masked).limit(cap + 1)).all()
    if len(rows) > cap:
        return None
    by_status: dict[str, int] = {}
    for r in rows:
        by_status[r[1]] = by_status.get(r[1], 0) + 1
    chosen = [r for r in rows if r[1] == f.status] if f.status else rows
    chosen.sort(key=lambda r: (*r[2:], r[0]), reverse=_descending(f))
    return RosterSummary(len(chosen), by_status), [r[0] for r in chosen]


def rows_by_id(session: Session, ids: list[int], today: date) -> list[RosterRow]:
    """Roster rows for these ids, in the given order."""
    if not ids:
        return []
    place = func.coalesce(Building.label, MarketZone.name, "")
    q = _joined(
        select(
            Volunteer.id, Volunteer.name, Volunteer.gender, Volunteer.birth_date, Volunteer.phone,
            District.name, Site.name, Site.kind, place, Volunteer.background, Volunteer.status,
            Volunteer.joined_on, exists().where(VolunteerPhoto.volunteer_id == Volunteer.id),
            Volunteer.version, Volunteer.volunteer_no,
        )
    ).outerjoin(Building, Volunteer.building_id == Building.id).outerjoin(
        MarketZone, Volunteer.zone_id == MarketZone.id
    )
    found = {r[0]: _row(r, today) for r in session.execute(q.where(Volunteer.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def _row(r, today: date) -> RosterRow:  # noqa: ANN001 - result row
    return RosterRow(
        id=r[0],
        name=r[1],
        gender=Gender(r[2]),
        age=age_on(r[3], today),
        phone_masked=mask_phone(r[4]) if r[4] else "",
        district=r[5],
        site=r[6],
        site_kind=SiteKind(r[7]),
        place=r[8],
        background=Background(r[9]),
        status=VolunteerStatus(r[10]),
        joined_on=r[11],
        has_photo=bool(r[12]),
        version=r[13],
        volunteer_no=r[14],
    )


def age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
