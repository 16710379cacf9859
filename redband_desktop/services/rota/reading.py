"""What the rota service reads: templates, one shift, the week view and its printed 排班表,
the days without shifts, attendance and patrol logs, service hours, a volunteer's duty for
their roster page, and the statistics' duty figures and service minutes.

`RotaReading` is the base of `RotaService` (whose own methods are the actions that write):
every method checks the signed-in user's right to read first (`STATS` for the
statistics, in an officer's district), opens one read transaction and returns plain
values. Printing the week is the one read that writes: the export is recorded in the
audit trail in a short transaction, and the document is drawn after it has committed.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from redband_desktop.db.engine import Database
from redband_desktop.db.models import Site, Volunteer
from redband_desktop.db.models.base import now
from redband_desktop.db.models.rota import Shift, ShiftAssignment, ShiftTemplate
from redband_desktop.domain.access import Action, Role
from redband_desktop.domain.rota import DutyType, week_start
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.rota.attendance import hours, shift_attendance, total_minutes
from redband_desktop.services.rota.figures import figures
from redband_desktop.services.rota.patrol import logs_of
from redband_desktop.services.rota.people import volunteer_duty
from redband_desktop.services.rota.query import Names, info, skipped_days, week
from redband_desktop.services.rota.rules import check_days, check_period, checked_volunteer
from redband_desktop.services.rota.templates import template_info
from redband_desktop.services.rota.types import (
    HoursReport,
    PatrolLogRow,
    ShiftAttendance,
    ShiftInfo,
    SkippedDay,
    TemplateInfo,
    VolunteerDuty,
    WeekFilter,
    WeekView,
)
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import record
from redband_desktop.services.shared.rules import fetch
from redband_desktop.services.shared.settings import read_settings
from redband_desktop.services.shared.values import checked_id, raise_problems

EVERYWHERE = WeekFilter()


class RotaReading:
    def __init__(self, db: Database, access: AccessControl) -> None:
        self._db = db
        self._access = access

    def templates(self, f: WeekFilter = EVERYWHERE, include_retired: bool = False) -> list[TemplateInfo]:
        self._access.require(Action.READ)
        with self._db.read() as s:
            q = select(ShiftTemplate).order_by(ShiftTemplate.district_id, ShiftTemplate.site_id, ShiftTemplate.id)
            for name in ("district_id", "site_id"):
                if getattr(f, name) is not None:
                    q = q.where(getattr(ShiftTemplate, name) == getattr(f, name))
            if f.duty_type:
                q = q.where(ShiftTemplate.duty_type == f.duty_type)
            if not include_retired:
                q = q.where(ShiftTemplate.active.is_(True))
            names = Names(s)
            return [template_info(s, t, names) for t in s.scalars(q)]

    def skipped(self, first: date, last: date) -> list[SkippedDay]:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return skipped_days(s, first, last)

    # -- attendance and patrol log ---------------------------------------------------
    def attendance(self, shift_id: int) -> ShiftAttendance:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return shift_attendance(s, fetch(s, Shift, shift_id))

    def patrol_logs(self, shift_id: int) -> list[PatrolLogRow]:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return logs_of(s, fetch(s, Shift, shift_id).id)

    def day_attendance(self, day: date, district_id: int | None = None) -> list[ShiftAttendance]:
        """The shifts of a day that have people on them, with what is recorded of each
        (the "today's shifts" list a clerk fills in)."""
        self._access.require(Action.READ)
        check_days(("day", day))
        with self._db.read() as s:
            q = (select(Shift).where(Shift.day == day, select(ShiftAssignment.id).where(
                ShiftAssignment.shift_id == Shift.id).exists()).order_by(Shift.starts_at, Shift.site_id, Shift.id))
            if district_id is not None:
                q = q.where(Shift.district_id == district_id)
            return [shift_attendance(s, shift) for shift in s.scalars(q)]

    # -- hours and figures -----------------------------------------------------------
    def hours(self, first: date, last: date, district_id: int | None = None) -> HoursReport:
        """Service hours per volunteer in the period, most first, from attendance only."""
        self._access.require(Action.READ)
        check_period(first, last)
        with self._db.read() as s:
            return hours(s, first, last, district_id)

    def volunteer_duty(self, volunteer_id: int, today: date | None = None) -> VolunteerDuty:
        """A volunteer's shifts, attendance and hours for their page in the roster: every
        shift newest first and the last twelve months one by one (hours from attendance
        only; a swap's hours are the stand-in's). Read as the roster reads a volunteer."""
        self._access.require(Action.READ)
        vid = checked_volunteer(volunteer_id)
        with self._db.read() as s:
            row = fetch(s, Volunteer, vid)
            self._access.require(Action.READ, s.scalar(select(Site.district_id).where(Site.id == row.site_id)))
            return volunteer_duty(s, row.id, today or date.today())

    def figures(self, first: date | None = None, last: date | None = None) -> dict:
        """The "duty" key of `redband stats --json` (default: this year up to today): an
        officer's are their district's, as the other statistics."""
        user = self._access.require(Action.STATS)
        district = user.district_id if user.role is Role.OFFICER else None
        today = date.today()
        first, last = first or date(today.year, 1, 1), last or today
        check_period(first, last, longest=None)  # statistics may span years
        with self._db.read() as s:
            return figures(s, first, last, now(), district)

    def service_minutes(self, first: date, last: date) -> int:
        """Service minutes from attendance on shifts of `first`–`last`, all volunteers
        together (the statistics' duty hours), in the same district scope as figures()."""
        user = self._access.require(Action.STATS)
        check_period(first, last, longest=None)
        with self._db.read() as s:
            return total_minutes(s, first, last, user.district_id if user.role is Role.OFFICER else None)

    # -- the week --------------------------------------------------------------------
    def week(self, day: date, f: WeekFilter = EVERYWHERE) -> WeekView:
        """The week (Monday to Sunday) that holds `day`: places × days with their shifts."""
        self._access.require(Action.READ)
        check_days(("week", day))
        with self._db.read() as s:
            return week(s, week_start(day), f)

    def week_document(self, day: date, f: WeekFilter = EVERYWHERE, fmt: str = "pdf") -> bytes:
        """The week that holds `day` as the printed 排班表: "pdf" (A4 landscape, for a notice
        board) or "xlsx" (one sheet, the same layout). Reading is enough; the export is
        recorded in the audit trail in a short transaction, the document drawn after it."""
        from datetime import datetime

        from redband_desktop.db.models import District
        from redband_desktop.documents.rota_week import rota_pdf, rota_xlsx
        from redband_desktop.services.rota.sheet import DOCUMENT_FORMATS, rota_sheet, week_words

        if fmt not in DOCUMENT_FORMATS:
            raise ValidationError.single("report_file", "report_format_invalid", name=fmt)
        user = self._access.require(Action.READ)
        check_days(("week", day))
        problems: list[Problem] = []
        checked_id(f.district_id, "district_id", problems)
        checked_id(f.site_id, "site_id", problems)
        if f.duty_type and f.duty_type not in {d.value for d in DutyType}:
            problems.append(Problem("duty_type", "invalid_choice", {"value": f.duty_type}))
        raise_problems(problems)
        monday = week_start(day)
        with self._db.write() as s:
            shown = []
            if f.district_id is not None:
                district = s.get(District, f.district_id)
                if district is None:
                    raise ValidationError.single("district_id", "rota_no_district", id=f.district_id)
                shown.append(f"片区：{district.name}")
            if f.site_id is not None:
                site = s.get(Site, f.site_id)
                if site is None:
                    raise ValidationError.single("site_id", "rota_no_site", id=f.site_id)
                if f.district_id is not None and site.district_id != f.district_id:
                    raise ValidationError.single("site_id", "site_district_mismatch")
                shown.append(f"场所：{site.name}")
            if f.duty_type:
                shown.append(f"类型：{DutyType(f.duty_type).zh}")
            view = week(s, monday, f)
            station = str(read_settings(s)["station.name"] or "")
            record(s, self._access, "export", "shift", "",
                   summary=f"排班表 {week_words(view.days[0], view.days[-1])}"
                           f"{'（' + '；'.join(shown) + '）' if shown else ''} {fmt.upper()}")
        sheet = rota_sheet(view, station, shown, user.display_name or user.username, datetime.now())
        return rota_pdf(sheet) if fmt == "pdf" else rota_xlsx(sheet)

    def shift(self, shift_id: int) -> ShiftInfo:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return info(s, fetch(s, Shift, shift_id))
