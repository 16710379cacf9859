"""Checking a submitted volunteer form against every rule before anything is written.

All problems are collected so the dialog can mark every wrong field at once; nothing is
saved unless the whole form is valid. Warnings (such as an ID region code missing from
the list) do not block saving.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Building, MarketZone, Site, Skill, Volunteer
from redband_desktop.domain.enums import Background, Gender, PoliticalStatus, SiteKind
from redband_desktop.domain.idnumber import IdNumberInfo, parse_id_number
from redband_desktop.domain.names import name_pinyin, normalize_name
from redband_desktop.domain.phone import normalize_phone
from redband_desktop.domain.photo import Portrait, make_portrait
from redband_desktop.domain.text import clean
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.roster.types import VolunteerForm
from redband_desktop.services.shared.rules import clean_text
from redband_desktop.services.shared.values import checked_date, checked_id

T = TypeVar("T")
# Volunteers are adults: the station's patrol and order-keeping duties are not for minors
# (volunteer service by minors needs a guardian and suits other work). Nobody born before
# 1920 still patrols; an earlier birth date is a mistyped number.
ADULT_AGE = 18
EARLIEST_BIRTH = date(1920, 1, 1)


def years_before(day: date, years: int) -> date:
    """The same day `years` earlier (29 February → 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class CheckedForm:
    values: dict[str, Any]  # column values ready for the Volunteer row
    skills: list[Skill]
    portrait: Portrait | None
    warnings: tuple[Problem, ...]


@dataclass(frozen=True)
class PhotoCheck:
    """A new photo made into a portrait, or what is wrong with it."""

    portrait: Portrait | None = None
    problems: tuple[Problem, ...] = ()


def check_photo(form: VolunteerForm) -> PhotoCheck:
    """Decode, crop and scale the form's new photo. Run it before the write transaction:
    Pillow takes about half a second on a 12-megapixel photo, and the write lock would
    make every other save wait that long. Its problems join the form's in `check_form`."""
    if not form.photo:
        return PhotoCheck()
    try:
        return PhotoCheck(make_portrait(form.photo, form.photo_crop))
    except ValidationError as exc:
        return PhotoCheck(problems=exc.problems)


class Lookups:
    """Where the rules find a site, building or zone by id and who holds an ID number:
    the database, one query each. The importer passes its own, which reads every row
    once and also knows the places it is about to create (negative ids)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def planned(self, place_id: object) -> bool:
        """Whether an id names a place about to be created (the importer's negative ids);
        a form never holds one."""
        return False

    def site(self, site_id: int) -> Site | None:
        return self._s.get(Site, site_id)

    def building(self, building_id: int) -> Building | None:
        return self._s.get(Building, building_id)

    def zone(self, zone_id: int) -> MarketZone | None:
        return self._s.get(MarketZone, zone_id)

    def id_owner(self, number: str) -> tuple[int, str] | None:
        """(id, name) of the volunteer with this ID number, or None."""
        row = self._s.execute(select(Volunteer.id, Volunteer.name).where(Volunteer.id_number == number)).first()
        return (row.id, row.name) if row is not None else None


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def run(self, fn: Callable[..., T], *args: Any) -> T | None:
        try:
            return fn(*args)
        except ValidationError as exc:
            self.problems.extend(exc.problems)
            return None

    def add(self, field: str, code: str, **params: Any) -> None:
        self.problems.append(Problem(field, code, params))


def check_form(
    session: Session, form: VolunteerForm, current: Volunteer | None, today: date, photo: PhotoCheck,
    lookups: Lookups | None = None,
) -> CheckedForm:
    """Check the whole form; `current` is the stored row when editing (its ID number is
    used when the form leaves the masked number unchanged), `photo` the form's photo as
    `check_photo` made it, `lookups` where places and ID numbers are found (the database)."""
    c = _Collector()
    look = lookups or Lookups(session)
    values: dict[str, Any] = {}
    name = c.run(normalize_name, clean(form.name))
    if name:
        values["name"] = name
        values["name_pinyin"], values["name_initials"] = name_pinyin(name)
    info = _check_identity(look, c, form, current, today, values)
    _check_contact(c, form, values)
    _check_choices(c, form, values)
    _check_place(look, c, form, values)
    _check_joined(c, form, today, values, info)
    skills = _check_skills(session, c, form.skill_ids)
    c.problems.extend(photo.problems)
    if c.problems:
        raise ValidationError(c.problems)
    return CheckedForm(values, skills, photo.portrait, info.warnings if info else ())


def _check_identity(look: Lookups, c: _Collector, form, current, today, values) -> IdNumberInfo | None:  # noqa: ANN001
    editing_id = current.id if current is not None else None
    raw = clean(current.id_number if form.id_number is None and current is not None else form.id_number)
    if not raw:
        c.add("id_number", "required")
        return None
    info = c.run(parse_id_number, raw, "id_number", today)
    if info is None:
        return None
    if info.birth_date < EARLIEST_BIRTH:
        c.add("id_number", "id_birth_too_early", date=info.birth_date.isoformat())
    elif info.birth_date > years_before(today, ADULT_AGE):
        c.add("id_number", "volunteer_too_young", date=info.birth_date.isoformat(), age=ADULT_AGE)
    values.update(id_number=info.number, birth_date=info.birth_date, gender=info.gender.value)
    other = look.id_owner(info.number)
    if other is not None and other[0] != editing_id:
        c.add("id_number", "id_duplicate", name=other[1], id=other[0])
    if form.gender and form.gender != info.gender.value:
        c.add("gender", "gender_mismatch", expected=info.gender.zh)
    if form.birth_date and form.birth_date != info.birth_date:
        c.add("birth_date", "birth_mismatch", expected=info.birth_date.isoformat())
    return info


def _check_contact(c: _Collector, form: VolunteerForm, values: dict) -> None:
    phone = clean(form.phone)
    if not phone:
        c.add("phone", "required")
    else:
        values["phone"] = c.run(normalize_phone, phone, "phone")
    values["emergency_phone"] = (
        c.run(normalize_phone, clean(form.emergency_phone), "emergency_phone") or ""
    )
    for field, limit in (("address", 200), ("emergency_name", 40), ("notes", 2000)):
        values[field] = clean_text(getattr(form, field), field, limit, multiline=field == "notes", problems=c.problems)
    values["in_wechat_group"] = bool(form.in_wechat_group)


def _check_choices(c: _Collector, form: VolunteerForm, values: dict) -> None:
    for field, enum in (("background", Background), ("political_status", PoliticalStatus)):
        raw = getattr(form, field)
        if not raw:
            c.add(field, "required")
            continue
        try:
            values[field] = enum(raw).value
        except ValueError:
            c.add(field, "invalid_choice", value=raw)
    if form.gender and form.gender not in {g.value for g in Gender}:
        c.add("gender", "invalid_choice", value=form.gender)


def _check_place(look: Lookups, c: _Collector, form: VolunteerForm, values: dict) -> None:
    wrong = [checked_id(v, n, c.problems) is None
             for n in ("site_id", "building_id", "zone_id")
             if (v := getattr(form, n)) is not None and not look.planned(v)]
    if any(wrong):
        return
    site = look.site(form.site_id) if form.site_id is not None else None
    if site is None:
        c.add("site_id", "required")
        return
    values.update(site_id=site.id, building_id=None, zone_id=None)
    if form.building_id is not None:
        building = look.building(form.building_id)
        if site.kind != SiteKind.COMPOUND.value:
            c.add("building_id", "building_needs_compound")
        elif building is None or building.site_id != site.id:
            c.add("building_id", "building_site_mismatch")
        else:
            values["building_id"] = building.id
    if form.zone_id is not None:
        zone = look.zone(form.zone_id)
        if site.kind != SiteKind.MARKET.value:
            c.add("zone_id", "zone_needs_market")
        elif zone is None or zone.site_id != site.id:
            c.add("zone_id", "building_site_mismatch")
        else:
            values["zone_id"] = zone.id


def _check_joined(c: _Collector, form, today: date, values: dict, info) -> None:  # noqa: ANN001
    joined = checked_date(form.joined_on, "joined_on", c.problems, today, late_code="date_in_future")
    if form.joined_on is None:
        c.add("joined_on", "required")
    elif joined is None:
        return
    elif info is not None and joined < info.birth_date:
        c.add("joined_on", "joined_before_birth")
    else:
        values["joined_on"] = joined


def _check_skills(session: Session, c: _Collector, ids: tuple[int, ...]) -> list[Skill]:
    if not ids:
        return []
    if not isinstance(ids, tuple | list) or any(checked_id(i, "skills", []) is None for i in ids):
        c.add("skills", "invalid_choice", value=str(ids)[:20])
        return []
    skills = list(session.scalars(select(Skill).where(Skill.id.in_(ids))))
    if len(skills) != len(set(ids)):
        c.add("skills", "invalid_choice", value=",".join(map(str, ids)))
    return skills
