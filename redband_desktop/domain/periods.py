"""Reporting periods and what they are compared with (同比 / 环比), pure date arithmetic.

A period is two local dates, both included: an incident belongs to it when its date of
occurrence (发案时间) falls on or between them. The station reports "this month", "this
quarter", "year to date" (截至今日), "the last 12 months" or any range typed in, and compares
it with the same dates one year earlier (同比, year on year) or with the equal-length
period just before it (环比, period on period).

29 February has no twin in a common year: a date on it moves to 28 February, and a period
that ends on the last day of February ends on the last day of February a year earlier
(so February 2029 is compared with the whole of February 2028, 29th included).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from redband_desktop.domain.enums import LabeledEnum
from redband_desktop.errors import ValidationError

EARLIEST = date(2000, 1, 1)  # nothing the station records is older; a typo like 0202 is caught
LONGEST_DAYS = 366 * 10


class PeriodKind(LabeledEnum):
    MONTH = ("month", "本月", "This month")
    QUARTER = ("quarter", "本季度", "This quarter")
    YEAR_TO_DATE = ("ytd", "今年以来", "Year to date")
    LAST_12_MONTHS = ("last12", "近12个月", "Last 12 months")
    CUSTOM = ("custom", "自定义", "Custom range")


class Comparison(LabeledEnum):
    YEAR_ON_YEAR = ("yoy", "同比", "Year on year")
    PERIOD_ON_PERIOD = ("pop", "环比", "Period on period")


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # included

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def as_json(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def period_for(kind: PeriodKind | str, today: date, start: date | None = None, end: date | None = None) -> Period:
    """The period of `kind` as seen on `today` (a custom one from `start` and `end`)."""
    kind = PeriodKind(kind)
    if kind is PeriodKind.MONTH:
        return Period(today.replace(day=1), today)
    if kind is PeriodKind.QUARTER:
        return Period(date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today)
    if kind is PeriodKind.YEAR_TO_DATE:
        return Period(date(today.year, 1, 1), today)
    if kind is PeriodKind.LAST_12_MONTHS:
        return Period(_one_year_earlier(today) + timedelta(days=1), today)
    return custom_period(start, end)


def custom_period(start: date | None, end: date | None) -> Period:
    """A range typed in by the user; a missing or impossible end is an error naming it."""
    if start is None:
        raise ValidationError.single("date_from", "required")
    if end is None:
        raise ValidationError.single("date_to", "required")
    for field, value in (("date_from", start), ("date_to", end)):
        if value < EARLIEST or value.year > 2100:
            raise ValidationError.single(field, "stats_date_out_of_range", earliest=EARLIEST.isoformat())
    if end < start:
        raise ValidationError.single("date_to", "stats_end_before_start")
    if (end - start).days >= LONGEST_DAYS:
        raise ValidationError.single("date_to", "stats_period_too_long", years=LONGEST_DAYS // 366)
    return Period(start, end)


def compared_period(period: Period, comparison: Comparison | str) -> Period:
    """The period `period` is compared with: the same dates a year earlier, or the
    equal-length period ending the day before it starts."""
    if Comparison(comparison) is Comparison.PERIOD_ON_PERIOD:
        end = period.start - timedelta(days=1)
        return Period(end - timedelta(days=period.days - 1), end)
    start = _one_year_earlier(period.start)
    end = _one_year_earlier(period.end)
    if period.end.month == 2 and period.end.day == calendar.monthrange(period.end.year, 2)[1]:
        end = date(end.year, 2, calendar.monthrange(end.year, 2)[1])
    return Period(start, end)


def _one_year_earlier(day: date) -> date:
    if day.month == 2 and day.day == 29:
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)
