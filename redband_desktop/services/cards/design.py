"""The card design settings, the station's signing key, and turning register rows into
the `CardFace`s the PDF is drawn from (helpers that take a session; no commits)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from redband_desktop.db.models import Card, Site, Volunteer, VolunteerPhoto
from redband_desktop.documents.card_types import CardDesign, CardFace
from redband_desktop.domain.cards import (
    new_private_key_pem,
    public_key_pem,
    sign_payload,
    station_code,
)
from redband_desktop.errors import Problem
from redband_desktop.services.cards.query import add_years
from redband_desktop.services.cards.types import CardSettings
from redband_desktop.services.shared.rules import clean_text
from redband_desktop.services.shared.settings import read_settings, write_setting
from redband_desktop.services.shared.values import checked_int, raise_problems

PRIVATE_KEY = "cards.private_key"
PUBLIC_KEY = "cards.public_key"
STATION_CODE = "cards.station_code"

_FIELDS = {  # CardSettings field -> settings key
    "validity_years": "cards.validity_years", "title": "cards.title", "duties": "cards.duties",
    "phone": "cards.phone", "return_text": "cards.return_text", "offset_x_mm": "cards.offset_x_mm",
    "offset_y_mm": "cards.offset_y_mm", "back_offset_x_mm": "cards.back_offset_x_mm",
    "back_offset_y_mm": "cards.back_offset_y_mm", "warn_days": "cards.warn_days",
}
_TEXT_LIMITS = {"title": 20, "duties": 200, "phone": 30, "return_text": 60}


def card_settings(values: dict[str, Any]) -> CardSettings:
    v = {field: values[key] for field, key in _FIELDS.items()}
    for name in ("offset_x_mm", "offset_y_mm", "back_offset_x_mm", "back_offset_y_mm"):
        v[name] = float(v[name])
    v["validity_years"], v["warn_days"] = int(v["validity_years"]), int(v["warn_days"])
    return CardSettings(**v)


def design_of(station_name: str, c: CardSettings) -> CardDesign:
    return CardDesign(
        station_name=station_name, title=c.title, duties=c.duties, phone=c.phone, return_text=c.return_text,
        offset_x_mm=c.offset_x_mm, offset_y_mm=c.offset_y_mm,
        back_offset_x_mm=c.back_offset_x_mm, back_offset_y_mm=c.back_offset_y_mm,
    )


def check_card_settings(new: CardSettings) -> CardSettings:
    """The settings with their texts cleaned (the duties keep their lines) and their
    numbers in range, or every problem."""
    problems: list[Problem] = []
    values: dict[str, Any] = {
        name: clean_text(getattr(new, name), name, limit, name == "title", name == "duties", problems)
        for name, limit in _TEXT_LIMITS.items()
    }
    values["validity_years"] = checked_int(new.validity_years, "validity_years", problems, 1, 10)
    values["warn_days"] = checked_int(new.warn_days, "warn_days", problems, 1, 365)
    for name in ("offset_x_mm", "offset_y_mm", "back_offset_x_mm", "back_offset_y_mm"):
        value = getattr(new, name)
        if isinstance(value, int | float) and not isinstance(value, bool) and -10 <= value <= 10:
            values[name] = float(value)  # NaN fails the comparison too
        else:
            problems.append(Problem(name, "out_of_range", {"low": -10, "high": 10}))
    raise_problems(problems)
    return replace(new, **values)


def save_card_settings(s: Session, new: CardSettings) -> dict[str, list[Any]]:
    new = check_card_settings(new)
    old = card_settings(read_settings(s))
    changes = {}
    for field, key in _FIELDS.items():
        before, after = getattr(old, field), getattr(new, field)
        if before != after:
            write_setting(s, key, after)
            changes[key] = [before, after]
    return changes


# -- keys -------------------------------------------------------------------------
def private_key(s: Session) -> str:
    """The station's private key, made (with its public key and code) on first use."""
    values = read_settings(s)
    if values.get(PRIVATE_KEY):
        return values[PRIVATE_KEY]
    pem = new_private_key_pem()
    public = public_key_pem(pem)
    write_setting(s, PRIVATE_KEY, pem)
    write_setting(s, PUBLIC_KEY, public)
    write_setting(s, STATION_CODE, station_code(public))
    s.flush()
    return pem


def public_key(s: Session) -> str:
    private_key(s)
    return read_settings(s)[PUBLIC_KEY]


# -- faces ------------------------------------------------------------------------
def card_faces(s: Session, cards: list[Card], values: dict[str, Any]) -> list[CardFace]:
    """What is printed on each card, photos included (read in one query)."""
    pem, code = values[PRIVATE_KEY], values[STATION_CODE]
    ids = [c.volunteer_id for c in cards]
    volunteers = {
        v.id: v for v in s.scalars(
            select(Volunteer).where(Volunteer.id.in_(ids))
            .options(selectinload(Volunteer.site).selectinload(Site.district))
        )
    }
    photos = dict(s.execute(select(VolunteerPhoto.volunteer_id, VolunteerPhoto.image)
                            .where(VolunteerPhoto.volunteer_id.in_(ids))).all())
    faces = []
    for c in cards:
        v = volunteers[c.volunteer_id]
        faces.append(CardFace(
            card_no=c.card_no, name=v.name, district=v.site.district.name, site=v.site.name, role=c.role,
            valid_until=chinese_date(c.valid_until), issued_on=chinese_date(c.issued_on),
            photo=photos.get(v.id), payload=sign_payload(pem, code, c.card_no, c.valid_until),
        ))
    return faces


def sample_card(today: date, validity_years: int) -> CardFace:
    """A made-up volunteer's card for the design preview, dated as a card printed today
    would be (the same validity rule as a print batch: `query.add_years`)."""
    until = add_years(today, validity_years)
    return CardFace(
        card_no=f"{today.year}-00001", name="欧阳明月", district="金家河片区", site="金家河小区",
        role="5栋楼栋长", valid_until=chinese_date(until), issued_on=chinese_date(today), photo=None,
        payload=f"RB1:AAAAAAAA:{today.year}-00001:{until:%Y%m%d}:" + "A" * 103,
    )


def chinese_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
