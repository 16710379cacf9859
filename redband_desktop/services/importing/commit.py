"""Writing a previewed import: the planned places first, then every chosen row, all in the
caller's one transaction (a failure or a kill at any moment leaves nothing of it).

What another PC may have changed since the preview is checked again here, inside the
write lock: an ID number the preview found free is taken now, or a record it compared was
edited since. Either refuses the whole import ("preview again"), never half of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Building, District, MarketZone, Site
from redband_desktop.db.models import Volunteer as VolunteerRow
from redband_desktop.domain.access import Action
from redband_desktop.domain.phone import mask_phone
from redband_desktop.errors import ConflictError, ValidationError
from redband_desktop.services.importing.places import PlaceBook
from redband_desktop.services.importing.rights import DistrictRights
from redband_desktop.services.importing.roster import CHUNK, RosterPlan
from redband_desktop.services.roster.service import write_volunteer
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import record
from redband_desktop.services.shared.rules import clean_text, require_unique_name

Progress = Callable[[int, int], bool]
_PLACE_COLUMNS = ("site_id", "building_id", "zone_id")


def create_planned(s: Session, access: AccessControl, book: PlaceBook, used: set[int]) -> dict[int, int]:
    """Create the planned districts, sites, buildings and zones (in that order) that the
    rows written use (`used`: their negative ids); returns planned id → real id."""
    ids: dict[int, int] = {}
    for planned in book.planned:
        if planned.id not in _with_parents(book, used):
            continue
        real = _create(s, access, planned, ids)
        s.flush()
        ids[planned.id] = real.id
        entity = {District: "district", Site: "site", Building: "building", MarketZone: "zone"}[type(planned)]
        label = getattr(real, "name", None) or real.label
        record(s, access, "create", entity, real.id, {"name": [None, label]}, f"导入：{label}")
    return ids


def _with_parents(book: PlaceBook, used: set[int]) -> set[int]:
    out = set(used)
    for planned in reversed(book.planned):  # places, then their sites, then districts
        if planned.id in out:
            parent = getattr(planned, "site_id", None) if not isinstance(planned, Site) else planned.district_id
            if parent is not None and parent < 0:
                out.add(parent)
    return out


def _create(s: Session, access: AccessControl, planned: Any, ids: dict[int, int]) -> Any:
    if isinstance(planned, District):
        access.require(Action.STRUCTURE)
        name = clean_text(planned.name, "district_id", 40, required=True)
        require_unique_name(s, District, name)
        order = (s.scalar(select(func.max(District.sort_order))) or 0) + 1
        real: Any = District(name=name, sort_order=order)
    elif isinstance(planned, Site):
        district_id = ids.get(planned.district_id, planned.district_id)
        access.require(Action.EDIT, district_id)
        name = clean_text(planned.name, "site_id", 60, required=True)
        require_unique_name(s, Site, name)
        real = Site(district_id=district_id, kind=planned.kind, name=name)
    elif isinstance(planned, Building):
        site_id = ids.get(planned.site_id, planned.site_id)
        label = clean_text(planned.label, "building_id", 30, required=True)
        _require_still_new(s, Building, site_id, Building.label == label)
        real = Building(site_id=site_id, label=label)
    else:
        site_id = ids.get(planned.site_id, planned.site_id)
        name = clean_text(planned.name, "zone_id", 40, required=True)
        _require_still_new(s, MarketZone, site_id, MarketZone.name == name)
        real = MarketZone(site_id=site_id, name=name)
    s.add(real)
    return real


def _require_still_new(s: Session, model: Any, site_id: int, same: Any) -> None:
    """A building or zone the preview planned to create was added meanwhile (another PC,
    or this preview imported once already): the whole import is refused, to preview again."""
    if s.scalar(select(func.count()).select_from(model).where(model.site_id == site_id, same)):
        raise ConflictError("import_stale", count=1)


def commit_roster(s: Session, access: AccessControl, plan: RosterPlan, file_name: str,
                  progress: Progress | None = None) -> tuple[int, int, int]:
    """Write the plan; returns (new, updated, places created)."""
    used = {v for p in plan.rows for k in _PLACE_COLUMNS if (v := p[1].values.get(k)) is not None and v < 0}
    ids = create_planned(s, access, plan.book, used)
    new = [p for p in plan.rows if p[2] is None]
    updates = [p for p in plan.rows if p[2] is not None]
    _check_still_free(s, [p[1].values["id_number"] for p in new])
    current = _current(s, updates)
    total, districts, rights = len(plan.rows), {}, DistrictRights(access)
    for i, (_row, checked, vid, _version, changes) in enumerate(plan.rows):
        if progress is not None and i % 200 == 0 and not progress(i, total):
            raise ValidationError.single("file", "cancelled")
        values = {k: ids.get(v, v) if k in _PLACE_COLUMNS and v is not None else v for k, v in checked.values.items()}
        site_id = values["site_id"]
        if site_id not in districts:
            districts[site_id] = s.scalar(select(Site.district_id).where(Site.id == site_id))
        rights.require(Action.EDIT, districts[site_id])
        row = write_volunteer(s, replace(checked, values=values), current.get(vid) if vid else None)
        if vid is not None:
            record(s, access, "update", "volunteer", vid, _audited(changes), f"{row.name}（导入 {file_name}）")
    if progress is not None and not progress(total, total):  # Cancel up to the very commit
        raise ValidationError.single("file", "cancelled")
    s.flush()
    record(s, access, "import", "import", "", {"file": [None, file_name], "new": [None, len(new)],
                                               "update": [None, len(updates)], "places": [None, len(ids)]},
           f"导入花名册 {file_name}：新增 {len(new)} 人，更新 {len(updates)} 人")
    return len(new), len(updates), len(ids)


def _check_still_free(s: Session, numbers: list[str]) -> None:
    for start in range(0, len(numbers), CHUNK):
        taken = s.scalar(select(func.count()).where(VolunteerRow.id_number.in_(numbers[start:start + CHUNK])))
        if taken:
            raise ConflictError("import_stale", count=taken)


def _current(s: Session, updates: list) -> dict[int, VolunteerRow]:
    wanted = {p[2]: p[3] for p in updates}
    found: dict[int, VolunteerRow] = {}
    keys = list(wanted)
    for start in range(0, len(keys), CHUNK):
        for v in s.scalars(select(VolunteerRow).where(VolunteerRow.id.in_(keys[start:start + CHUNK]))):
            found[v.id] = v
    stale = sum(1 for vid, version in wanted.items() if vid not in found or found[vid].version != version)
    if stale:
        raise ConflictError("import_stale", count=stale)
    return found


def _audited(changes: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Phones masked: the trail must not become a copy of the personal data."""
    return {k: [mask_phone(x) if k.endswith("phone") and x else x for x in pair] for k, pair in changes.items()}
