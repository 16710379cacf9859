"""One sheet row of the roster as a volunteer form.

Cells are read with `cells`, choices by their Chinese or English labels (and the words
sheets use: 党员, 团员 …), places through the `PlaceBook`. What cannot be read becomes a
problem on its field; the volunteer form's own rules (`check_volunteer`) then judge the
rest. For a person already on the roster the sheet's non-blank cells are laid over their
record, so a column the sheet lacks (or a blank cell) never erases what is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from redband_desktop.db.models import Volunteer as VolunteerRow
from redband_desktop.domain.enums import Background, Gender, LabeledEnum, PoliticalStatus, SiteKind
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.importing import cells
from redband_desktop.services.importing.places import PlaceBook, PlaceCells
from redband_desktop.services.importing.types import Mapping
from redband_desktop.services.roster.types import VolunteerForm

_ALIASES: dict[type[LabeledEnum], dict[str, str]] = {
    PoliticalStatus: {"党员": "cpc_member", "中共党员": "cpc_member", "预备党员": "cpc_probationary",
                      "团员": "league_member", "共青团员": "league_member", "无党派": "masses"},
    Background: {"党员": "party_member", "居民": "resident", "退休": "retired_cadre", "物业": "property_staff",
                 "商户": "merchant", "店长": "merchant", "保安": "enterprise_security", "机关": "organ_staff"},
    Gender: {"男性": "M", "女性": "F"},
}
_TEXTS = ("address", "emergency_name", "notes")
_PHONES = ("phone", "emergency_phone")


@dataclass
class SheetRow:
    """A row's cells by field, read once."""

    number: int  # as the spreadsheet shows it
    values: dict[str, Any]

    def get(self, name: str) -> Any:
        return self.values.get(name)

    def text(self, name: str) -> str:
        return cells.text(self.values.get(name))

    def has(self, name: str) -> bool:
        return not cells.is_blank(self.values.get(name))

    def places(self) -> PlaceCells:
        return PlaceCells(self.text("district"), self.text("site"), self.text("building"), self.text("site_kind"))


def sheet_rows(rows: tuple[tuple[Any, ...], ...], mapping: Mapping) -> list[SheetRow]:
    """The data rows below the header with a mapped cell filled in (blank rows are not rows)."""
    out = []
    for index in range(mapping.header_row + 1, len(rows)):
        row = rows[index]
        values = {f: row[c] if c < len(row) else None for f, c in mapping.columns.items()}
        if any(not cells.is_blank(v) for v in values.values()):
            out.append(SheetRow(index + 1, values))
    return out


def choice(enum: type[LabeledEnum], raw: Any, field: str) -> str:
    text = cells.text(raw)
    try:
        return enum.parse(text).value
    except ValueError:
        code = _ALIASES.get(enum, {}).get(text)
        if code is None:
            raise ValidationError.single(field, "invalid_choice", value=text[:20]) from None
        return code


@dataclass(frozen=True)
class PlaceIds:
    site_id: int | None
    building_id: int | None
    zone_id: int | None
    district_id: int | None


def resolve_place(book: PlaceBook, r: SheetRow, problems: list[Problem]) -> PlaceIds | None:
    """The row's site and building/zone ids (negative for planned ones); None when the
    row names no site (an update keeps the stored one)."""
    p = r.places()
    if not p.site:
        if p.district or p.place:
            problems.append(Problem("site_id", "required"))
        return None
    site = book.site(p.site)
    if site is None:
        problems.append(Problem("site_id", "import_place_unknown", {"name": p.site}))
        return None
    district = book.district(p.district) if p.district else None
    if p.district and district is None:
        problems.append(Problem("district_id", "import_place_unknown", {"name": p.district}))
    elif district is not None and district.id != site.district_id:
        problems.append(Problem("site_id", "site_district_mismatch"))
    building_id = zone_id = None
    if p.place:
        place = book.place(site, p.place)
        if site.kind == SiteKind.ORGANIZATION.value:
            problems.append(Problem("building_id", "building_needs_compound"))
        elif place is None:
            problems.append(Problem("building_id", "import_place_unknown", {"name": p.place}))
        elif site.kind == SiteKind.MARKET.value:
            zone_id = place.id
        else:
            building_id = place.id
    return PlaceIds(site.id, building_id, zone_id, site.district_id)


def _read(r: SheetRow, problems: list[Problem], field: str, reader, *args: Any) -> Any:  # noqa: ANN001
    try:
        return reader(r.get(field), field, *args)
    except ValidationError as exc:
        problems.extend(exc.problems)
        return None


def sheet_fields(r: SheetRow, mapping: Mapping, problems: list[Problem]) -> dict[str, Any]:
    """The form fields the row fills in (blank cells left out), with the mapping's
    defaults for columns the sheet lacks."""
    out: dict[str, Any] = {}
    for name in ("name", *_TEXTS, *_PHONES):
        if r.has(name):
            out[name] = r.text(name)
    if r.has("id_number"):
        out["id_number"] = _read(r, problems, "id_number", lambda v, f: cells.id_number_text(v, f))
    for name, enum in (("gender", Gender), ("background", Background), ("political_status", PoliticalStatus)):
        raw = r.get(name) if r.has(name) else mapping.defaults.get(name)
        if not cells.is_blank(raw):
            out[name] = _read(SheetRow(r.number, {name: raw}), problems, name, lambda v, f, e=enum: choice(e, v, f))
    for name in ("birth_date", "joined_on"):
        raw = r.get(name) if r.has(name) else mapping.defaults.get(name)
        if not cells.is_blank(raw):
            out[name] = _read(SheetRow(r.number, {name: raw}), problems, name, cells.date_value)
    if r.has("in_wechat_group"):
        out["in_wechat_group"] = _read(r, problems, "in_wechat_group", cells.yes_no)
    return {k: v for k, v in out.items() if v is not None}


def stored_form(v: VolunteerRow, skill_ids: tuple[int, ...]) -> VolunteerForm:
    """The form the volunteer dialog would open with (the number in full)."""
    return VolunteerForm(
        name=v.name, id_number=v.id_number, phone=v.phone, address=v.address,
        political_status=v.political_status, background=v.background, site_id=v.site_id,
        building_id=v.building_id, zone_id=v.zone_id, joined_on=v.joined_on,
        in_wechat_group=v.in_wechat_group, emergency_name=v.emergency_name,
        emergency_phone=v.emergency_phone, notes=v.notes, skill_ids=skill_ids,
    )


def row_form(base: VolunteerForm, fields: dict[str, Any], place: PlaceIds | None) -> VolunteerForm:
    """`base` (a blank form, or the stored record) with the row's fields laid over it."""
    form = replace(base, **fields)
    if place is not None:
        form = replace(form, site_id=place.site_id, building_id=place.building_id, zone_id=place.zone_id)
    return form


def blank_form() -> VolunteerForm:
    """A new volunteer's starting point: no defaults the sheet did not give (the dialog's
    political status 群众 is a choice the import's mapping makes explicitly)."""
    return VolunteerForm(political_status="")

