"""Turning a volunteer row into the `Volunteer` record a form shows, masked as the
signed-in user's rights require, and into the plain snapshot the audit trail compares."""

from __future__ import annotations

from typing import Any

from redband_desktop.db.models import StatusChange
from redband_desktop.db.models import Volunteer as VolunteerRow
from redband_desktop.domain.enums import (
    Background,
    Gender,
    PoliticalStatus,
    SiteKind,
    VolunteerStatus,
)
from redband_desktop.domain.idnumber import mask_id_number
from redband_desktop.domain.phone import mask_phone
from redband_desktop.services.roster.types import StatusEntry, Volunteer

MASKED_TEXT = "＊＊＊"
AUDITED = (
    "name", "gender", "id_number", "birth_date", "phone", "address", "political_status",
    "background", "site_id", "building_id", "zone_id", "joined_on", "in_wechat_group",
    "emergency_name", "emergency_phone", "notes",
)


def detail(v: VolunteerRow, mask_all: bool) -> Volunteer:
    """The record for a form. The ID number is always masked (revealing it is a
    recorded action); viewers also get phones and the address masked."""
    place = v.building.label if v.building else (v.zone.name if v.zone else "")

    def personal(value: str, masker=mask_phone) -> str:  # noqa: ANN001
        return masker(value) if mask_all and value else value

    return Volunteer(
        id=v.id, version=v.version, name=v.name, gender=Gender(v.gender),
        id_number=mask_id_number(v.id_number), birth_date=v.birth_date,
        phone=personal(v.phone), address=personal(v.address, lambda _a: MASKED_TEXT),
        political_status=PoliticalStatus(v.political_status), background=Background(v.background),
        district_id=v.site.district_id, district=v.site.district.name, site_id=v.site_id,
        site=v.site.name, site_kind=SiteKind(v.site.kind), building_id=v.building_id,
        zone_id=v.zone_id, place=place, joined_on=v.joined_on, status=VolunteerStatus(v.status),
        status_since=v.status_since, in_wechat_group=v.in_wechat_group,
        emergency_name=v.emergency_name, emergency_phone=personal(v.emergency_phone),
        notes=v.notes, skill_ids=tuple(k.id for k in v.skills), skills=tuple(k.name for k in v.skills),
        has_photo=v.photo is not None, history=tuple(_entry(h) for h in v.status_history),
        created_at=v.created_at, updated_at=v.updated_at, masked=mask_all, volunteer_no=v.volunteer_no,
    )


def snapshot(v: VolunteerRow) -> dict[str, Any]:
    """Audited fields with personal numbers masked (the trail must not leak them)."""
    values = {k: getattr(v, k) for k in AUDITED}
    values["id_number"] = mask_id_number(values["id_number"]) if values["id_number"] else ""
    for key in ("phone", "emergency_phone"):
        values[key] = mask_phone(values[key]) if values[key] else ""
    values["skills"] = ",".join(sorted(k.name for k in v.skills))
    return values


def _entry(h: StatusChange) -> StatusEntry:
    return StatusEntry(
        old_status=VolunteerStatus(h.old_status) if h.old_status else None,
        new_status=VolunteerStatus(h.new_status), changed_on=h.changed_on, reason=h.reason,
        recorded_at=h.recorded_at,
    )
