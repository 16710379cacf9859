"""The volunteer roster: search, add, edit, status changes, photos.

People are never hard-deleted: a volunteer who stops serving is set to "left" with a
date and reason, and every status change is kept as history.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from redband_desktop.db.engine import Database
from redband_desktop.db.models import Skill, StatusChange, VolunteerPhoto
from redband_desktop.db.models import Volunteer as VolunteerRow
from redband_desktop.domain.enums import (
    Background,
    Gender,
    PoliticalStatus,
    SiteKind,
    VolunteerStatus,
)
from redband_desktop.errors import NotFoundError, Problem, ValidationError
from redband_desktop.services import roster_query
from redband_desktop.services.roster_form import CheckedForm, check_form
from redband_desktop.services.roster_types import (
    RosterFilter,
    RosterRow,
    RosterSummary,
    Saved,
    SkillRow,
    StatusEntry,
    Volunteer,
    VolunteerForm,
)
from redband_desktop.services.rules import check_version

JOIN_REASON = "加入队伍"


class RosterService:
    def __init__(self, db: Database, today: Callable[[], date] = date.today) -> None:
        self._db = db
        self._today = today

    # -- reading -----------------------------------------------------------------
    def summary(self, f: RosterFilter) -> RosterSummary:
        with self._db.read() as s:
            return roster_query.summary(s, f)

    def page(self, f: RosterFilter, offset: int, limit: int) -> list[RosterRow]:
        with self._db.read() as s:
            return roster_query.page(s, f, offset, limit, self._today())

    def get(self, volunteer_id: int) -> Volunteer:
        with self._db.read() as s:
            return _detail(_load(s, volunteer_id))

    def thumbnails(self, ids: list[int]) -> dict[int, bytes]:
        q = select(VolunteerPhoto.volunteer_id, VolunteerPhoto.thumbnail).where(
            VolunteerPhoto.volunteer_id.in_(ids)
        )
        with self._db.read() as s:
            return {vid: thumb for vid, thumb in s.execute(q)}

    def photo(self, volunteer_id: int) -> bytes | None:
        with self._db.read() as s:
            return s.scalar(
                select(VolunteerPhoto.image).where(VolunteerPhoto.volunteer_id == volunteer_id)
            )

    def skills(self) -> list[SkillRow]:
        with self._db.read() as s:
            return [SkillRow(k.id, k.name) for k in s.scalars(select(Skill).order_by(Skill.name))]

    # -- writing -----------------------------------------------------------------
    def create(self, form: VolunteerForm) -> Saved:
        today = self._today()
        with self._db.write() as s:
            checked = check_form(s, form, None, today)
            row = VolunteerRow(
                status=VolunteerStatus.ACTIVE.value, status_since=checked.values["joined_on"]
            )
            _apply(row, checked, form)
            row.status_history.append(
                StatusChange(
                    old_status=None,
                    new_status=row.status,
                    changed_on=row.joined_on,
                    reason=JOIN_REASON,
                )
            )
            s.add(row)
            s.flush()
            return Saved(_detail(_load(s, row.id)), checked.warnings)

    def update(self, volunteer_id: int, version: int, form: VolunteerForm) -> Saved:
        today = self._today()
        with self._db.write() as s:
            row = _load(s, volunteer_id)
            check_version(row, version)
            checked = check_form(s, form, volunteer_id, today)
            _apply(row, checked, form)
            s.flush()
            return Saved(_detail(_load(s, row.id)), checked.warnings)

    def change_status(
        self, volunteer_id: int, version: int, new_status: str, on: date, reason: str
    ) -> Volunteer:
        """Suspend, mark as left, or reactivate, keeping the change in the history."""
        status = VolunteerStatus(new_status)
        with self._db.write() as s:
            row = _load(s, volunteer_id)
            check_version(row, version)
            _check_status_change(row, status, on, reason, self._today())
            row.status_history.append(
                StatusChange(
                    old_status=row.status,
                    new_status=status.value,
                    changed_on=on,
                    reason=" ".join(reason.split()),
                )
            )
            row.status, row.status_since = status.value, on
            s.flush()
            return _detail(_load(s, row.id))


def _check_status_change(
    row: VolunteerRow, status: VolunteerStatus, on: date, reason: str, today: date
) -> None:
    problems = []
    if row.status == status.value:
        problems.append(Problem("status", "status_unchanged", {"status": status.zh}))
    if not reason.strip():
        problems.append(Problem("reason", "reason_required"))
    if on > today:
        problems.append(Problem("status_date", "date_in_future"))
    elif on < row.status_since:
        problems.append(
            Problem("status_date", "date_before", {"other": row.status_since.isoformat()})
        )
    if problems:
        raise ValidationError(problems)


def _apply(row: VolunteerRow, checked: CheckedForm, form: VolunteerForm) -> None:
    for key, value in checked.values.items():
        setattr(row, key, value)
    row.skills = checked.skills
    if checked.portrait is not None:
        if row.photo is None:
            row.photo = VolunteerPhoto(
                image=checked.portrait.image, thumbnail=checked.portrait.thumbnail
            )
        else:
            row.photo.image, row.photo.thumbnail = (
                checked.portrait.image,
                checked.portrait.thumbnail,
            )
    elif form.remove_photo:
        row.photo = None


def _load(session: Session, volunteer_id: int) -> VolunteerRow:
    row = session.get(
        VolunteerRow,
        volunteer_id,
        options=[selectinload(VolunteerRow.skills), selectinload(VolunteerRow.status_history)],
    )
    if row is None:
        raise NotFoundError(what="志愿者", id=volunteer_id)
    return row


def _detail(v: VolunteerRow) -> Volunteer:
    place = v.building.label if v.building else (v.zone.name if v.zone else "")
    return Volunteer(
        id=v.id,
        version=v.version,
        name=v.name,
        gender=Gender(v.gender),
        id_number=v.id_number,
        birth_date=v.birth_date,
        phone=v.phone,
        address=v.address,
        political_status=PoliticalStatus(v.political_status),
        background=Background(v.background),
        district_id=v.site.district_id,
        district=v.site.district.name,
        site_id=v.site_id,
        site=v.site.name,
        site_kind=SiteKind(v.site.kind),
        building_id=v.building_id,
        zone_id=v.zone_id,
        place=place,
        joined_on=v.joined_on,
        status=VolunteerStatus(v.status),
        status_since=v.status_since,
        in_wechat_group=v.in_wechat_group,
        emergency_name=v.emergency_name,
        emergency_phone=v.emergency_phone,
        notes=v.notes,
        skill_ids=tuple(k.id for k in v.skills),
        skills=tuple(k.name for k in v.skills),
        has_photo=v.photo is not None,
        history=tuple(_entry(h) for h in v.status_history),
        created_at=v.created_at,
        updated_at=v.updated_at,
    )


def _entry(h: StatusChange) -> StatusEntry:
    return StatusEntry(
        old_status=VolunteerStatus(h.old_status) if h.old_status else None,
        new_status=VolunteerStatus(h.new_status),
        changed_on=h.changed_on,
        reason=h.reason,
        recorded_at=h.recorded_at,
    )
