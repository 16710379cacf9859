"""Service records (志愿服务记录): award levels, evaluation stars, certificate numbers and
merging service time so the same clock time is never counted twice — pure rules, no I/O."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from redband_desktop.domain.enums import LabeledEnum

INACTIVE_DAYS_KEY = "records.inactive_days"
INACTIVE_DAYS_DEFAULT = 90
STARS = range(1, 6)


class AwardLevel(LabeledEnum):
    NATIONAL = ("national", "国家级", "National")
    PROVINCE = ("province", "省级", "Provincial")
    CITY = ("city", "市级", "City")
    COUNTY = ("county", "区县级", "District / county")
    STATION = ("station", "派出所级", "Station")
    OTHER = ("other", "其他", "Other")


def certificate_number(year: int, serial: int) -> str:
    """The printed certificate number: the year and a four-digit serial (2026-0001)."""
    return f"{year:04d}-{serial:04d}"


def merged_minutes(spans: Iterable[tuple[datetime, datetime]]) -> int:
    """Minutes covered by the spans, overlapping time counted once (the same rule the
    database applies for many volunteers at once in `services.records.hours`)."""
    total, start, end = 0.0, None, None
    for s, e in sorted(spans):
        if end is None or s > end:
            if end is not None:
                total += (end - start).total_seconds() / 60
            start, end = s, e
        elif e > end:
            end = e
    if end is not None:
        total += (end - start).total_seconds() / 60
    return round(total)


def hours_text(minutes: int) -> str:
    """Hours to one decimal, without a trailing .0 (2, 2.5)."""
    return f"{round(minutes / 60, 1):g}"
