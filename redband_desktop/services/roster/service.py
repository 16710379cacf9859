"""The volunteer roster: search, add, edit, status changes, photos, revealing personal
data, and purging the personal data of people long gone.

People are never hard-deleted: a volunteer who stops serving is set to "left" with a
date and reason, and every status change is kept as history. Every change is checked
against the signed-in user's rights and written to the audit trail in the same
transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from redband_desktop.db.engine import Database
from redband_desktop.db.models import Site, Skill, StatusChange, VolunteerPhoto
from redband_desktop.db.models import Volunteer as VolunteerRow
from redband_desktop.domain.access import Action
from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.errors import NotFoundError, Problem, ValidationError
from redband_desktop.services.cards.service import revoke_cards_of
from redband_desktop.services.roster import query
from redband_desktop.services.roster.detail import detail, snapshot
from redband_desktop.services.roster.export import (
    TEXT_COLUMNS,
    VOLUNTEER_HEADERS,
    filter_words,
    station_name,
    volunteer_rows,
)
from redband_desktop.services.roster.rules import (
    CheckedForm,
    Lookups,
    PhotoCheck,
    check_form,
    check_photo,
)
from redband_desktop.services.roster.types import (
    REVEALABLE,
    RosterFilter,
    RosterRow,
    RosterSummary,
    Saved,
    SkillRow,
    Volunteer,
    VolunteerForm,
)
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import diff, export_summary, record
from redband_desktop.services.shared.exports import Export, export_title
from redband_desktop.services.shared.register import Found
from redband_desktop.services.shared.rules import check_version, clean_text
from redband_desktop.services.shared.values import checked_choice, checked_date, raise_problems

JOIN_REASON = "加入队伍"
# Up to this many matches a search keeps every matching id in order (one scan); above it
# (e.g. the first digits of an ID number match everyone) the database sorts a page.
ID_LIST_CAP = 3000


class RosterService:
    def __init__(self, db: Database, access: AccessControl, today: Callable[[], date] = date.today) -> None:
        self._db = db
        self._access = access
        self._today = today

    def can(self, action: Action, district_id: int | None = None) -> bool:
        """Whether the signed-in user may take `action` (the UI disables what they cannot)."""
        return self._access.can(action, district_id)

    # -- reading -----------------------------------------------------------------
    def search(self, f: RosterFilter, limit: int = 100) -> Found[RosterRow, RosterSummary]:
        """What a keystroke in the search box needs, in one read (see `shared.register`):
        the counts, the first page, and (while text is typed) every matching id in order,
        so further pages are fetched by id with `rows()`; without text, or with more
        matches than are worth listing, pages come from `page()`."""
        masked = self._access.require(Action.READ).masks_personal_data
        today = self._today()
        with self._db.read() as s:
            found = query.matching_ids(s, f, ID_LIST_CAP, masked) if f.text.strip() else None
            if found is None:  # no text, or so many matches that the database sorts them
                return Found(query.summary(s, f, masked), query.page(s, f, 0, limit, today, masked))
            summary, ids = found
            return Found(summary, query.rows_by_id(s, ids[:limit], today), tuple(ids))

    def rows(self, ids: Sequence[int]) -> list[RosterRow]:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return query.rows_by_id(s, list(ids), self._today())

    def page(self, f: RosterFilter, offset: int, limit: int) -> list[RosterRow]:
        masked = self._access.require(Action.READ).masks_personal_data
        with self._db.read() as s:
            return query.page(s, f, offset, limit, self._today(), masked)

    def export(self, f: RosterFilter, full: bool = False) -> Export:
        """The filtered roster in the page's order as an .xlsx workbook (masked unless
        `full`), recorded."""
        from redband_desktop.documents.xlsx import table_to_xlsx

        self._access.require(Action.EXPORT_FULL if full else Action.EXPORT)
        with self._db.write() as s:
            rows = volunteer_rows(s, f, full)
            title = export_title(station_name(s), "志愿者花名册", filter_words(s, f), self._today())
            record(s, self._access, "export", "volunteer", "", summary=export_summary(len(rows), full))
        data = table_to_xlsx(list(VOLUNTEER_HEADERS), rows, "志愿者花名册", title=title, text_columns=TEXT_COLUMNS)
        return Export(data, len(rows), full)

    def get(self, volunteer_id: int) -> Volunteer:
        user = self._access.require(Action.READ)
        with self._db.read() as s:
            return detail(_load(s, volunteer_id), user.masks_personal_data)

    def reveal(self, volunteer_id: int, field: str, reason: str) -> str:
        """One full personal value, for a stated reason; the reveal is recorded."""
        self._access.require(Action.REVEAL)
        if field not in REVEALABLE:
            raise ValidationError.single("record", "invalid_choice", value=field)
        why = clean_text(reason, "reason", 100, required=True)
        with self._db.write() as s:
            row = _load(s, volunteer_id)
            record(s, self._access, "reveal", "volunteer", row.id, summary=f"{field}: {why}")
            return getattr(row, field)

    def thumbnails(self, ids: list[int]) -> dict[int, bytes]:
        self._access.require(Action.READ)
        q = select(VolunteerPhoto.volunteer_id, VolunteerPhoto.thumbnail).where(VolunteerPhoto.volunteer_id.in_(ids))
        with self._db.read() as s:
            return {vid: thumb for vid, thumb in s.execute(q)}

    def photo(self, volunteer_id: int) -> bytes | None:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return s.scalar(select(VolunteerPhoto.image).where(VolunteerPhoto.volunteer_id == volunteer_id))

    def skills(self) -> list[SkillRow]:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return [SkillRow(k.id, k.name) for k in s.scalars(select(Skill).order_by(Skill.name))]

    # -- writing -----------------------------------------------------------------
    def create(self, form: VolunteerForm) -> Saved:
        self._access.require(Action.EDIT)
        photo = check_photo(form)  # before the write lock: Pillow is slow
        with self._db.write() as s:
            checked = check_form(s, form, None, self._today(), photo)
            self._access.require(Action.EDIT, _district_of(s, checked.values["site_id"]))
            row = VolunteerRow(status=VolunteerStatus.ACTIVE.value, status_since=checked.values["joined_on"])
            _apply(row, checked, form)
            row.status_history.append(StatusChange(old_status=None, new_status=row.status,
                                                   changed_on=row.joined_on, reason=JOIN_REASON))
            s.add(row)
            s.flush()
            record(s, self._access, "create", "volunteer", row.id, diff({}, snapshot(row)), row.name)
            return Saved(detail(_load(s, row.id), False), checked.warnings)

    def update(self, volunteer_id: int, version: int, form: VolunteerForm) -> Saved:
        self._access.require(Action.EDIT)
        photo = check_photo(form)  # before the write lock: Pillow is slow
        with self._db.write() as s:
            row = _load(s, volunteer_id)
            self._access.require(Action.EDIT, _district_of(s, row.site_id))
            check_version(row, version, s, "volunteer")
            checked = check_form(s, form, row, self._today(), photo)
            self._access.require(Action.EDIT, _district_of(s, checked.values["site_id"]))
            before = snapshot(row)
            _apply(row, checked, form)
            s.flush()
            changes = diff(before, snapshot(row))
            if checked.portrait is not None or form.remove_photo:
                changes["photo"] = ["", "removed" if form.remove_photo else "new photo"]
            record(s, self._access, "update", "volunteer", row.id, changes, row.name)
            return Saved(detail(_load(s, row.id), False), checked.warnings)

    def change_status(self, volunteer_id: int, version: int, new_status: str, on: date, reason: str) -> Volunteer:
        """Suspend, mark as left, or reactivate, keeping the change in the history."""
        self._access.require(Action.CHANGE_STATUS)
        with self._db.write() as s:
            row = _load(s, volunteer_id)
            self._access.require(Action.CHANGE_STATUS, _district_of(s, row.site_id))
            check_version(row, version, s, "volunteer")
            status, on, why = _check_status_change(row, new_status, on, reason, self._today())
            row.status_history.append(StatusChange(old_status=row.status, new_status=status.value,
                                                   changed_on=on, reason=why))
            changes = {"status": [row.status, status.value], "status_since": [row.status_since, on]}
            row.status, row.status_since = status.value, on
            s.flush()
            record(s, self._access, "status", "volunteer", row.id, changes, f"{row.name}: {why}")
            if status is VolunteerStatus.LEFT:  # a volunteer who leaves keeps no valid card
                revoke_cards_of(s, self._access, row.id, on, why)
            return detail(_load(s, row.id), False)


# -- for the importer (services/importing): the same rules and the same writing ----------


def check_volunteer(session: Session, form: VolunteerForm, current: VolunteerRow | None, today: date,
                    lookups: Lookups | None = None) -> CheckedForm:
    """The volunteer form's rules (`check_form`) for a form without a photo."""
    return check_form(session, form, current, today, PhotoCheck(), lookups)


def write_volunteer(session: Session, checked: CheckedForm, current: VolunteerRow | None) -> VolunteerRow:
    """Add a volunteer from a checked form (joining on its date, as `create` does), or
    apply it to `current`. No audit entry: the caller records what it did."""
    if current is None:
        row = VolunteerRow(status=VolunteerStatus.ACTIVE.value, status_since=checked.values["joined_on"])
        _apply(row, checked, VolunteerForm())
        row.status_history.append(StatusChange(old_status=None, new_status=row.status,
                                               changed_on=row.joined_on, reason=JOIN_REASON))
        session.add(row)
        return row
    for key, value in checked.values.items():  # the import leaves skills and photo alone
        setattr(current, key, value)
    return current


def _district_of(s: Session, site_id: int) -> int:
    return s.scalar(select(Site.district_id).where(Site.id == site_id))


def _check_status_change(row: VolunteerRow, new_status: object, on: object, reason: object,
                         today: date) -> tuple[VolunteerStatus, date, str]:
    """The new status, its date and the reason cleaned, or every problem with them."""
    problems: list[Problem] = []
    status = checked_choice(new_status, VolunteerStatus, "status", problems)
    if status is not None and row.status == status.value:
        problems.append(Problem("status", "status_unchanged", {"status": status.zh}))
    why = clean_text(reason, "reason", 200, problems=problems)
    if not why:
        problems.append(Problem("reason", "reason_required"))
    day = checked_date(on, "status_date", problems, today, late_code="date_in_future")
    if on is None:
        problems.append(Problem("status_date", "required"))
    elif day is not None and day < row.status_since:
        problems.append(Problem("status_date", "date_before", {"other": row.status_since.isoformat()}))
    raise_problems(problems)
    return status, day, why


def _apply(row: VolunteerRow, checked: CheckedForm, form: VolunteerForm) -> None:
    for key, value in checked.values.items():
        setattr(row, key, value)
    row.skills = checked.skills
    if checked.portrait is not None:
        if row.photo is None:
            row.photo = VolunteerPhoto(image=checked.portrait.image, thumbnail=checked.portrait.thumbnail)
        else:
            row.photo.image, row.photo.thumbnail = checked.portrait.image, checked.portrait.thumbnail
    elif form.remove_photo:
        row.photo = None


def _load(session: Session, volunteer_id: int) -> VolunteerRow:
    row = session.get(
        VolunteerRow, volunteer_id,
        options=[selectinload(VolunteerRow.skills), selectinload(VolunteerRow.status_history)],
    )
    if row is None:
        raise NotFoundError(what="志愿者", id=volunteer_id)
    return row
