"""Activities (活动): record an outreach talk, a drill, a training, a visiting campaign or a
meeting with the volunteers who took part and each one's hours, edit or delete it, keep
its photos, search the activities with totals (activities, people, hours, audience) and
export them to Excel.

Every action checks the signed-in user's rights first — officers in their own district
(both the old and the new district of an edit), clerks record, viewers read — and writes
its audit entry in the same transaction; a wrong field is refused with a field-level
problem and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from redband_desktop.db.engine import Database
from redband_desktop.db.models import District, Incident, Site, Volunteer
from redband_desktop.db.models.activities import (
    Activity,
    ActivityIncident,
    ActivityParticipant,
    ActivityPhoto,
)
from redband_desktop.db.models.base import now
from redband_desktop.domain.access import Action
from redband_desktop.domain.activities import ActivityType
from redband_desktop.domain.attachments import Picture, make_picture
from redband_desktop.errors import ValidationError
from redband_desktop.services.activities.export import EXPORT_HEADERS, export_rows
from redband_desktop.services.activities.query import (
    filtered,
    matching_ids,
    rows_by_id,
    rows_of_volunteer,
    summary,
)
from redband_desktop.services.activities.rules import Checked, checked_form
from redband_desktop.services.activities.types import (
    ActivityDetail,
    ActivityFilter,
    ActivityForm,
    ActivityRow,
    ActivitySummary,
    AttachmentInfo,
    Participant,
    ParticipantInfo,
)
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import diff, export_summary, record
from redband_desktop.services.shared.exports import Export
from redband_desktop.services.shared.register import Found
from redband_desktop.services.shared.rules import check_version, fetch

COLUMNS = ("activity_type", "theme", "day", "starts_at", "ends_at", "district_id", "site_id", "building_id",
           "zone_id", "location", "organiser_kind", "organiser", "notes", "audience", "leaflets", "cases_note",
           "households", "needs_raised", "subject", "counts_as_training")
MAX_PHOTOS = 9


class ActivityService:
    def __init__(self, db: Database, access: AccessControl, today: Callable[[], date] = date.today) -> None:
        self._db = db
        self._access = access
        self._today = today

    # -- recording -----------------------------------------------------------------
    def create(self, form: ActivityForm, photos: Sequence[bytes] = ()) -> ActivityDetail:
        """Record an activity with its participants, cases and photos, all or nothing."""
        self._access.require(Action.EDIT, form.district_id)
        pictures = _pictures(photos)
        _check_count(len(pictures))
        with self._db.write() as s:
            checked = checked_form(s, form, self._today(), None)
            row = Activity()
            _apply(row, checked)
            row.photos = [_photo(p) for p in pictures]
            s.add(row)
            s.flush()
            record(s, self._access, "create", "activity", row.id, diff({}, _snapshot(s, row)), _label(row))
            return _detail(s, row)

    def update(self, activity_id: int, version: int, form: ActivityForm, add_photos: Sequence[bytes] = (),
               remove_photos: Sequence[int] = ()) -> ActivityDetail:
        """Save an edited activity; photos added or removed in the form go in the same transaction."""
        self._access.require(Action.EDIT, form.district_id)
        pictures = _pictures(add_photos)
        with self._db.write() as s:
            row = fetch(s, Activity, activity_id)
            self._access.require(Action.EDIT, row.district_id)
            check_version(row, version, s, "activity")
            already = frozenset(p.volunteer_id for p in row.participants)
            checked = checked_form(s, form, self._today(), row.id, already)
            kept = [p for p in row.photos if p.id not in set(remove_photos)]
            _check_count(len(kept) + len(pictures))
            before = _snapshot(s, row)
            _apply(row, checked)
            if len(kept) != len(row.photos) or pictures:
                row.photos = kept + [_photo(p) for p in pictures]
            flag_modified(row, "updated_at")  # participants alone changing still makes a new version
            s.flush()
            changes = diff(before, _snapshot(s, row))
            if changes:
                record(s, self._access, "update", "activity", row.id, changes, _label(row))
            return _detail(s, row)

    def delete(self, activity_id: int, version: int) -> None:
        """Remove an activity (with its participants' hours and photos); officers in their district."""
        with self._db.write() as s:
            row = fetch(s, Activity, activity_id)
            self._access.require(Action.DELETE, row.district_id)
            check_version(row, version, s, "activity")
            before = _snapshot(s, row)
            label = _label(row)
            s.delete(row)
            s.flush()
            record(s, self._access, "delete", "activity", activity_id, diff(before, {k: None for k in before}),
                   label)

    def get(self, activity_id: int) -> ActivityDetail:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return _detail(s, fetch(s, Activity, activity_id))

    def photo(self, photo_id: int) -> bytes:
        """The stored JPEG of one photo (for viewing it full size)."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            return fetch(s, ActivityPhoto, photo_id).image

    # -- the list ----------------------------------------------------------------------
    def search(self, f: ActivityFilter, limit: int = 100) -> Found[ActivityRow, ActivitySummary]:
        """The list's totals, every matching id in order and the first `limit` rows, in one read."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            ids = matching_ids(s, f)
            return Found(summary(s, f), rows_by_id(s, ids[:limit]), tuple(ids))

    def rows(self, ids: list[int]) -> list[ActivityRow]:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return rows_by_id(s, ids)

    def for_volunteer(self, volunteer_id: int, since: date | None = None) -> list[ActivityRow]:
        """The activities a volunteer took part in, newest first."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            return rows_of_volunteer(s, volunteer_id, since)

    def export(self, f: ActivityFilter) -> Export:
        """The filtered activities as an .xlsx workbook (names and volunteer numbers only)."""
        from redband_desktop.documents.xlsx import table_to_xlsx

        self._access.require(Action.EXPORT)
        with self._db.write() as s:
            rows = export_rows(s, filtered, f)
            record(s, self._access, "export", "activity", "", summary=export_summary(len(rows), False))
        return Export(table_to_xlsx(list(EXPORT_HEADERS), rows, "活动"), len(rows), False)


def _apply(row: Activity, checked: Checked) -> None:
    f = checked.form
    for name in COLUMNS:
        if name not in ("starts_at", "ends_at"):
            setattr(row, name, getattr(f, name))
    row.starts_at, row.ends_at = checked.starts_at, checked.ends_at
    current = {p.volunteer_id: p for p in row.participants}
    wanted = dict(checked.participants)
    row.participants = [_participant(current.get(vid), vid, minutes) for vid, minutes in wanted.items()]
    have = {c.incident_id: c for c in row.incidents}
    row.incidents = [have.get(i) or ActivityIncident(incident_id=i) for i in f.incident_ids]


def _participant(existing: ActivityParticipant | None, vid: int, minutes: int) -> ActivityParticipant:
    if existing is None:
        return ActivityParticipant(volunteer_id=vid, minutes=minutes)
    existing.minutes = minutes
    return existing


def _pictures(photos: Sequence[bytes]) -> list[Picture]:
    """Photos decoded and scaled before the write transaction starts (Pillow is slow)."""
    return [make_picture(data) for data in photos]


def _check_count(n: int) -> None:
    if n > MAX_PHOTOS:
        raise ValidationError.single("attachments", "too_many_attachments", max=MAX_PHOTOS)


def _photo(p: Picture) -> ActivityPhoto:
    return ActivityPhoto(image=p.image, thumbnail=p.thumbnail, width=p.width, height=p.height, added_at=now())


def _label(row: Activity) -> str:
    return f"{row.day:%Y-%m-%d} {ActivityType(row.activity_type).zh} {row.theme}".strip()


def _snapshot(s: Session, row: Activity) -> dict:
    out = {k: getattr(row, k) for k in COLUMNS}
    names = dict(s.execute(select(Volunteer.id, Volunteer.name).where(
        Volunteer.id.in_([p.volunteer_id for p in row.participants]))).all()) if row.participants else {}
    out["participants"] = "、".join(f"{names.get(p.volunteer_id, p.volunteer_id)} {p.minutes}′"
                                   for p in row.participants)
    out["incident_ids"] = sorted(c.incident_id for c in row.incidents)
    out["attachments"] = len(row.photos)
    return out


def _detail(s: Session, row: Activity) -> ActivityDetail:
    site = s.get(Site, row.site_id) if row.site_id else None
    people = {v.id: v for v in s.scalars(select(Volunteer).where(
        Volunteer.id.in_([p.volunteer_id for p in row.participants])))}
    participants = tuple(ParticipantInfo(p.volunteer_id, people[p.volunteer_id].name,
                                         people[p.volunteer_id].volunteer_no, p.minutes) for p in row.participants)
    ids = [c.incident_id for c in row.incidents]
    numbers = dict(s.execute(select(Incident.id, Incident.number).where(Incident.id.in_(ids))).all()) if ids else {}
    form = ActivityForm(
        **{k: getattr(row, k) for k in COLUMNS if k not in ("starts_at", "ends_at")},
        start_time=row.starts_at.time(), end_time=row.ends_at.time(),
        participants=tuple(Participant(p.volunteer_id, p.minutes) for p in row.participants),
        incident_ids=tuple(ids),
    )
    photos = tuple(AttachmentInfo(p.id, p.thumbnail, p.width, p.height, len(p.image), p.added_at)
                   for p in row.photos)
    return ActivityDetail(row.id, row.version, form, s.get(District, row.district_id).name,
                          site.name if site else "", participants,
                          tuple((i, numbers.get(i, "")) for i in ids), photos)
