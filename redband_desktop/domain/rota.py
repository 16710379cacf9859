"""Duty rota (排班) rules with no I/O: the duty types with their default lengths, weekdays
as a bit mask, and the time rules of a shift.

A shift is a span of wall-clock time on one day. An end at or before the start means the
shift runs past midnight (22:00–02:00): it belongs to the day it starts, and ends on the
next. Two shifts overlap when each starts before the other ends (a shift ending at 14:00
and one starting at 14:00 do not). The rota stores each concrete shift's start and end as
date-times, so overlap across midnight is a plain comparison.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta

from redband_desktop.domain.enums import LabeledEnum


class DutyType(LabeledEnum):
    """What volunteers do on a shift, with the length a new shift of the type gets."""

    minutes: int

    def __new__(cls, code: str, zh: str, en: str, minutes: int) -> DutyType:
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.zh = zh  # type: ignore[attr-defined]
        obj.en = en  # type: ignore[attr-defined]
        obj.minutes = minutes
        return obj

    PATROL = ("patrol", "巡逻防范", "Patrol", 120)
    INFO_WARNING = ("info_warning", "信息预警", "Information warning", 120)
    CLUE_REPORTING = ("clue_reporting", "线索上报", "Clue reporting", 120)
    ORDER_KEEPING = ("order_keeping", "秩序维护", "Order keeping", 180)
    DAILY_DUTY = ("daily_duty", "日常值守", "Daily duty", 240)
    OTHER = ("other", "其他", "Other", 120)


class Weekday(LabeledEnum):
    """Monday first, as Python's `date.weekday()` counts (0 = Monday)."""

    MON = ("0", "周一", "Mon")
    TUE = ("1", "周二", "Tue")
    WED = ("2", "周三", "Wed")
    THU = ("3", "周四", "Thu")
    FRI = ("4", "周五", "Fri")
    SAT = ("5", "周六", "Sat")
    SUN = ("6", "周日", "Sun")


class AttendanceStatus(LabeledEnum):
    """What became of one assigned volunteer on one shift; hours come only from present,
    late and swapped-in service (a swap names who served instead)."""

    PRESENT = ("present", "到岗", "Present")
    LATE = ("late", "迟到", "Late")
    ABSENT = ("absent", "缺勤", "Absent")
    SWAPPED = ("swapped", "换班", "Swapped")


EVERY_DAY = 0b1111111
WORK_DAYS = 0b0011111
MAX_SHIFT_MINUTES = 24 * 60 - 1  # a span covers less than a whole day


def weekday_mask(days: Iterable[int]) -> int:
    """The bit mask of weekdays (0 = Monday … 6 = Sunday); ValueError for anything else."""
    mask = 0
    for d in days:
        if isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6:
            raise ValueError(d)
        mask |= 1 << d
    return mask


def weekdays_of(mask: int) -> tuple[int, ...]:
    return tuple(d for d in range(7) if mask & (1 << d))


def runs_on(mask: int, day: date) -> bool:
    return bool(mask & (1 << day.weekday()))


def is_overnight(start: time, end: time) -> bool:
    """22:00–02:00 runs past midnight. An end equal to the start is refused elsewhere
    (`span_problem`): it would be nothing or a whole day."""
    return end < start


def span_problem(start: time, end: time) -> str | None:
    """The message code of a time span that cannot be a shift, or None."""
    if start == end:
        return "rota_same_time"
    return None


def span_on(day: date, start: time, end: time) -> tuple[datetime, datetime]:
    """The start and end of a shift of `day` (the end on the next day when overnight)."""
    begins = datetime.combine(day, start)
    ends = datetime.combine(day + timedelta(days=1) if is_overnight(start, end) else day, end)
    return begins, ends


def length_minutes(start: time, end: time) -> int:
    begins, ends = span_on(date(2000, 1, 3), start, end)
    return int((ends - begins).total_seconds() // 60)


def default_end(start: time, duty: DutyType) -> time:
    """Where a shift of `duty` starting at `start` ends by default (wrapping past midnight)."""
    return (datetime.combine(date(2000, 1, 3), start) + timedelta(minutes=duty.minutes)).time()


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Whether two shifts share any time (touching ends do not)."""
    return a_start < b_end and b_start < a_end


def days(date_from: date, date_to: date) -> Iterator[date]:
    """Every day from `date_from` to `date_to`, both included."""
    day = date_from
    while day <= date_to:
        yield day
        day += timedelta(days=1)


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())
