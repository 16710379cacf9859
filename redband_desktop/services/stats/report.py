"""The 治安成绩单 in the station's words: the headline sentence the news report opens with,
generated from the figures ("截至今年11月28日，矛盾纠纷警情同比下降22%，…；辖区“零发案”
小区、单位31个，较去年同期增加4个。"), the tables, the chart series and the zero-incident
lists, handed to `documents.report` as plain values. Chinese only: it is printed for the
station's leaders and filed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from redband_desktop.documents.report_types import Chart, ReportData, Series, Table
from redband_desktop.domain.enums import SiteKind
from redband_desktop.domain.incidents import IncidentCategory
from redband_desktop.domain.periods import Comparison, Period
from redband_desktop.domain.stats import Figure, IncidentGroup, change_text, count_change_text
from redband_desktop.services.stats.figures import NO_SITE
from redband_desktop.services.stats.types import PlaceFigures, StationFigures

CHANGE = ("本期", "对比期", "变化")
MONTHS = tuple(f"{m}月" for m in range(1, 13))


def _day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _span(p: Period) -> str:
    return f"{_day(p.start)}至{_day(p.end)}"


def _since(f: StationFigures) -> str:
    """How the sentence starts: "截至今年11月28日" for a year to date, else the dates."""
    p = f.period
    if p.start == date(p.end.year, 1, 1):
        return f"截至{p.end.year}年{p.end.month}月{p.end.day}日"
    return _span(p)


def _earlier(f: StationFigures) -> str:
    return "去年同期" if f.comparison is Comparison.YEAR_ON_YEAR else "上一时段"


def _said(label: str, fig: Figure, f: StationFigures) -> str:
    """"矛盾纠纷警情同比下降22%" — or "…与去年同期持平", "…12起（去年同期无）"."""
    text = change_text(fig.current, fig.previous, f.comparison)
    if text == "持平":
        return f"{label}警情与{_earlier(f)}持平"
    if text == "新增":
        return f"{label}警情{fig.current}起（{_earlier(f)}无）"
    return f"{label}警情{text}"


def headline(f: StationFigures) -> str:
    groups = "，".join(_said(g.zh, f.by_group[g.value], f) for g in IncidentGroup)
    now, before = len(f.zero_sites), f.zero_sites_previous
    change = count_change_text(now, before).replace(" ", "")
    zero = (f"辖区“零发案”小区、单位{now}个，较{_earlier(f)}{change}" if change != "持平"
            else f"辖区“零发案”小区、单位{now}个，与{_earlier(f)}持平")
    where = f"{f.scope}" if f.scope else ""
    return f"{_since(f)}，{where}{groups}；{zero}。"


def headline_en(f: StationFigures) -> str:
    """The headline for the English window: "1 January – 28 November 2026: disputes down 22%
    year on year, …; 29 zero-incident compounds and units, up 12"."""
    p = f.period
    parts = [f"{g.en.lower()} {change_text(f.by_group[g.value].current, f.by_group[g.value].previous, f.comparison, 'en')}"
             for g in IncidentGroup]
    zero = count_change_text(len(f.zero_sites), f.zero_sites_previous, "en")
    where = f" in {f.scope}" if f.scope else ""
    return (f"{p.start:%d %b %Y} – {p.end:%d %b %Y}{where}: {', '.join(parts)}; "
            f"{len(f.zero_sites)} zero-incident compounds and units ({zero}).")


def volunteers_sentence(f: StationFigures) -> str:
    w = f.volunteers
    helped = w.incidents_reported.current + w.incidents_assisted.current
    return (f"“红袖标”志愿者报告或协助处置警情{helped}起，上报线索{w.clues.current}条"
            f"（其中{w.clues_to_incidents.current}条转为警情），参与调解纠纷{w.mediated.current}件、"
            f"达成协议{w.agreements.current}件，防止民转刑{w.prevented_criminal.current}件。")


def _row(label: str, fig: Figure, f: StationFigures) -> tuple:
    return (label, fig.current, fig.previous, change_text(fig.current, fig.previous, f.comparison))


def _place_row(x: PlaceFigures, f: StationFigures, site: bool) -> tuple:
    head = (x.name, SiteKind(x.kind).zh, x.district) if site else (x.name,)
    groups = tuple(x.groups[g.value].current for g in IncidentGroup)
    return (*head, x.total.current, x.total.previous, change_text(x.total.current, x.total.previous, f.comparison),
            *groups, x.contact.current)


def tables(f: StationFigures) -> tuple[tuple[str, tuple[Table, ...]], ...]:
    categories = Table("分类警情", ("类别", *CHANGE), tuple(
        [_row(f"{g.zh}（合计）", f.by_group[g.value], f) for g in IncidentGroup]
        + [_row(c.zh, f.by_category[c.value], f) for c in IncidentCategory]
        + [_row("警情总数", f.total, f)]))
    loss = Figure(_yuan(f.fraud_loss.current), _yuan(f.fraud_loss.previous))
    fraud = Table("电信网络诈骗损失（元）", ("项目", *CHANGE), (_row("损失金额", loss, f),))
    groups = tuple(g.zh for g in IncidentGroup)
    districts = Table("各片区警情", ("片区", *CHANGE, *groups, "接触性警情"),
                      tuple(_place_row(x, f, False) for x in f.by_district))
    sites = Table("各场所警情", ("场所", "类型", "片区", *CHANGE, *groups, "接触性警情"),
                  tuple(_place_row(x, f, True) for x in f.by_site))
    kinds = {k.value: k.zh for k in SiteKind} | {NO_SITE: "未关联场所"}
    contact = Table("接触性警情（按场所类型）", ("场所类型", *CHANGE),
                    tuple(_row(kinds[k], fig, f) for k, fig in f.contact_by_site_kind.items()),
                    note="接触性警情：抢劫、抢夺、扒窃、接触性诈骗、殴打他人、治安盗窃。")
    return (("一、警情总体情况", (categories, fraud, contact)), ("二、片区与场所", (districts, sites)),
            ("三、“红袖标”志愿者工作", (_volunteer_table(f),)))


def _yuan(value: Decimal | int) -> int:
    return int(Decimal(value).quantize(Decimal(1)))


def _volunteer_table(f: StationFigures) -> Table:
    w = f.volunteers
    rows = [_row("报告警情（起）", w.incidents_reported, f), _row("协助处置警情（起）", w.incidents_assisted, f),
            _row("上报线索（条）", w.clues, f), _row("线索转为警情（条）", w.clues_to_incidents, f),
            _row("志愿者参与调解（件）", w.mediated, f), _row("达成调解协议（件）", w.agreements, f),
            _row("协议涉及金额（元）", Figure(_yuan(w.amount_yuan.current), _yuan(w.amount_yuan.previous)), f),
            _row("防止民转刑（件）", w.prevented_criminal, f)]
    for label, fig in (("值守时长（小时）", w.duty_hours), ("宣传覆盖人数（人次）", w.outreach_audience)):
        rows.append(_row(label, fig, f) if fig is not None else (label, "尚未记录", "尚未记录", ""))
    return Table("志愿者工作", ("项目", *CHANGE), tuple(rows), note=volunteers_sentence(f))


def zero_lists(f: StationFigures) -> tuple[Table, ...]:
    before = f"{_earlier(f)}发案数"
    return tuple(Table(f"零发案{label}（{len(f.zero_sites_of(kind))}个）", ("名称", "片区", before),
                       tuple((z.name, z.district, z.previous) for z in f.zero_sites_of(kind)))
                 for kind, label in ((SiteKind.COMPOUND.value, "小区"), (SiteKind.ORGANIZATION.value, "单位")))


def charts(f: StationFigures) -> tuple[Chart, ...]:
    m = f.monthly
    this_name, last_name = f"{m.year}年", f"{m.year - 1}年"

    def upto(values: tuple[int, ...]) -> tuple[int | None, ...]:
        return tuple(v if i < m.last_month else None for i, v in enumerate(values))
    part = (m.last_month - 1, f"※ {m.last_month}月截至{m.partial_day}日，未满月") if m.partial_day else (None, "")
    out = [Chart(f"{g.zh}警情月度对比", "line", MONTHS,
                 (Series(this_name, upto(m.groups_this[g.value])), Series(last_name, m.groups_last[g.value])),
                 "月份", "警情（起）", *part) for g in IncidentGroup]
    now, then = ("本期", _earlier(f))
    out.append(Chart("各片区警情", "bar", tuple(x.name for x in f.by_district),
                     (Series(now, tuple(x.total.current for x in f.by_district)),
                      Series(then, tuple(x.total.previous for x in f.by_district))), "片区", "警情（起）"))
    out.append(Chart("电信网络诈骗警情月度对比", "bar", MONTHS,
                     (Series(this_name, upto(m.fraud_this)), Series(last_name, m.fraud_last)), "月份", "警情（起）",
                     *part))
    return tuple(out)


def report_data(f: StationFigures, station: str, made: str) -> ReportData:
    scope = f"（{f.scope}）" if f.scope else ""
    return ReportData(
        title=f"{station}社会治安情况“成绩单”{scope}",
        subtitle=f"统计时段：{_span(f.period)}　对比时段（{f.comparison.zh}）：{_span(f.compare_to)}　按发案时间统计",
        headline=headline(f), sections=tables(f), charts=charts(f), zero_lists=zero_lists(f), footer=made)
