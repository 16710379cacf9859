"""Counting points from the records: attended shifts (the hours actually served, a swap's
to whoever served), clues verified or that led to an incident, activities taken part in
and commendations received — each by the rule in force on the record's own day. Nothing here is stored; the same
function gives a volunteer's entries and the period's ranking, so the two always agree."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Clue, Site
from redband_desktop.db.models.activities import Activity, ActivityParticipant
from redband_desktop.db.models.points import PointRule
from redband_desktop.db.models.records import Commendation
from redband_desktop.db.models.rota import Attendance, Shift, ShiftAssignment
from redband_desktop.domain.activities import ActivityType
from redband_desktop.domain.clues import ClueClosing
from redband_desktop.domain.points import (
    CLUE_INCIDENT,
    CLUE_VERIFIED,
    DUTY_HOUR,
    RuleBook,
    activity_kind,
    commendation_kind,
    duty_points,
)
from redband_desktop.domain.records import AwardLevel
from redband_desktop.domain.rota import AttendanceStatus, DutyType
from redband_desktop.services.points.types import PointEntry

SERVED = (AttendanceStatus.PRESENT.value, AttendanceStatus.LATE.value, AttendanceStatus.SWAPPED.value)


def rule_book(s: Session) -> RuleBook:
    return RuleBook([(k, d, p) for k, d, p in s.execute(select(PointRule.kind, PointRule.effective_from,
                                                                PointRule.points))])


def entries(s: Session, volunteer_ids: Iterable[int] | None = None, first: date | None = None,
            last: date | None = None, detailed: bool = True) -> list[PointEntry]:
    """Every entry worth points of the volunteers (None: everyone) with its day in
    [first, last] (None: open), unordered. Not `detailed` (a ranking): shifts without
    their words (a year of the station's attendance is tens of thousands of rows)."""
    ids = None if volunteer_ids is None else list(volunteer_ids)
    book = rule_book(s)
    out = _shifts(s, book, ids, first, last, detailed) + _clues(s, book, ids, first, last)
    out += _activities(s, book, ids, first, last) + _commendations(s, book, ids, first, last)
    return [e for e in out if e.points]


def _shifts(s: Session, book: RuleBook, ids: list[int] | None, first: date | None,
            last: date | None, detailed: bool = True) -> list[PointEntry]:
    served_by = case((Attendance.status == AttendanceStatus.SWAPPED.value, Attendance.swapped_with_id),
                     else_=ShiftAssignment.volunteer_id)
    q = (select(served_by, Shift.id, Shift.day, Shift.duty_type, Site.name, Attendance.signed_in_at,
                Attendance.signed_out_at)
         .join(ShiftAssignment, ShiftAssignment.id == Attendance.assignment_id)
         .join(Shift, Shift.id == ShiftAssignment.shift_id)
         .join(Site, Site.id == Shift.site_id)
         .where(Attendance.status.in_(SERVED), Attendance.signed_in_at.is_not(None),
                Attendance.signed_out_at.is_not(None)))
    if ids is not None:
        q = q.where(served_by.in_(ids))
    if first is not None:
        q = q.where(Shift.day >= first)
    if last is not None:
        q = q.where(Shift.day <= last)
    out = []
    for vid, shift_id, day, duty, site, signed_in, signed_out in s.connection().execute(q):
        minutes = int((signed_out - signed_in).total_seconds() // 60)
        rate = book.points(DUTY_HOUR, day)
        what = f"{site} {_duty_word(duty)} {signed_in:%H:%M}–{signed_out:%H:%M}" if detailed else ""
        out.append(PointEntry(vid, day, DUTY_HOUR, "shift", shift_id, what, round(minutes / 60, 2),
                              duty_points(minutes, rate)))
    return out


def _duty_word(code: str) -> str:
    try:
        return DutyType(code).zh
    except ValueError:
        return code


def _clues(s: Session, book: RuleBook, ids: list[int] | None, first: date | None,
           last: date | None) -> list[PointEntry]:
    led = (Clue.closing == ClueClosing.LED_TO_INCIDENT.value) | Clue.incident_id.is_not(None)
    q = (select(Clue.id, Clue.number, Clue.reporter_id, Clue.reported_at, Clue.verified_at, Clue.closed_at,
                led.label("led"))
         .where(Clue.verified_at.is_not(None) | led))
    if ids is not None:
        q = q.where(Clue.reporter_id.in_(ids))
    if first is not None:
        q = q.where((Clue.verified_at >= datetime.combine(first, time())) | (Clue.closed_at >= datetime.combine(
            first, time())) | (Clue.reported_at >= datetime.combine(first, time())))
    out = []
    for cid, number, vid, reported, verified, closed, is_led in s.execute(q):
        found = []
        if verified is not None:
            found.append((CLUE_VERIFIED, verified.date(), f"线索 {number} 经核实"))
        if is_led:
            found.append((CLUE_INCIDENT, (closed or verified or reported).date(), f"线索 {number} 引发警情"))
        for kind, day, what in found:
            if (first is None or day >= first) and (last is None or day <= last):
                out.append(PointEntry(vid, day, kind, "clue", cid, what, 1, book.points(kind, day)))
    return out


def _activities(s: Session, book: RuleBook, ids: list[int] | None, first: date | None,
                last: date | None) -> list[PointEntry]:
    q = (select(ActivityParticipant.volunteer_id, Activity.id, Activity.day, Activity.activity_type, Activity.theme,
                ActivityParticipant.minutes, func.coalesce(Site.name, Activity.location))
         .join(Activity, Activity.id == ActivityParticipant.activity_id)
         .outerjoin(Site, Site.id == Activity.site_id))
    out = []
    for vid, aid, day, kind, theme, minutes, place in s.execute(_limited(q, ActivityParticipant.volunteer_id, Activity.day, ids, first, last)):
        kind_zh = ActivityType(kind).zh if kind in ActivityType._value2member_map_ else kind
        what = f"{theme or kind_zh}（{place}）" if place else (theme or kind_zh)
        code = activity_kind(kind)
        out.append(PointEntry(vid, day, code, "activity", aid, what, round(minutes / 60, 2), book.points(code, day)))
    return out


def _commendations(s: Session, book: RuleBook, ids: list[int] | None, first: date | None,
                   last: date | None) -> list[PointEntry]:
    q = select(Commendation.volunteer_id, Commendation.id, Commendation.awarded_on, Commendation.level,
               Commendation.name, Commendation.awarded_by)
    out = []
    for vid, cid, day, level, name, body in s.execute(
            _limited(q, Commendation.volunteer_id, Commendation.awarded_on, ids, first, last)):
        level_zh = AwardLevel(level).zh if level in AwardLevel._value2member_map_ else level
        code = commendation_kind(level)
        out.append(PointEntry(vid, day, code, "commendation", cid, f"{name}（{level_zh}，{body}）", 1,
                              book.points(code, day)))
    return out


def _limited(q, volunteer, day, ids: list[int] | None, first: date | None, last: date | None):  # noqa: ANN001, ANN202
    """`q` kept to the volunteers (None: everyone) and the days [first, last] (None: open)."""
    if ids is not None:
        q = q.where(volunteer.in_(ids))
    if first is not None:
        q = q.where(day >= first)
    if last is not None:
        q = q.where(day <= last)
    return q
