"""Service records (志愿服务记录), certificates (志愿服务证明) and recognition (表彰) as
user actions: read a volunteer's record; record, correct and remove commendations; the
yearly evaluation by the district's officer; issue, reprint and search certificates; the
hours ranking and the inactive list. Every write is audited on the volunteer; service time
is always `hours.service_minutes` (a shift and an activity at the same time count once).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from redband_desktop.db.engine import Database
from redband_desktop.db.models import Volunteer
from redband_desktop.db.models.base import now
from redband_desktop.db.models.records import (
    Certificate,
    CertificateCounter,
    Commendation,
    Evaluation,
)
from redband_desktop.domain.access import Action, Role
from redband_desktop.domain.records import certificate_number, hours_text
from redband_desktop.errors import NotFoundError, PermissionDenied, ValidationError
from redband_desktop.services.records import rules
from redband_desktop.services.records.hours import service_minutes
from redband_desktop.services.records.query import (
    certificate_info,
    contents,
    inactive,
    place_names,
    ranking,
    record_of,
)
from redband_desktop.services.records.types import (
    Award,
    AwardForm,
    Batch,
    CertificateInfo,
    EvaluationInfo,
    Inactive,
    Printed,
    Ranking,
    ServiceRecord,
)
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import record
from redband_desktop.services.shared.exports import Export
from redband_desktop.services.shared.rules import check_version, fetch, next_in_year
from redband_desktop.services.shared.settings import read_settings
from redband_desktop.services.shared.values import checked_id

NUMBER_LOCK = 727278  # PostgreSQL advisory lock held while a certificate number is handed out


class RecordsService:
    def __init__(self, db: Database, access: AccessControl) -> None:
        self._db = db
        self._access = access

    def can(self, action: Action, district_id: int | None = None) -> bool:
        return self._access.can(action, district_id)

    # -- the record ------------------------------------------------------------------
    def service_record(self, volunteer_id: int) -> ServiceRecord:
        """The record as the rules ask; its ID number masked for everyone (the roster's
        reveal and the certificate are the audited ways to the full number)."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            return record_of(s, _volunteer(s, volunteer_id), masked=True)

    def by_number(self, volunteer_no: str) -> int:
        """The volunteer's id from their volunteer number (志愿者编号)."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            vid = s.scalar(select(Volunteer.id).where(Volunteer.volunteer_no == str(volunteer_no).strip().upper()))
        if vid is None:
            raise ValidationError.single("volunteer_no", "records_no_unknown", value=str(volunteer_no)[:30])
        return vid

    def district_of(self, volunteer_id: int) -> int:
        with self._db.read() as s:
            return place_names(s, _volunteer(s, volunteer_id))[2]

    def can_evaluate(self, volunteer_id: int) -> bool:
        try:
            user = self._access.require(Action.EDIT, self.district_of(volunteer_id))
        except PermissionDenied:
            return False
        return user.role in (Role.OFFICER, Role.ADMIN)

    # -- commendations -----------------------------------------------------------------
    def add_award(self, volunteer_id: int, form: AwardForm) -> Award:
        self._access.require(Action.EDIT)
        clean = rules.checked_award(form)
        with self._db.write() as s:
            v = _volunteer(s, volunteer_id)
            self._access.require(Action.EDIT, place_names(s, v)[2])
            row = Commendation(volunteer_id=v.id, recorded_by=self._access.current().username[:40], **clean)
            s.add(row)
            s.flush()
            record(s, self._access, "record.award", "volunteer", v.id,
                   {k: [None, str(val)] for k, val in clean.items()}, f"{v.name}：{row.name}")
            return _award(row)

    def update_award(self, award_id: int, version: int, form: AwardForm) -> Award:
        """A correction of a commendation: audited with what it was before."""
        self._access.require(Action.EDIT)
        clean = rules.checked_award(form)
        with self._db.write() as s:
            row = fetch(s, Commendation, checked_id(award_id, "award_id", []) or 0)
            v = _volunteer(s, row.volunteer_id)
            self._access.require(Action.EDIT, place_names(s, v)[2])
            check_version(row, version)
            changes = {k: [str(getattr(row, k)), str(val)] for k, val in clean.items() if getattr(row, k) != val}
            for k, val in clean.items():
                setattr(row, k, val)
            s.flush()
            record(s, self._access, "record.award.update", "volunteer", v.id, changes, f"{v.name}：{row.name}")
            return _award(row)

    def remove_award(self, award_id: int, version: int) -> None:
        self._access.require(Action.DELETE)
        with self._db.write() as s:
            row = fetch(s, Commendation, checked_id(award_id, "award_id", []) or 0)
            v = _volunteer(s, row.volunteer_id)
            self._access.require(Action.DELETE, place_names(s, v)[2])
            check_version(row, version)
            record(s, self._access, "record.award.remove", "volunteer", v.id,
                   {"award": [f"{row.name}（{row.awarded_on}，{row.awarded_by}）", None]}, f"{v.name}：{row.name}")
            s.delete(row)

    # -- yearly evaluation ---------------------------------------------------------------
    def evaluate(self, volunteer_id: int, year: int, stars: int, comment: str,
                 version: int | None = None) -> EvaluationInfo:
        """The year's evaluation by the district's officer (or an administrator); one per
        volunteer per year: a second one for the same year is a correction of the first
        (audited with what it was), and needs the version it was read at."""
        user = self._access.require(Action.EDIT)
        year, stars, comment = rules.checked_evaluation(year, stars, comment, date.today())
        with self._db.write() as s:
            v = _volunteer(s, volunteer_id)
            self._access.require(Action.EDIT, place_names(s, v)[2])
            if user.role not in (Role.OFFICER, Role.ADMIN):
                raise PermissionDenied("records_evaluation_officer")
            row = s.scalar(select(Evaluation).where(Evaluation.volunteer_id == v.id, Evaluation.year == year))
            before = [None, None]
            if row is None:
                row = Evaluation(volunteer_id=v.id, year=year)
                s.add(row)
            else:
                check_version(row, version if version is not None else -1)
                before = [row.stars, row.comment]
            row.stars, row.comment, row.evaluated_by = stars, comment, user.username[:40]
            s.flush()
            record(s, self._access, "record.evaluation", "volunteer", v.id,
                   {"stars": [before[0], stars], "comment": [before[1], comment]}, f"{v.name}：{year} 年度")
            return EvaluationInfo(row.id, row.version, row.year, row.stars, row.comment, row.evaluated_by)

    def period_minutes(self, volunteer_id: int, first: date, last: date) -> int:
        """Service minutes of one volunteer in a period (what a certificate would state)."""
        self._access.require(Action.READ)
        first, last = rules.checked_period(first, last)
        with self._db.read() as s:
            return service_minutes(s, first, last, [_volunteer(s, volunteer_id).id]).get(volunteer_id, 0)

    # -- certificates ------------------------------------------------------------------
    def issue_certificate(self, volunteer_id: int, first: date, last: date, today: date | None = None) -> Printed:
        """Number, register and print a certificate for the period. It carries the full ID
        number, so it needs the reveal right and is audited; a period without recorded
        service is refused, naming the period."""
        self._access.require(Action.REVEAL)
        first, last = rules.checked_period(first, last)
        today = today or date.today()
        with self._db.write() as s:
            v = _volunteer(s, volunteer_id)
            minutes = service_minutes(s, first, last, [v.id]).get(v.id, 0)
            if minutes <= 0:
                raise ValidationError.single("period", "records_no_service", name=v.name, first=first.isoformat(),
                                             last=last.isoformat())
            row = self._register(s, v, first, last, minutes, contents(s, first, last, [v.id])[v.id], today)
            info, data = certificate_info(s, row), rules.certificate_data(s, row, v)
        return Printed(info, _pdf([data]))

    def issue_batch(self, volunteer_ids: list[int], first: date, last: date, today: date | None = None,
                    progress: Callable[[int, int], None] | None = None) -> Batch:
        """Certificates for a selection (say, everyone ranked with 50 hours or more this
        year) in one PDF, one page each: numbered and registered in one short transaction
        (each audited like a single one); volunteers without service in the period are
        left out and named. The PDF is laid out after the commit, telling `progress`."""
        self._access.require(Action.REVEAL)
        first, last = rules.checked_period(first, last)
        ids = sorted({checked_id(v, "volunteer_id", []) or 0 for v in volunteer_ids} - {0})
        if not ids:
            raise ValidationError.single("volunteer_id", "required")
        today = today or date.today()
        with self._db.write() as s:
            minutes = service_minutes(s, first, last, ids)
            content = contents(s, first, last, [vid for vid in ids if minutes.get(vid)])
            issued, data, skipped = [], [], []
            settings = read_settings(s)
            for vid in ids:
                v = _volunteer(s, vid)
                if minutes.get(v.id, 0) <= 0:
                    skipped.append(v.name)
                    continue
                row = self._register(s, v, first, last, minutes[v.id], content.get(v.id, ""), today)
                issued.append(CertificateInfo(row.id, row.number, v.id, v.volunteer_no, v.name, first, last,
                                              row.minutes, row.content, row.issued_on, row.issued_at, row.issued_by,
                                              row.printed_count))
                data.append(rules.certificate_data(s, row, v, settings))
            if not issued:
                raise ValidationError.single("period", "records_no_service_any", first=first.isoformat(),
                                             last=last.isoformat())
        return Batch(tuple(issued), tuple(skipped), _pdf(data, progress))

    def _register(self, s, v: Volunteer, first: date, last: date, minutes: int, content: str,  # noqa: ANN001
                  today: date) -> Certificate:
        row = register_certificate(s, v.id, first, last, minutes, content, today, self._access.current().username)
        number = row.number
        record(s, self._access, "record.certificate", "volunteer", v.id, {"certificate": [None, number]},
               f"{v.name}：{number}，{first}–{last}，{hours_text(minutes)} 小时（含完整身份证号）")
        return row

    def reprint_certificate(self, certificate_id: int) -> Printed:
        """The same certificate again, under the same number; audited as a reprint."""
        self._access.require(Action.REVEAL)
        with self._db.write() as s:
            row = fetch(s, Certificate, checked_id(certificate_id, "certificate_id", []) or 0)
            v = _volunteer(s, row.volunteer_id)
            row.printed_count += 1
            s.flush()
            record(s, self._access, "record.certificate.reprint", "volunteer", v.id,
                   {"printed_count": [row.printed_count - 1, row.printed_count]},
                   f"{v.name}：{row.number}（第 {row.printed_count} 次打印，含完整身份证号）")
            info, data = certificate_info(s, row), rules.certificate_data(s, row, v)
        return Printed(info, _pdf([data]))

    def certificates(self, text: str = "", volunteer_id: int | None = None, limit: int = 500) -> list[CertificateInfo]:
        """The register of issued certificates, newest first: by certificate number,
        volunteer number or name (part of any), or one volunteer's."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            return rules.register(s, text, volunteer_id, limit)

    # -- recognition ------------------------------------------------------------------------
    def ranking(self, first: date, last: date, district_id: int | None = None,
                site_id: int | None = None) -> Ranking:
        self._access.require(Action.STATS)
        first, last = rules.checked_period(first, last)
        with self._db.read() as s:
            return ranking(s, first, last, district_id, site_id)

    def figures(self, first: date, last: date) -> dict[str, Any]:
        """The service of a period for `redband stats --json`, in the user's scope (an
        officer's district): volunteers with service (any status), their hours, and the
        ten at the top of the ranking (ties at tenth place included)."""
        actor = self._access.require(Action.STATS)
        first, last = rules.checked_period(first, last)
        with self._db.read() as s:
            r = ranking(s, first, last, actor.district_id if actor.role is Role.OFFICER else None)
        served = (*r.rows, *r.apart)
        return {"from": first.isoformat(), "to": last.isoformat(), "volunteers": len(served),
                "hours": _hours(sum(x.minutes for x in served)),
                "top": [{"rank": x.rank, "volunteer_no": x.volunteer_no, "name": x.name, "district": x.district,
                         "site": x.site, "hours": _hours(x.minutes)} for x in r.rows if x.rank <= 10]}

    def export_ranking(self, result: Ranking) -> Export:
        """The ranking as a workbook for the station's commendation list (names and
        volunteer numbers only); audited as an export."""
        from redband_desktop.documents.xlsx import table_to_xlsx

        self._access.require(Action.EXPORT)
        headers, rows = rules.ranking_table(result)
        with self._db.write() as s:
            record(s, self._access, "export", "volunteer", "",
                   summary=f"志愿服务时长排名 {result.first}–{result.last}，{len(rows)} 行")
        return Export(table_to_xlsx(headers, rows, "时长排名"), len(rows), False)

    def inactive(self, days: int | None = None, district_id: int | None = None,
                 today: date | None = None) -> Inactive:
        self._access.require(Action.READ)
        with self._db.read() as s:
            days = rules.checked_days(days if days is not None else read_settings(s)["records.inactive_days"])
            return inactive(s, today or date.today(), days, district_id)


def register_certificate(s, volunteer_id: int, first: date, last: date, minutes: int, content: str,  # noqa: ANN001
                         issued_on: date, issued_by: str, issued_at: datetime | None = None) -> Certificate:
    """Number a certificate from `issued_on`'s year sequence and enter it in the register
    (the caller audits it, or is the demo's setup)."""
    number = certificate_number(issued_on.year, next_in_year(s, CertificateCounter, issued_on.year, NUMBER_LOCK))
    row = Certificate(number=number, volunteer_id=volunteer_id, first_day=first, last_day=last, minutes=minutes,
                      content=content, issued_on=issued_on, issued_at=issued_at or now(), issued_by=issued_by[:40],
                      printed_count=1)
    s.add(row)
    s.flush()
    return row


def register_most_served(s, first: date, last: date, many: int, issued_on: date, issued_by: str,  # noqa: ANN001
                         at: datetime) -> list[Certificate]:
    """Certificates of the period for the `many` volunteers with the most service time in
    it, numbered and registered without an audit entry: the demo station's setup, which
    has nobody signed in, gives its station some already issued this way."""
    minutes = service_minutes(s, first, last)
    chosen = sorted(minutes, key=lambda v: (-minutes[v], v))[:many]
    text = contents(s, first, last, chosen)
    return [register_certificate(s, vid, first, last, minutes[vid], text.get(vid, ""), issued_on, issued_by,
                                 at + timedelta(minutes=n)) for n, vid in enumerate(chosen)]


def _volunteer(s, volunteer_id: int) -> Volunteer:  # noqa: ANN001
    vid = checked_id(volunteer_id, "volunteer_id", [])
    row = s.get(Volunteer, vid) if vid is not None else None
    if row is None:
        raise NotFoundError(what="volunteers", id=volunteer_id)
    return row


def _hours(minutes: int) -> float:
    """Hours to a tenth, as the other figures of `redband stats --json` give them."""
    return round(minutes / 60, 1)


def _award(row: Commendation) -> Award:
    return Award(row.id, row.version, row.name, row.level, row.awarded_on, row.awarded_by, row.recorded_by)


def _pdf(data: list, progress: Callable[[int, int], None] | None = None) -> bytes:
    from redband_desktop.documents.service_certificate import certificate_pdf

    return certificate_pdf(data, progress)
