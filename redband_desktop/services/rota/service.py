"""The duty rota (排班): shift templates for each place, the concrete shifts generated from
them for a period, who serves on each shift, the days without shifts, copying a day or
last week, and the week view (places × days, people assigned against people needed).

Every write checks the signed-in user's rights first (officers: the district of the
template or shift, before and after an edit) and writes its audit entry in the same
transaction; a wrong field is refused with a field-level problem and nothing is saved.
Putting a volunteer on a shift is refused when they no longer serve or already serve
elsewhere at that time (naming that shift); an expired card or a full shift only warns.
Attendance is recorded per shift; service hours come from attendance only. A shift's patrol
log links the clue reports and incidents raised on it.

The actions are here; what the service reads (the week and its printed 排班表, attendance,
hours, a volunteer's duty, the statistics' figures) is its base, `reading.RotaReading`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Site
from redband_desktop.db.models.base import now
from redband_desktop.db.models.rota import (
    Attendance,
    PatrolLog,
    Shift,
    ShiftAssignment,
    ShiftTemplate,
    SkippedDate,
)
from redband_desktop.domain.access import Action, Role
from redband_desktop.errors import PermissionDenied, Problem, ValidationError
from redband_desktop.services.rota.attendance import (
    check_window,
    checked_entries,
    shift_attendance,
    store,
)
from redband_desktop.services.rota.copying import Tally, copy_day
from redband_desktop.services.rota.generate import carry_edit, generate, open_future
from redband_desktop.services.rota.patrol import checked_log, logs_of
from redband_desktop.services.rota.query import Names, info, skipped_days
from redband_desktop.services.rota.reading import RotaReading
from redband_desktop.services.rota.rules import (
    assign_warnings,
    check_days,
    check_period,
    checked_template,
    checked_volunteer,
    clash,
    volunteer_problems,
)
from redband_desktop.services.rota.templates import snapshot, template_info, template_text, values
from redband_desktop.services.rota.types import (
    Assigned,
    AttendanceForm,
    Copied,
    Generated,
    PatrolLogForm,
    PatrolLogRow,
    ShiftAttendance,
    ShiftInfo,
    SkippedDay,
    TemplateForm,
    TemplateInfo,
    TemplateSaved,
    WeekFilter,
)
from redband_desktop.services.rota.wording import clash_problem, shift_text
from redband_desktop.services.shared.access import Actor
from redband_desktop.services.shared.audit_log import diff, record
from redband_desktop.services.shared.rules import check_version, clean_text, fetch
from redband_desktop.services.shared.settings import DAYS_BACK_KEY, read_settings
from redband_desktop.services.shared.values import checked_id, raise_problems


class RotaService(RotaReading):
    """The rota's actions; what it reads is `RotaReading`'s."""

    # -- templates -------------------------------------------------------------------
    def create_template(self, form: TemplateForm) -> TemplateInfo:
        self._access.require(Action.EDIT)
        with self._db.write() as s:
            clean, district = checked_template(s, form)
            self._access.require(Action.EDIT, district)
            row = ShiftTemplate(district_id=district, active=True, **values(clean))
            s.add(row)
            s.flush()
            result = template_info(s, row)
            record(s, self._access, "create", "shift_template", row.id, diff({}, snapshot(row)),
                   template_text(result))
            return result

    def update_template(self, template_id: int, version: int, form: TemplateForm) -> TemplateSaved:
        """Save an edited template; its future shifts nobody is on follow the edit, every
        other shift keeps what it was planned with."""
        self._access.require(Action.EDIT)
        with self._db.write() as s:
            row = fetch(s, ShiftTemplate, template_id)
            clean, district = checked_template(s, form)
            self._access.require_move(Action.EDIT, row.district_id, district)
            check_version(row, version, s, "shift_template")
            before = snapshot(row)
            for k, v in values(clean).items():
                setattr(row, k, v)
            row.district_id = district
            return self._carried(s, row, before, "update")

    def retire_template(self, template_id: int, version: int) -> TemplateSaved:
        """Stop a template: it generates nothing more and its future open shifts go."""
        with self._db.write() as s:
            row = fetch(s, ShiftTemplate, template_id)
            self._access.require(Action.EDIT, row.district_id)
            check_version(row, version, s, "shift_template")
            before = snapshot(row)
            row.active = False
            return self._carried(s, row, before, "status")

    def _carried(self, s: Session, row: ShiftTemplate, before: dict, action: str) -> TemplateSaved:
        s.flush()
        updated, removed, created = carry_edit(s, row)
        changes = diff(before, snapshot(row))
        result = template_info(s, row)
        if changes:
            record(s, self._access, action, "shift_template", row.id, changes,
                   f"{template_text(result)}（未来空班次：改 {updated}，删 {removed}，增 {created}）")
        return TemplateSaved(result, updated, removed, created)

    # -- generating ------------------------------------------------------------------
    def generate(self, first: date, last: date, district_id: int | None = None) -> Generated:
        """Shifts from every active template (of one district, or of the officer's own)
        for the days from `first` to `last`; skipped days are left out and shifts already
        there are not made again."""
        check_period(first, last)
        district = self._scope(district_id)
        with self._db.write() as s:
            q = select(ShiftTemplate).where(ShiftTemplate.active.is_(True)).order_by(ShiftTemplate.id)
            if district is not None:
                q = q.where(ShiftTemplate.district_id == district)
            result = generate(s, list(s.scalars(q)), first, last)
            if result.created:
                record(s, self._access, "rota.generate", "shift", "", {
                    "period": [None, f"{first.isoformat()}–{last.isoformat()}"], "created": [None, result.created]},
                    f"{first.isoformat()}–{last.isoformat()}：{result.created} 个班次")
            return result

    def _scope(self, district_id: int | None) -> int | None:
        """The district a rota-wide write covers: the one named, or an officer's own."""
        problems: list[Problem] = []
        district = checked_id(district_id, "district_id", problems)
        raise_problems(problems)
        user = self._access.require(Action.EDIT, district)
        return user.district_id if district is None and user.role is Role.OFFICER else district

    # -- assigning -------------------------------------------------------------------
    def assign(self, shift_id: int, volunteer_id: int) -> Assigned:
        """Put a volunteer on a shift. Refused: a volunteer suspended or gone, already on
        it, or on a shift at an overlapping time (named). Warned: an expired card, a shift
        already full."""
        self._access.require(Action.EDIT)
        with self._db.write() as s:
            shift = fetch(s, Shift, shift_id)
            self._access.require(Action.EDIT, shift.district_id)
            vid = checked_volunteer(volunteer_id)
            names = Names(s)
            problems = volunteer_problems(s, vid)
            name = names.volunteer(vid)
            if not problems and any(a.volunteer_id == vid for a in shift.assignments):
                problems = [Problem("volunteer_id", "rota_already_assigned", {"name": name})]
            other = None if problems else clash(s, vid, shift.starts_at, shift.ends_at, shift.id)
            if other is not None:
                problems = [clash_problem(name, other, names)]
            raise_problems(problems)
            shift.assignments.append(ShiftAssignment(volunteer_id=vid, assigned_at=now()))
            s.flush()
            record(s, self._access, "rota.assign", "shift", shift.id, {"volunteer_id": [None, vid]},
                   f"{shift_text(shift, names)}：+{name}")
            return Assigned(info(s, shift), assign_warnings(s, shift, vid, name))

    def unassign(self, shift_id: int, volunteer_id: int) -> ShiftInfo:
        """Take a volunteer off a shift (not once their attendance on it is recorded)."""
        self._access.require(Action.EDIT)
        with self._db.write() as s:
            shift = fetch(s, Shift, shift_id)
            self._access.require(Action.EDIT, shift.district_id)
            vid = checked_volunteer(volunteer_id)
            names = Names(s)
            name = names.volunteer(vid)
            found = next((a for a in shift.assignments if a.volunteer_id == vid), None)
            if found is None:
                raise ValidationError.single("volunteer_id", "rota_not_assigned", name=name or vid)
            if s.scalar(select(Attendance.id).where(Attendance.assignment_id == found.id)) is not None:
                raise ValidationError.single("volunteer_id", "rota_attended", name=name)
            shift.assignments.remove(found)
            s.flush()
            record(s, self._access, "rota.unassign", "shift", shift.id, {"volunteer_id": [vid, None]},
                   f"{shift_text(shift, names)}：−{name}")
            return info(s, shift)

    # -- copying ---------------------------------------------------------------------
    def copy_day(self, source: date, target: date, district_id: int | None = None,
                 site_id: int | None = None) -> Copied:
        """Copy one day's shifts and people to another day (see `copying`)."""
        check_days(("source_day", source), ("target_day", target))
        if source == target:
            raise ValidationError.single("target_day", "rota_same_day")
        return self._copy([(source, target)], district_id, site_id)

    def copy_last_week(self, monday: date, district_id: int | None = None, site_id: int | None = None) -> Copied:
        """Copy the seven days before the week of `monday` onto that week."""
        check_days(("week", monday))
        if monday.weekday() != 0:
            raise ValidationError.single("week", "rota_not_monday")
        return self._copy([(monday - timedelta(days=7 - i), monday + timedelta(days=i)) for i in range(7)],
                          district_id, site_id)

    def _copy(self, pairs: list[tuple[date, date]], district_id: int | None, site_id: int | None) -> Copied:
        problems: list[Problem] = []
        site = checked_id(site_id, "site_id", problems)
        raise_problems(problems)
        district = self._scope(district_id)
        tally = Tally()
        with self._db.write() as s:
            if site is not None:
                self._access.require(Action.EDIT, fetch(s, Site, site).district_id)
            for source, target in pairs:
                copy_day(s, source, target, WeekFilter(district, site), tally)
            if tally.assigned or tally.created:
                span = f"{pairs[0][0].isoformat()}→{pairs[0][1].isoformat()}" + (" 起一周" if len(pairs) > 1 else "")
                record(s, self._access, "rota.copy", "shift", "", {
                    "source_day": [None, pairs[0][0]], "target_day": [None, pairs[0][1]],
                    "created": [None, tally.created], "assigned": [None, tally.assigned]},
                    f"{span}：{tally.created} 个班次，{tally.assigned} 人次，{len(tally.refused)} 人次未复制")
        return Copied(tally.created, tally.assigned, tuple(tally.refused))

    # -- skipped days ----------------------------------------------------------------
    def skip_day(self, day: date, site_id: int | None = None, reason: str = "") -> SkippedDay:
        """Mark a day without shifts, for the station (a holiday: not for an officer) or one
        site (a market closure). Its future shifts nobody is on are removed; shifts with
        people stay for the clerk to move."""
        problems: list[Problem] = []
        check_days(("day", day))
        site_ref = checked_id(site_id, "site_id", problems)
        text = clean_text(reason, "reason", 100, problems=problems)
        raise_problems(problems)
        with self._db.write() as s:
            site = fetch(s, Site, site_ref) if site_ref is not None else None
            self._require_place(site)
            q = select(SkippedDate.id).where(SkippedDate.day == day)
            q = q.where(SkippedDate.site_id == site.id if site else SkippedDate.site_id.is_(None))
            if s.scalar(q) is not None:
                raise ValidationError.single("day", "rota_skip_exists")
            row = SkippedDate(day=day, site_id=site.id if site else None, reason=text, created_at=now())
            s.add(row)
            gone = select(Shift).where(Shift.day == day, open_future(now()))
            if site is not None:
                gone = gone.where(Shift.site_id == site.id)
            removed = 0
            for sh in s.scalars(gone).all():
                s.delete(sh)
                removed += 1
            s.flush()
            record(s, self._access, "rota.skip", "skipped_date", row.id,
                   {"day": [None, day], "site_id": [None, row.site_id], "reason": [None, text]},
                   f"{day.isoformat()} {site.name if site else '全所'} {text}（删除 {removed} 个空班次）")
            return next(d for d in skipped_days(s, day, day) if d.id == row.id)

    def unskip_day(self, skip_id: int) -> None:
        """The day has shifts again (generate the period again to fill it in)."""
        with self._db.write() as s:
            row = fetch(s, SkippedDate, skip_id)
            site = s.get(Site, row.site_id) if row.site_id else None
            self._require_place(site)
            record(s, self._access, "rota.unskip", "skipped_date", row.id,
                   {"day": [row.day, None], "site_id": [row.site_id, None], "reason": [row.reason, None]},
                   f"{row.day.isoformat()} {site.name if site else '全所'}")
            s.delete(row)

    def _require_place(self, site: Site | None) -> Actor:
        user = self._access.require(Action.EDIT, site.district_id if site else None)
        if site is None and user.role is Role.OFFICER:
            raise PermissionDenied("outside_district")
        return user

    # -- attendance ------------------------------------------------------------------
    def record_attendance(self, shift_id: int, entries: Sequence[AttendanceForm]) -> ShiftAttendance:
        """Record what became of volunteers on a shift (present, late, absent, swapped
        with whom; actual times), from its start until the days-back setting runs out."""
        self._access.require(Action.EDIT)
        with self._db.write() as s:
            shift = fetch(s, Shift, shift_id)
            user = self._access.require(Action.EDIT, shift.district_id)
            check_window(shift, now(), int(read_settings(s)[DAYS_BACK_KEY]))
            checked = checked_entries(s, shift, list(entries))
            changes = store(s, checked, user.display_name or user.username, now())
            record(s, self._access, "rota.attendance", "shift", shift.id, changes,
                   f"{shift_text(shift, Names(s))}：考勤 {len(checked)} 人")
            return shift_attendance(s, shift)

    # -- patrol log ------------------------------------------------------------------
    def add_patrol_log(self, shift_id: int, form: PatrolLogForm) -> list[PatrolLogRow]:
        """Write a patrol log entry on a shift that has begun; returns the shift's log."""
        self._access.require(Action.EDIT)
        with self._db.write() as s:
            shift = fetch(s, Shift, shift_id)
            user = self._access.require(Action.EDIT, shift.district_id)
            if shift.starts_at > now():
                raise ValidationError.single("shift_id", "rota_not_started")
            values = checked_log(s, shift, form)
            row = PatrolLog(shift_id=shift.id, recorded_at=now(), recorded_by=(user.display_name or user.username)[:40],
                            **values)
            s.add(row)
            s.flush()
            record(s, self._access, "rota.patrol_log", "shift", shift.id,
                   {k: [None, v] for k, v in values.items() if v}, f"{shift_text(shift, Names(s))}：巡逻记录")
            return logs_of(s, shift.id)
