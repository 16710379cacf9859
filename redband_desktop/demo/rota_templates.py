"""The demo rota's templates per place, the days without shifts, and the shifts they make.

Each place gets the templates that fit it: evening patrols (19:00–21:00) in the compounds,
every day in the big ones and three or four evenings a week in the small; in the markets each zone
patrols every day and holds information / anti-fraud hours (信息预警) twice a week; the
organs and enterprises keep daily duty (日常值守) on working days. The markets close over
the Spring Festival and the units over the Spring Festival and National Day holidays
(skipped days). Who serves on the shifts is `demo.rota`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from redband_desktop.db.models.rota import Shift, ShiftTemplate, SkippedDate
from redband_desktop.demo.driver_rows import Stamps, insert_rows
from redband_desktop.domain.enums import SiteKind
from redband_desktop.domain.rota import EVERY_DAY, WORK_DAYS, DutyType, span_on, weekday_mask

# 除夕 (New Year's Eve of the lunar calendar) of each year: markets and units close from it.
NEW_YEARS_EVE = {2021: date(2021, 2, 11), 2022: date(2022, 1, 31), 2023: date(2023, 1, 21),
                 2024: date(2024, 2, 9), 2025: date(2025, 1, 28), 2026: date(2026, 2, 16),
                 2027: date(2027, 2, 5), 2028: date(2028, 1, 25), 2029: date(2029, 2, 12),
                 2030: date(2030, 2, 2), 2031: date(2031, 1, 22), 2032: date(2032, 2, 10)}
MARKET_CLOSED = 4  # 除夕 to 初三
UNITS_CLOSED = 7  # 除夕 to 初六


@dataclass(frozen=True)
class Plan:
    """A template to make: where, what, when, how many."""

    site: int
    district: int
    kind: str
    zone: int | None
    duty: DutyType
    weekdays: int
    start: time
    end: time
    needed: int
    notes: str


def plan_templates(sites: list, zones: dict, active: dict) -> list[Plan]:
    """The templates that fit each place with people enough to staff them."""
    plans = []
    markets = 0
    for site_id, kind, _name, district in sites:
        if kind == SiteKind.COMPOUND.value:
            n = active.get((site_id, None), 0)
            if n >= 4:  # a big compound patrols every evening, a small one three or four
                days = EVERY_DAY if n >= 20 else weekday_mask((0, 2, 4, 5) if n >= 10 else (1, 3, 5))
                plans.append(Plan(site_id, district, kind, None, DutyType.PATROL, days, time(19), time(21), 2,
                                  "晚间巡逻：楼栋、车棚、围墙周边"))
        elif kind == SiteKind.MARKET.value:
            big = markets == 0  # 大商汇 opens all day; the farmers' market is busiest early
            markets += 1
            for zid, _zone in zones[site_id]:
                n = active.get((site_id, zid), 0)
                if n < 3:
                    continue
                pair = 2 if n >= 8 else 1
                rounds = ((time(9, 30), time(11, 30)), (time(15, 30), time(17, 30))) if big else (
                    (time(7, 30), time(9, 30)),)
                for start, end in rounds:
                    plans.append(Plan(site_id, district, kind, zid, DutyType.PATROL, EVERY_DAY, start, end, pair,
                                      "市场巡逻：通道、商铺、出入口"))
                info_days, info_at = ((2, 5), (time(13, 30), time(15))) if big else ((5,), (time(9, 30), time(11)))
                plans.append(Plan(site_id, district, kind, zid, DutyType.INFO_WARNING, weekday_mask(info_days),
                                  *info_at, 1, "反诈宣传、信息预警"))
        elif active.get((site_id, None), 0) >= 2:
            plans.append(Plan(site_id, district, kind, None, DutyType.DAILY_DUTY, WORK_DAYS, time(8), time(12), 1,
                              "日常值守：门岗、巡查单位内部"))
    return plans


def add_templates(s: Session, plans: list[Plan], stamp: datetime) -> list[int]:
    """The templates, all made a few days before the rota starts; returns their ids."""
    base = s.scalar(select(func.coalesce(func.max(ShiftTemplate.id), 0)))
    rows = [{"id": base + i, "district_id": p.district, "site_id": p.site, "building_id": None, "zone_id": p.zone,
             "duty_type": p.duty.value, "weekdays": p.weekdays, "start_time": p.start, "end_time": p.end,
             "needed": p.needed, "leader_id": None, "notes": p.notes, "active": True,
             "created_at": stamp, "updated_at": stamp, "version": 1}
            for i, p in enumerate(plans, start=1)]
    s.execute(insert(ShiftTemplate.__table__), rows)
    return [r["id"] for r in rows]


def add_skips(s: Session, sites: list, first: date, last: date) -> set[tuple[date, int]]:
    """Markets closed 除夕–初三, units 除夕–初六 and 1–3 October, in the period."""
    closed: list[tuple[date, int, str]] = []
    for year in range(first.year, last.year + 1):
        eve = NEW_YEARS_EVE.get(year)
        for site_id, kind, _name, _district in sites:
            if kind == SiteKind.COMPOUND.value:
                continue
            if eve is not None:
                span, reason = (MARKET_CLOSED, "春节休市") if kind == SiteKind.MARKET.value else (UNITS_CLOSED, "春节放假")
                closed += [(eve + timedelta(days=i), site_id, reason) for i in range(span)]
            if kind == SiteKind.ORGANIZATION.value:
                closed += [(date(year, 10, d), site_id, "国庆放假") for d in (1, 2, 3)]
    closed = [c for c in closed if first <= c[0] <= last]
    if closed:
        s.execute(insert(SkippedDate.__table__), [
            {"day": day, "site_id": site_id, "reason": reason,
             "created_at": datetime.combine(day - timedelta(days=10), time(10))} for day, site_id, reason in closed])
    return {(day, site_id) for day, site_id, _ in closed}


@dataclass
class PlannedShift:
    """A shift as written, for choosing its people and its attendance."""

    id: int
    site: int
    zone: int | None
    duty: DutyType
    day: date
    starts: datetime
    ends: datetime
    needed: int
    span: tuple[object, object]  # starts and ends as the driver takes them


def add_shifts(s: Session, plans: list[Plan], template_ids: list[int], skips: set, first: date,
               last: date) -> list[PlannedShift]:
    """Each template's shifts on its weekdays from `first` to `last`, but not on the
    place's skipped days, each made the Thursday before its week."""
    base = s.scalar(select(func.coalesce(func.max(Shift.id), 0)))
    st = Stamps(s)
    out: list[PlannedShift] = []
    rows = []
    # each template's start and end as offsets from midnight (span_on once, not per day)
    offsets = [tuple(x - datetime.combine(first, time()) for x in span_on(first, p.start, p.end)) for p in plans]
    day = first
    while day <= last:
        bit = 1 << day.weekday()
        made = st(datetime.combine(day - timedelta(days=day.weekday() + 4), time(9)))  # the Thursday before
        on = st(day)
        midnight = datetime.combine(day, time())
        for p, tid, (start, end) in zip(plans, template_ids, offsets, strict=True):
            if not p.weekdays & bit or (day, p.site) in skips:
                continue
            starts, ends = midnight + start, midnight + end
            sh = PlannedShift(base + len(out) + 1, p.site, p.zone, p.duty, day, starts, ends, p.needed,
                              (st(starts), st(ends)))
            out.append(sh)
            rows.append((sh.id, tid, p.district, p.site, p.zone, p.duty.value, on, *sh.span, p.needed,
                         made, made, 1))
        day += timedelta(days=1)
    insert_rows(s, Shift.__tablename__, ("id", "template_id", "district_id", "site_id", "zone_id", "duty_type",
                                         "day", "starts_at", "ends_at", "needed", "created_at", "updated_at",
                                         "version"), rows)
    return out
