"""Reads of the service records: one volunteer's record, the hours ranking and the
inactive list, all counting service time through `hours.service_minutes`."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import District, Site, Volunteer
from redband_desktop.db.models.activities import Activity, ActivityParticipant
from redband_desktop.db.models.records import Certificate, Commendation, Evaluation
from redband_desktop.db.models.rota import Attendance, Shift, ShiftAssignment
from redband_desktop.domain.activities import ActivityType
from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.domain.idnumber import mask_id_number
from redband_desktop.domain.rota import AttendanceStatus, DutyType
from redband_desktop.services.records.hours import (
    SERVED,
    last_service_days,
    minute_scale,
    service_minutes,
)
from redband_desktop.services.records.types import (
    Award,
    CertificateInfo,
    EvaluationInfo,
    Inactive,
    InactiveRow,
    Ranking,
    RankRow,
    ServiceItem,
    ServiceRecord,
    YearHours,
)


def service_items(s: Session, vid: int, first: date | None = None, last: date | None = None) -> list[ServiceItem]:
    """Every served shift (including those stood in for) and activity, newest first."""
    # Two simple shift queries rather than one with OR: each uses its index (the volunteer's
    # assignments; the stand-in), where the OR read every attendance row (0.18 s a volunteer).
    base = (select(Shift.day, Shift.duty_type, Site.name, Attendance.signed_in_at, Attendance.signed_out_at)
            .join(ShiftAssignment, ShiftAssignment.id == Attendance.assignment_id)
            .join(Shift, Shift.id == ShiftAssignment.shift_id).join(Site, Site.id == Shift.site_id)
            .where(Attendance.status.in_(SERVED), Attendance.signed_in_at.is_not(None),
                   Attendance.signed_out_at.is_not(None)))
    queries = [base.where(ShiftAssignment.volunteer_id == vid, Attendance.status != AttendanceStatus.SWAPPED.value),
               base.where(Attendance.swapped_with_id == vid, Attendance.status == AttendanceStatus.SWAPPED.value)]
    a = (select(Activity.day, Activity.starts_at, Activity.activity_type, Activity.theme, Activity.subject,
                Activity.counts_as_training, ActivityParticipant.minutes)
         .join(ActivityParticipant, ActivityParticipant.activity_id == Activity.id)
         .where(ActivityParticipant.volunteer_id == vid))
    if first is not None:
        queries, a = [q.where(Shift.day >= first) for q in queries], a.where(Activity.day >= first)
    if last is not None:
        queries, a = [q.where(Shift.day <= last) for q in queries], a.where(Activity.day <= last)
    items = [ServiceItem(day, inn, "shift", duty, site, int((out - inn).total_seconds() // 60))
             for q in queries for day, duty, site, inn, out in s.execute(q)]
    for day, start, kind, theme, subject, training, minutes in s.execute(a):
        items.append(ServiceItem(day, start, "activity", kind, "，".join(t for t in (theme, subject) if t), minutes,
                                 bool(training)))
    items.sort(key=lambda i: (i.starts_at, i.kind), reverse=True)
    return items


def content_zh(item: ServiceItem) -> str:
    """A service in words on a certificate (always Chinese, like the station's documents)."""
    if item.kind == "shift":
        return f"{DutyType(item.kind_code).zh}（{item.content}）"
    label = ActivityType(item.kind_code).zh
    return f"{label}（{item.content}）" if item.content else label


def contents(s: Session, first: date, last: date, ids: list[int]) -> dict[int, str]:
    """What each certificate says was done: the kinds of service of the period, most time
    first, with how often (巡逻防范 36 次、反诈宣传 4 次) — for many volunteers at once,
    counted by the database (a batch of 900 certificates read 270,000 services one by one
    before)."""
    served_by = case((Attendance.status == AttendanceStatus.SWAPPED.value, Attendance.swapped_with_id),
                     else_=ShiftAssignment.volunteer_id)
    spent = minute_scale(s, Attendance.signed_out_at) - minute_scale(s, Attendance.signed_in_at)
    shifts = (select(served_by, Shift.duty_type, func.count(), func.sum(spent))
              .join(ShiftAssignment, ShiftAssignment.id == Attendance.assignment_id)
              .join(Shift, Shift.id == ShiftAssignment.shift_id)
              .where(Attendance.status.in_(SERVED), Attendance.signed_in_at.is_not(None),
                     Attendance.signed_out_at.is_not(None), Shift.day >= first, Shift.day <= last,
                     served_by.in_(ids))
              .group_by(served_by, Shift.duty_type))
    acts = (select(ActivityParticipant.volunteer_id, Activity.activity_type, func.count(),
                   func.sum(ActivityParticipant.minutes))
            .join(Activity, Activity.id == ActivityParticipant.activity_id)
            .where(Activity.day >= first, Activity.day <= last, ActivityParticipant.volunteer_id.in_(ids))
            .group_by(ActivityParticipant.volunteer_id, Activity.activity_type))
    counts: dict[int, list[tuple[str, int, int]]] = {}
    for vid, duty, n, _m in s.execute(shifts):
        counts.setdefault(vid, []).append((DutyType(duty).zh, n, round(float(_m or 0))))
    for vid, kind, n, m in s.execute(acts):
        counts.setdefault(vid, []).append((ActivityType(kind).zh, n, int(m or 0)))
    return {vid: "、".join(f"{label} {n} 次" for label, n, _w in sorted(rows, key=lambda r: (-r[2], r[0])))
            for vid, rows in counts.items()}


def place_names(s: Session, v: Volunteer) -> tuple[str, str, int]:
    site, district, district_id = s.execute(
        select(Site.name, District.name, District.id).join(District, District.id == Site.district_id)
        .where(Site.id == v.site_id)).one()
    return district, site, district_id


def record_of(s: Session, v: Volunteer, masked: bool) -> ServiceRecord:
    items = service_items(s, v.id)
    years = sorted({i.day.year for i in items})
    per_year = tuple(YearHours(y, service_minutes(s, date(y, 1, 1), date(y, 12, 31), [v.id]).get(v.id, 0))
                     for y in reversed(years))
    district, site, _d = place_names(s, v)
    awards = tuple(Award(c.id, c.version, c.name, c.level, c.awarded_on, c.awarded_by, c.recorded_by)
                   for c in s.scalars(select(Commendation).where(Commendation.volunteer_id == v.id)
                                      .order_by(Commendation.awarded_on.desc(), Commendation.id.desc())))
    evaluations = tuple(EvaluationInfo(e.id, e.version, e.year, e.stars, e.comment, e.evaluated_by)
                        for e in s.scalars(select(Evaluation).where(Evaluation.volunteer_id == v.id)
                                           .order_by(Evaluation.year.desc())))
    return ServiceRecord(
        v.id, v.volunteer_no, v.name, v.gender, mask_id_number(v.id_number) if masked else v.id_number,
        district, site, v.joined_on, v.status, tuple(items), tuple(i for i in items if i.training), awards,
        evaluations, per_year, service_minutes(s, None, None, [v.id]).get(v.id, 0))


def certificate_info(s: Session, c: Certificate) -> CertificateInfo:
    no, name = s.execute(select(Volunteer.volunteer_no, Volunteer.name).where(Volunteer.id == c.volunteer_id)).one()
    return CertificateInfo(c.id, c.number, c.volunteer_id, no, name, c.first_day, c.last_day, c.minutes, c.content,
                           c.issued_on, c.issued_at, c.issued_by, c.printed_count)


def _people(s: Session, district_id: int | None, site_id: int | None):  # noqa: ANN202 - rows
    q = (select(Volunteer.id, Volunteer.volunteer_no, Volunteer.name, District.name, Site.name, Volunteer.status,
                Volunteer.joined_on)
         .join(Site, Site.id == Volunteer.site_id).join(District, District.id == Site.district_id)
         .where(Volunteer.purged_at.is_(None)))
    if district_id is not None:
        q = q.where(Site.district_id == district_id)
    if site_id is not None:
        q = q.where(Volunteer.site_id == site_id)
    return s.execute(q).all()


def ranking(s: Session, first: date, last: date, district_id: int | None = None,
            site_id: int | None = None) -> Ranking:
    """Volunteers of the station (a district, a site) by service time in the period, most
    first; equal time shares a rank (1, 2, 2, 4). Suspended and left volunteers with time
    are listed apart, unranked, so a commendation list never names them by accident."""
    minutes = service_minutes(s, first, last)
    ranked, apart = [], []
    for vid, no, name, district, site, status, _joined in _people(s, district_id, site_id):
        m = minutes.get(vid, 0)
        if m <= 0:
            continue
        row = RankRow(0, vid, no, name, district, site, status, m)
        (ranked if status == VolunteerStatus.ACTIVE.value else apart).append(row)
    ranked.sort(key=lambda r: (-r.minutes, r.volunteer_no))
    out, rank = [], 0
    for i, r in enumerate(ranked):
        if i == 0 or r.minutes != ranked[i - 1].minutes:
            rank = i + 1
        out.append(RankRow(rank, *[getattr(r, f) for f in ("volunteer_id", "volunteer_no", "name", "district",
                                                             "site", "status", "minutes")]))
    apart.sort(key=lambda r: (-r.minutes, r.volunteer_no))
    return Ranking(first, last, tuple(out), tuple(apart))


def inactive(s: Session, today: date, days: int, district_id: int | None = None) -> Inactive:
    """Active volunteers with no service in the last `days` days (today included), with
    their last service ever (None: never served), longest silent first. Someone who joined
    within those days has not had the time yet and is not listed."""
    since = today - timedelta(days=days - 1)
    last = last_service_days(s)
    rows = [InactiveRow(vid, no, name, district, site, last.get(vid))
            for vid, no, name, district, site, status, joined in _people(s, district_id, None)
            if status == VolunteerStatus.ACTIVE.value and joined < since
            and (last.get(vid) is None or last[vid] < since)]
    rows.sort(key=lambda r: (r.last_service or date.min, r.volunteer_no))
    return Inactive(days, since, tuple(rows))
