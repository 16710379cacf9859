"""The week view worded for the printed 排班表 (documents.rota_week): the title with the
station and the week, what the filters show, each cell's shifts with the leader marked and
the gap as "缺N人", and the "制表" line."""

from __future__ import annotations

from datetime import date, datetime

from redband_desktop.documents.rota_week import (
    LEADER_MARK,
    RotaSheet,
    SheetCell,
    SheetRow,
    SheetShift,
)
from redband_desktop.domain.rota import DutyType, Weekday
from redband_desktop.services.rota.types import ShiftInfo, WeekView

DOCUMENT_FORMATS = ("pdf", "xlsx")


def week_words(monday: date, sunday: date) -> str:
    """2026年11月30日—12月6日 (the year again only when the week crosses into a new one)."""
    end = f"{sunday.year}年{sunday.month}月{sunday.day}日" if sunday.year != monday.year else \
        f"{sunday.month}月{sunday.day}日"
    return f"{monday.year}年{monday.month}月{monday.day}日—{end}"


def shift_words(sh: ShiftInfo) -> SheetShift:
    ends = f"次日{sh.ends_at:%H:%M}" if sh.overnight else f"{sh.ends_at:%H:%M}"
    names = [p.name for p in sh.people]
    leader_on = bool(sh.leader) and sh.leader in names
    people = tuple(f"{n}{LEADER_MARK}" if leader_on and n == sh.leader else n for n in names)
    return SheetShift(f"{sh.starts_at:%H:%M}–{ends}", DutyType(sh.duty_type).zh, people, sh.gap,
                      "" if leader_on else sh.leader)


def rota_sheet(view: WeekView, station: str, shown: list[str], made_by: str, at: datetime) -> RotaSheet:
    rows = tuple(SheetRow(r.place, tuple(SheetCell(tuple(shift_words(sh) for sh in shifts), skip)
                                         for shifts, skip in zip(r.days, r.skipped, strict=True)))
                 for r in view.rows)
    days = tuple(f"{Weekday(str(d.weekday())).zh}\n{d.month}月{d.day}日" for d in view.days)
    title = f"{station} {week_words(view.days[0], view.days[-1])} 排班表".strip()
    totals = (f"场所 {len(view.rows)} 个，应到 {view.needed} 人次，已安排 {view.assigned} 人次，"
              f"缺人班次 {view.gaps} 个。{LEADER_MARK} 为带班负责人。")
    made = f"制表：{made_by}　{at.year}年{at.month}月{at.day}日 {at:%H:%M}　红袖标 Desktop"
    return RotaSheet(title, "；".join(shown) if shown else "全所各场所", days, rows, totals, made)
