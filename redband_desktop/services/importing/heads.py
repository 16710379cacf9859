"""The heads import: a sheet of site, building (or market zone), the head's name or ID
number and the start date, previewed and then assigned in one transaction.

A head is found by ID number, or by name among the site's volunteers when the name is
unique there. The sites capability's rule decides who may head a place
(`check_head_candidate`); an assignment replaces the current head from its start date,
keeping the history, as "Assign or replace" does on the sites page. The same person
already heading the place is "unchanged".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Building, MarketZone, PlaceHead
from redband_desktop.db.models import Volunteer as VolunteerRow
from redband_desktop.domain.access import Action
from redband_desktop.domain.idnumber import normalize_id_number
from redband_desktop.domain.names import normalize_name
from redband_desktop.errors import ConflictError, Problem, ValidationError
from redband_desktop.services.importing import cells
from redband_desktop.services.importing.commit import create_planned
from redband_desktop.services.importing.places import PlaceBook, apply_choices, unknown_places
from redband_desktop.services.importing.rights import DistrictRights
from redband_desktop.services.importing.roster_rows import SheetRow, sheet_rows
from redband_desktop.services.importing.types import (
    ImportKind,
    Mapping,
    PlaceChoice,
    Preview,
    RowOutcome,
    RowStatus,
    Table,
)
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import record
from redband_desktop.services.shared.rules import clean_text
from redband_desktop.services.sites.service import check_head_candidate

REPLACED = "导入楼栋长名单，更换负责人"


@dataclass
class HeadsPlan:
    book: PlaceBook
    # (sheet row, place, volunteer id, volunteer name, start, note, current head's volunteer id)
    rows: list[tuple[int, Any, int, str, date, str, int | None]] = field(default_factory=list)


def _current_heads(s: Session) -> dict[tuple[str, int], PlaceHead]:
    out = {}
    for h in s.scalars(select(PlaceHead).where(PlaceHead.end_date.is_(None))):
        out[("Building", h.building_id) if h.building_id else ("MarketZone", h.zone_id)] = h
    return out


def preview_heads(s: Session, table: Table, mapping: Mapping, choices: list[PlaceChoice], today: date,
                  access: AccessControl, progress: Any = None) -> Preview:
    rows = sheet_rows(table.rows, mapping)
    book = PlaceBook.load(s)
    apply_choices(s, book, choices)
    unknown = unknown_places(book, [r.places() for r in rows])
    people = list(s.scalars(select(VolunteerRow)))
    by_number = {v.id_number: v for v in people}
    by_name: dict[tuple[int, str], list[VolunteerRow]] = {}
    for v in people:
        by_name.setdefault((v.site_id, v.name), []).append(v)
    heads, plan, seen, out = _current_heads(s), HeadsPlan(book), {}, []
    rights = DistrictRights(access)
    for i, r in enumerate(rows):
        if progress is not None and i % 200 == 0 and not progress(i, len(rows)):
            raise ValidationError.single("file", "cancelled")
        out.append(_outcome(r, book, by_number, by_name, heads, seen, today, rights, plan))
    return Preview(ImportKind.HEADS, table.file_name, tuple(out), tuple(unknown), plan)


def _outcome(r: SheetRow, book: PlaceBook, by_number: dict, by_name: dict, heads: dict, seen: dict,  # noqa: PLR0913
             today: date, access: DistrictRights, plan: HeadsPlan) -> RowOutcome:
    problems: list[Problem] = []
    base = RowOutcome(r.number, RowStatus.INVALID, r.text("head_name"))
    place = _place(book, r, problems)
    start = _cell(problems, cells.date_value, r.get("start_date"), "start_date")
    if start is None and not problems:
        problems.append(Problem("start_date", "required"))
    elif start is not None and start > today:
        problems.append(Problem("start_date", "date_in_future"))
    volunteer = _volunteer(r, place, by_number, by_name, problems)
    if problems:
        return replace(base, problems=tuple(problems))
    key = (type(place).__name__, place.id)
    if key in seen:
        return replace(base, status=RowStatus.DUPLICATE, same_as=seen[key],
                       problems=(Problem("building_id", "import_duplicate_row", {"row": seen[key]}),))
    seen[key] = r.number
    site = book.by_id[("Site", place.site_id)]
    if volunteer.site_id != place.site_id:  # also every place still to be created
        return replace(base, problems=(Problem("volunteer_id", "head_other_site", {"site": site.name}),))
    try:
        check_head_candidate(volunteer, place, start)
    except ValidationError as exc:
        return replace(base, problems=exc.problems)
    if not access.can(Action.EDIT, site.district_id if site.district_id > 0 else None):
        return replace(base, problems=(Problem("site_id", "outside_district"),))
    return _sorted(replace(base, name=volunteer.name), r, place, volunteer, start, heads.get(key), plan)


def _sorted(base: RowOutcome, r: SheetRow, place: Any, volunteer: VolunteerRow, start: date,
            current: PlaceHead | None, plan: HeadsPlan) -> RowOutcome:
    if current is not None and current.volunteer_id == volunteer.id:
        return replace(base, status=RowStatus.UNCHANGED)
    if current is not None and start < current.start_date:
        return replace(base, problems=(Problem("start_date", "before_current_head",
                                               {"date": current.start_date.isoformat()}),))
    plan.rows.append((r.number, place, volunteer.id, volunteer.name, start, r.text("role_text"),
                      current.volunteer_id if current else None))
    if current is None:
        return replace(base, status=RowStatus.NEW)
    return replace(base, status=RowStatus.UPDATE, changes={"head": [current.volunteer.name, volunteer.name]})


def _cell(problems: list[Problem], reader: Any, value: Any, name: str) -> Any:
    try:
        return reader(value, name)
    except ValidationError as exc:
        problems.extend(exc.problems)
        return None


def _place(book: PlaceBook, r: SheetRow, problems: list[Problem]) -> Building | MarketZone | None:
    site = book.site(r.text("site")) if r.has("site") else None
    if site is None:
        problems.append(Problem("site_id", "import_place_unknown", {"name": r.text("site")}) if r.has("site")
                        else Problem("site_id", "required"))
        return None
    place = book.place(site, r.text("building")) if r.has("building") else None
    if place is None:
        problems.append(Problem("building_id", "import_place_unknown", {"name": r.text("building")})
                        if r.has("building") else Problem("building_id", "required"))
    return place


def _volunteer(r: SheetRow, place: Any, by_number: dict, by_name: dict,
               problems: list[Problem]) -> VolunteerRow | None:
    if r.has("id_number"):
        number = _cell(problems, lambda v, f: cells.id_number_text(v, f), r.get("id_number"), "id_number")
        found = by_number.get(normalize_id_number(number)) if number else None
        if number and found is None:
            problems.append(Problem("id_number", "import_head_unknown"))
        return found
    name = _cell(problems, normalize_name, r.text("head_name"), "volunteer_id") if r.has("head_name") else None
    if name is None:
        if not r.has("head_name"):
            problems.append(Problem("volunteer_id", "required"))
        return None
    if place is None:
        return None
    matches = by_name.get((place.site_id, name), [])
    active = [v for v in matches if v.status == "active"] or matches
    if len(active) != 1:
        problems.append(Problem("volunteer_id", "import_head_ambiguous" if active else "import_head_unknown",
                                {"count": len(active)}))
        return None
    return active[0]


def commit_heads(s: Session, access: AccessControl, plan: HeadsPlan, file_name: str,
                 progress: Any = None) -> tuple[int, int, int]:
    ids = create_planned(s, access, plan.book, {p[1].id for p in plan.rows if p[1].id < 0})
    heads = _current_heads(s)
    rights = DistrictRights(access)
    new = updated = 0
    for i, (_row, place, vid, name, start, note, expected) in enumerate(plan.rows):
        if progress is not None and i % 200 == 0 and not progress(i, len(plan.rows)):
            raise ValidationError.single("file", "cancelled")
        kind = "building" if isinstance(place, Building) else "zone"
        place_id = ids.get(place.id, place.id)
        current = heads.get((type(place).__name__, place_id))
        if (current.volunteer_id if current else None) != expected:
            raise ConflictError("import_stale", count=1)
        site = s.get(type(place), place_id).site
        rights.require(Action.EDIT, site.district_id)
        if current is not None:
            current.end_date, current.end_reason = start, REPLACED
        head = PlaceHead(volunteer_id=vid, role=clean_text(note, "role_text", 40), start_date=start)
        setattr(head, f"{kind}_id", place_id)
        s.add(head)
        new, updated = (new, updated + 1) if current else (new + 1, updated)
        record(s, access, "assign", kind, place_id, {"head": [current.volunteer.name if current else None, name]},
               f"导入：{site.name}{getattr(place, 'label', None) or place.name}: {name}")
    if progress is not None and not progress(len(plan.rows), len(plan.rows)):  # Cancel up to the very commit
        raise ValidationError.single("file", "cancelled")
    s.flush()
    record(s, access, "import", "head_import", "", {"file": [None, file_name], "new": [None, new],
                                                    "update": [None, updated], "places": [None, len(ids)]},
           f"导入楼栋长 {file_name}：新任 {new}，更换 {updated}")
    return new, updated, len(ids)
