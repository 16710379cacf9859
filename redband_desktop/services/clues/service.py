"""Clue reports (线索上报): record what a volunteer reported, take it through the flow
(verify → transfer or close, linking the incident it led to), tell the volunteer what
came of it, keep its photos, search the reports with totals and export them to Excel.

Every action checks the signed-in user's rights first (changes: the clue's district) and
writes its audit entry in the same transaction; a wrong field or a step the clue's status
does not allow is refused with a field-level problem and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.engine import Database
from redband_desktop.db.models import District, Incident, Site, Volunteer
from redband_desktop.db.models.base import now
from redband_desktop.db.models.clues import Clue, ClueAttachment
from redband_desktop.domain.access import Action
from redband_desktop.domain.attachments import Picture, make_picture
from redband_desktop.domain.clues import ClueStatus, ClueStep
from redband_desktop.errors import ValidationError
from redband_desktop.services.clues.export import EXPORT_HEADERS, export_rows
from redband_desktop.services.clues.query import (
    figures,
    filtered,
    matching_ids,
    rows_by_id,
    rows_of_volunteer,
    summary,
)
from redband_desktop.services.clues.rules import (
    allocate_number,
    check_step,
    checked_form,
    closing_problems,
)
from redband_desktop.services.clues.types import (
    AttachmentInfo,
    ClueDetail,
    ClueFilter,
    ClueForm,
    ClueRow,
    ClueSummary,
)
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import diff, export_summary, record
from redband_desktop.services.shared.exports import Export
from redband_desktop.services.shared.register import Found
from redband_desktop.services.shared.rules import check_version, clean_text, fetch

FORM_FIELDS = tuple(ClueForm.__dataclass_fields__)
FLOW_FIELDS = ("status", "verified_at", "verified_by", "verify_note", "transferred_at", "transferred_to",
               "closed_at", "closing", "incident_id", "feedback", "feedback_at")
MAX_ATTACHMENTS = 9


class ClueService:
    def __init__(self, db: Database, access: AccessControl) -> None:
        self._db = db
        self._access = access

    # -- recording -----------------------------------------------------------------
    def create(self, form: ClueForm, photos: Sequence[bytes] = ()) -> ClueDetail:
        """Record a clue (status "received") with its photos, all or nothing."""
        self._access.require(Action.EDIT, form.district_id)
        pictures = _pictures(photos)
        _check_count(len(pictures))
        with self._db.write() as s:
            clean = checked_form(s, form, now())
            row = Clue(number=allocate_number(s, clean.reported_at.year), status=ClueStatus.RECEIVED,
                       **{k: getattr(clean, k) for k in FORM_FIELDS})
            row.attachments = [_attachment(p) for p in pictures]
            s.add(row)
            s.flush()
            record(s, self._access, "create", "clue", row.id, diff({}, _snapshot(row)), row.number)
            return _detail(s, row)

    def update(self, clue_id: int, version: int, form: ClueForm, add_photos: Sequence[bytes] = (),
               remove_attachments: Sequence[int] = ()) -> ClueDetail:
        """Save an edited clue; photos added or removed in the dialog go in the same transaction."""
        self._access.require(Action.EDIT, form.district_id)
        pictures = _pictures(add_photos)
        with self._db.write() as s:
            row = fetch(s, Clue, clue_id)
            self._access.require(Action.EDIT, row.district_id)
            check_version(row, version, s, "clue")
            clean = checked_form(s, form, now())
            kept = [a for a in row.attachments if a.id not in set(remove_attachments)]
            _check_count(len(kept) + len(pictures))
            before = _snapshot(row)
            for k in FORM_FIELDS:
                setattr(row, k, getattr(clean, k))
            if len(kept) != len(row.attachments) or pictures:
                row.attachments = kept + [_attachment(p) for p in pictures]
            s.flush()
            changes = diff(before, _snapshot(row))
            if changes:
                record(s, self._access, "update", "clue", row.id, changes, row.number)
            return _detail(s, row)

    def get(self, clue_id: int) -> ClueDetail:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return _detail(s, fetch(s, Clue, clue_id))

    # -- the flow --------------------------------------------------------------------
    def verify(self, clue_id: int, version: int, note: str = "") -> ClueDetail:
        """Received → verified, by the signed-in user, with what the check found."""
        text = clean_text(note, "verify_note", 1000, multiline=True)
        return self._step(clue_id, version, ClueStep.VERIFY, lambda row, _s, who: _set(
            row, status=ClueStatus.VERIFIED, verified_at=now(), verified_by=who, verify_note=text))

    def transfer(self, clue_id: int, version: int, to_whom: str) -> ClueDetail:
        """Verified → transferred to another unit or officer (named, required)."""
        target = clean_text(to_whom, "transferred_to", 100, required=True)
        return self._step(clue_id, version, ClueStep.TRANSFER, lambda row, _s, _who: _set(
            row, status=ClueStatus.TRANSFERRED, transferred_at=now(), transferred_to=target))

    def close(self, clue_id: int, version: int, closing: str, incident_id: int | None = None) -> ClueDetail:
        """Verified or transferred → closed: no action, useful, or led to an incident
        (which must then be named, and exist)."""
        def apply(row: Clue, s: Session, _who: str) -> None:
            problems = closing_problems(s, closing, incident_id)
            if problems:
                raise ValidationError(problems)
            _set(row, status=ClueStatus.CLOSED, closed_at=now(), closing=closing, incident_id=incident_id)

        return self._step(clue_id, version, ClueStep.CLOSE, apply)

    def record_feedback(self, clue_id: int, version: int, feedback: str) -> ClueDetail:
        """What the volunteer was told came of their clue (once transferred or closed)."""
        text = clean_text(feedback, "feedback", 1000, required=True, multiline=True)
        return self._step(clue_id, version, ClueStep.FEEDBACK, lambda row, _s, _who: _set(
            row, feedback=text, feedback_at=now()))

    def _step(self, clue_id: int, version: int, step: ClueStep, apply) -> ClueDetail:  # noqa: ANN001
        with self._db.write() as s:
            row = fetch(s, Clue, clue_id)
            user = self._access.require(Action.EDIT, row.district_id)
            check_version(row, version, s, "clue")
            check_step(row, step)
            before = _snapshot(row)
            apply(row, s, user.display_name or user.username)
            s.flush()
            action = "update" if step is ClueStep.FEEDBACK else "status"
            record(s, self._access, action, "clue", row.id, diff(before, _snapshot(row)), f"{row.number}: {step.zh}")
            return _detail(s, row)

    # -- photos ------------------------------------------------------------------------
    def add_attachment(self, clue_id: int, data: bytes) -> ClueDetail:
        picture = make_picture(data)
        with self._db.write() as s:
            row = fetch(s, Clue, clue_id)
            self._access.require(Action.EDIT, row.district_id)
            _check_count(len(row.attachments) + 1)
            added = _attachment(picture)
            row.attachments.append(added)
            s.flush()
            record(s, self._access, "attach", "clue", row.id, {"attachments": [None, added.id]},
                   f"{row.number}: +照片 #{added.id}")
            return _detail(s, row)

    def remove_attachment(self, attachment_id: int) -> ClueDetail:
        with self._db.write() as s:
            photo = fetch(s, ClueAttachment, attachment_id)
            row = photo.clue
            self._access.require(Action.EDIT, row.district_id)
            row.attachments.remove(photo)
            s.flush()
            record(s, self._access, "detach", "clue", row.id, {"attachments": [attachment_id, None]},
                   f"{row.number}: −照片 #{attachment_id}")
            return _detail(s, row)

    def attachment(self, attachment_id: int) -> bytes:
        """The stored JPEG of one photo (for viewing it full size)."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            return fetch(s, ClueAttachment, attachment_id).image

    # -- the list ----------------------------------------------------------------------
    def search(self, f: ClueFilter, limit: int = 100) -> Found[ClueRow, ClueSummary]:
        """The list's totals, every matching id in order and the first `limit` rows, in
        one read (see `shared.register`)."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            ids = matching_ids(s, f)
            return Found(summary(s, f), rows_by_id(s, ids[:limit]), tuple(ids))

    def rows(self, ids: list[int]) -> list[ClueRow]:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return rows_by_id(s, ids)

    def for_volunteer(self, volunteer_id: int) -> list[ClueRow]:
        """Every clue a volunteer reported, newest first (for their page in the roster)."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            return rows_of_volunteer(s, volunteer_id)

    def figures(self) -> dict:
        """The "clues" key of `redband stats --json`."""
        self._access.require(Action.STATS)
        with self._db.read() as s:
            return figures(s)

    def export(self, f: ClueFilter, full: bool = False) -> Export:
        """The filtered clues as an .xlsx workbook (reporters' phones masked unless `full`)."""
        from redband_desktop.documents.xlsx import table_to_xlsx

        self._access.require(Action.EXPORT_FULL if full else Action.EXPORT)
        with self._db.write() as s:
            rows = export_rows(s, filtered, f, full)
            record(s, self._access, "export", "clue", "", summary=export_summary(len(rows), full))
        return Export(table_to_xlsx(list(EXPORT_HEADERS), rows, "线索上报"), len(rows), full)


def _pictures(photos: Sequence[bytes]) -> list[Picture]:
    """Photos decoded and scaled before the write transaction starts (Pillow is slow)."""
    return [make_picture(data) for data in photos]


def _check_count(n: int) -> None:
    if n > MAX_ATTACHMENTS:
        raise ValidationError.single("attachments", "too_many_attachments", max=MAX_ATTACHMENTS)


def _attachment(p: Picture) -> ClueAttachment:
    return ClueAttachment(image=p.image, thumbnail=p.thumbnail, width=p.width, height=p.height, added_at=now())


def _set(row: Clue, **values: object) -> None:
    for k, v in values.items():
        setattr(row, k, v)


def _snapshot(row: Clue) -> dict:
    out = {k: getattr(row, k) for k in (*FORM_FIELDS, *FLOW_FIELDS)}
    out["attachments"] = len(row.attachments)
    return out


def _detail(s: Session, row: Clue) -> ClueDetail:
    site = s.get(Site, row.site_id) if row.site_id else None
    incident = s.scalar(select(Incident.number).where(Incident.id == row.incident_id)) if row.incident_id else ""
    photos = tuple(AttachmentInfo(a.id, a.thumbnail, a.width, a.height, len(a.image), a.added_at)
                   for a in row.attachments)
    return ClueDetail(
        row.id, row.number, row.version, ClueForm(**{k: getattr(row, k) for k in FORM_FIELDS}), row.status,
        s.get(Volunteer, row.reporter_id).name, s.get(District, row.district_id).name, site.name if site else "",
        row.verified_at, row.verified_by, row.verify_note, row.transferred_at, row.transferred_to, row.closed_at,
        row.closing, row.incident_id, incident or "", row.feedback, row.feedback_at, photos,
    )


