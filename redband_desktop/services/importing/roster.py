"""The roster import: every row of the sheet checked with the volunteer form's rules and
sorted into new / update / unchanged / duplicate / invalid (the preview), then the chosen
rows written in one transaction (the commit).

The preview reads the station once (places, and the people whose ID numbers the sheet
holds) and never writes. The commit creates the places the user chose to create, then
re-checks only what another PC may have changed meanwhile (an ID number now taken, a record
edited since the preview) and refuses the whole import if so; every row goes in, or none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Volunteer as VolunteerRow
from redband_desktop.db.models import volunteer_skills
from redband_desktop.domain.access import Action
from redband_desktop.domain.idnumber import normalize_id_number
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.importing.places import PlaceBook, apply_choices, unknown_places
from redband_desktop.services.importing.rights import DistrictRights
from redband_desktop.services.importing.roster_rows import (
    SheetRow,
    blank_form,
    resolve_place,
    row_form,
    sheet_fields,
    sheet_rows,
    stored_form,
)
from redband_desktop.services.importing.types import (
    ImportKind,
    Mapping,
    PlaceChoice,
    Preview,
    RowOutcome,
    RowStatus,
    Table,
)
from redband_desktop.services.roster.service import Lookups, check_volunteer
from redband_desktop.services.shared.access import AccessControl

Progress = Callable[[int, int], bool]  # (done, total) -> go on?
# compared for "unchanged"; pinyin follows the name
COMPARED = ("name", "gender", "birth_date", "phone", "address", "political_status", "background", "site_id",
            "building_id", "zone_id", "joined_on", "in_wechat_group", "emergency_name", "emergency_phone", "notes")
CHUNK = 500


@dataclass
class RosterPlan:
    """What the commit writes: the planned places and each writable row's checked form."""

    book: PlaceBook
    rows: list[tuple[int, Any, int | None, int | None, dict[str, list[Any]]]] = field(default_factory=list)
    # (sheet row, CheckedForm, volunteer id or None, version, changes)


class _BookLookups(Lookups):
    """The rules' lookups over what the preview read once, planned places included."""

    def __init__(self, session: Session, book: PlaceBook, owners: dict[str, VolunteerRow]) -> None:
        super().__init__(session)
        self._book = book
        self._owners = owners

    def planned(self, place_id: object) -> bool:
        return isinstance(place_id, int) and place_id < 0 and any(
            (kind, place_id) in self._book.by_id for kind in ("Site", "Building", "MarketZone"))

    def site(self, site_id: int):  # noqa: ANN201
        return self._book.by_id.get(("Site", site_id))

    def building(self, building_id: int):  # noqa: ANN201
        return self._book.by_id.get(("Building", building_id))

    def zone(self, zone_id: int):  # noqa: ANN201
        return self._book.by_id.get(("MarketZone", zone_id))

    def id_owner(self, number: str) -> tuple[int, str] | None:
        v = self._owners.get(number)
        return (v.id, v.name) if v is not None else None


def preview_roster(s: Session, table: Table, mapping: Mapping, choices: list[PlaceChoice], today: date,
                   access: AccessControl, progress: Progress | None = None) -> Preview:
    rows = sheet_rows(table.rows, mapping)
    book = PlaceBook.load(s)
    apply_choices(s, book, choices)
    unknown = unknown_places(book, [r.places() for r in rows])
    owners = _owners(s, rows)
    skills = _skills(s, [v.id for v in owners.values()])
    lookups = _BookLookups(s, book, owners)
    plan = RosterPlan(book)
    seen: dict[str, int] = {}
    rights = DistrictRights(access)
    outcomes = []
    for i, r in enumerate(rows):
        if progress is not None and i % 200 == 0 and not progress(i, len(rows)):
            raise ValidationError.single("file", "cancelled")
        outcomes.append(_outcome(s, r, mapping, book, owners, skills, lookups, seen, today, rights, plan))
    if progress is not None:
        progress(len(rows), len(rows))
    return Preview(ImportKind.ROSTER, table.file_name, tuple(outcomes), tuple(unknown), plan)


def _owners(s: Session, rows: list[SheetRow]) -> dict[str, VolunteerRow]:
    numbers = sorted({normalize_id_number(r.text("id_number")) for r in rows if r.has("id_number")})
    found: dict[str, VolunteerRow] = {}
    for start in range(0, len(numbers), CHUNK):
        chunk = numbers[start:start + CHUNK]
        for v in s.scalars(select(VolunteerRow).where(VolunteerRow.id_number.in_(chunk))):
            found[v.id_number] = v
    return found


def _skills(s: Session, ids: list[int]) -> dict[int, tuple[int, ...]]:
    out: dict[int, list[int]] = {}
    for start in range(0, len(ids), CHUNK):
        q = select(volunteer_skills.c.volunteer_id, volunteer_skills.c.skill_id).where(
            volunteer_skills.c.volunteer_id.in_(ids[start:start + CHUNK]))
        for vid, sid in s.execute(q):
            out.setdefault(vid, []).append(sid)
    return {k: tuple(v) for k, v in out.items()}


def _outcome(s: Session, r: SheetRow, mapping: Mapping, book: PlaceBook, owners: dict, skills: dict,  # noqa: PLR0913
             lookups: _BookLookups, seen: dict[str, int], today: date, access: DistrictRights,
             plan: RosterPlan) -> RowOutcome:
    problems: list[Problem] = []
    fields = sheet_fields(r, mapping, problems)
    place = resolve_place(book, r, problems)
    number = normalize_id_number(fields.get("id_number", ""))
    base = RowOutcome(r.number, RowStatus.INVALID, fields.get("name", r.text("name")), number)
    if number and number in seen and not problems:
        return replace(base, status=RowStatus.DUPLICATE, same_as=seen[number],
                       problems=(Problem("id_number", "import_duplicate_row", {"row": seen[number]}),))
    current = owners.get(number) if number else None
    start = stored_form(current, skills.get(current.id, ())) if current is not None else blank_form()
    form = row_form(start, fields, place)
    try:
        checked = check_volunteer(s, form, current, today, lookups)
    except ValidationError as exc:
        return replace(base, problems=_merge(problems, exc.problems))
    if problems:
        return replace(base, problems=tuple(problems))
    districts = {lookups.site(checked.values["site_id"]).district_id}
    if current is not None:
        districts.add(lookups.site(current.site_id).district_id)
    if not all(access.can(Action.EDIT, d if d > 0 else None) for d in districts):
        return replace(base, problems=(Problem("site_id", "outside_district"),))
    seen[number] = r.number
    return _sorted(base, checked, current, book, plan)


def _merge(first: list[Problem], more: tuple[Problem, ...]) -> tuple[Problem, ...]:
    """The cells' problems, then the rules' on other fields (one message per field)."""
    fields = {p.field for p in first}
    return (*first, *(p for p in more if p.field not in fields))


def _sorted(base: RowOutcome, checked: Any, current: VolunteerRow | None, book: PlaceBook,
            plan: RosterPlan) -> RowOutcome:
    if current is None:
        plan.rows.append((base.row, checked, None, None, {}))
        return replace(base, status=RowStatus.NEW, warnings=checked.warnings)
    changes = {k: [getattr(current, k), checked.values.get(k)] for k in COMPARED
               if k in checked.values and getattr(current, k) != checked.values.get(k)}
    if not changes:
        return replace(base, status=RowStatus.UNCHANGED)
    plan.rows.append((base.row, checked, current.id, current.version, changes))
    return replace(base, status=RowStatus.UPDATE, changes=_shown(changes, book), warnings=checked.warnings)


def _shown(changes: dict[str, list[Any]], book: PlaceBook) -> dict[str, list[Any]]:
    """Ids as the names the user knows."""
    names = {"site_id": "Site", "building_id": "Building", "zone_id": "MarketZone"}
    out = {}
    for k, (old, new) in changes.items():
        if k in names:
            old, new = (_place_name(book, names[k], v) for v in (old, new))
        out[k] = [old, new]
    return out


def _place_name(book: PlaceBook, model: str, ident: int | None) -> str:
    place = book.by_id.get((model, ident)) if ident is not None else None
    if place is None:
        return ""
    return getattr(place, "name", None) or getattr(place, "label", "")
