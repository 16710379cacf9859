"""`redband stats` as plain text for a person at a terminal, under sub-headings: the period
and what it is compared with, incidents by group, category and district with the change
as the station writes it ("同比下降22%"), contact-type incidents per kind of site,
zero-incident sites, then volunteers, coverage of buildings and zones, mediation cases by
stage, clue reports by state, the duty rota (shifts, how full, attendance, hours), the
activities (by type, participants, hours, outreach audience) and the volunteers' service
(how many served, their hours, the ten with the most).
(`--json` prints the same report for scripts.)"""

from __future__ import annotations

import unicodedata
from functools import partial

from redband_desktop.domain.stats import change_text, count_change_text


def stats_text(report: dict, lang: str, comparison: str = "yoy") -> str:
    zh = lang.startswith("zh")
    sections = (_period, partial(_incidents, comparison=comparison), partial(_contact, comparison=comparison),
                _zero, _volunteers, _coverage, _mediation, _clues, _duty, _activities, _service)
    blocks = ["\n".join(section(report, lang, zh)) for section in sections]
    return "\n\n".join(b for b in blocks if b)


def _heading(zh_text: str, en_text: str, zh: bool) -> str:
    title = zh_text if zh else en_text
    return f"{title}\n{'=' * (len(title) * (2 if zh else 1))}"


def _period(report: dict, lang: str, zh: bool) -> list[str]:
    p, c = report["period"], report["compare_to"]
    return [_heading("统计时段", "Period", zh),
            f"{p['from']} — {p['to']}（{'对比' if zh else 'compared with'} {c['from']} — {c['to']}）" if zh
            else f"{p['from']} — {p['to']} (compared with {c['from']} — {c['to']})"]


def _columns(text: str) -> int:
    """Terminal columns `text` takes (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(label: str, width: int) -> str:
    return label + " " * max(1, width - _columns(label))


def _right(label: str, width: int) -> str:
    return " " * max(0, width - _columns(label)) + label


def _line(label: str, fig: dict, lang: str, comparison: str, width: int = 22) -> str:
    return (f"  {_pad(label, width)}{fig['current']:>7} {fig['previous']:>7}   "
            f"{change_text(fig['current'], fig['previous'], comparison, lang)}")


def _table_head(zh: bool, width: int = 22) -> str:
    cols = ("本期", "对比期", "变化") if zh else ("now", "before", "change")
    return f"  {_pad('', width)}{_right(cols[0], 7)} {_right(cols[1], 7)}   {cols[2]}"


def _incidents(report: dict, lang: str, zh: bool, comparison: str) -> list[str]:
    from redband_desktop.domain.incidents import IncidentCategory
    from redband_desktop.domain.stats import IncidentGroup

    i = report["incidents"]
    lines = [_heading("警情", "Incidents", zh), f"{'警情总数' if zh else 'Incidents'}: {i['total']}", "",
             _table_head(zh)]
    lines += [_line(IncidentGroup(k).label(lang), f, lang, comparison) for k, f in i["by_group"].items()]
    lines += ["", f"{'按类别' if zh else 'By category'}:", _table_head(zh)]
    lines += [_line(IncidentCategory(k).label(lang), f, lang, comparison) for k, f in i["by_category"].items()]
    lines += ["", f"{'按片区' if zh else 'By district'}:", _table_head(zh)]
    lines += [_line(name, f, lang, comparison) for name, f in i["by_district"].items()]
    return lines


def _contact(report: dict, lang: str, zh: bool, comparison: str) -> list[str]:
    from redband_desktop.domain.enums import SiteKind

    def label(kind: str) -> str:
        return SiteKind(kind).label(lang) if kind != "none" else ("未关联场所" if zh else "no site")
    figures = report["incidents"]["contact_by_site_kind"]
    return [_heading("接触性警情（按场所类型）", "Contact-type incidents by kind of site", zh), _table_head(zh)] + [
        _line(label(k), f, lang, comparison) for k, f in figures.items()]


def _zero(report: dict, lang: str, zh: bool) -> list[str]:
    from redband_desktop.domain.enums import SiteKind

    sites, before = report["zero_incident_sites"], report["zero_incident_sites_previous"]
    change = count_change_text(len(sites), before, lang)
    lines = [_heading("零发案小区、单位", "Zero-incident compounds and units", zh),
             f"{len(sites)} 个，对比期 {before} 个（{change}）" if zh
             else f"{len(sites)}, against {before} ({change})"]
    lines += [f"  {z['name']}（{SiteKind(z['kind']).label(lang)}，{z['district']}）" if zh
              else f"  {z['name']} ({SiteKind(z['kind']).label(lang)}, {z['district']})" for z in sites]
    return lines



def _volunteers(report: dict, lang: str, zh: bool) -> list[str]:
    from redband_desktop.domain.enums import SiteKind, VolunteerStatus

    v = report["volunteers"]
    lines = [_heading("志愿者", "Volunteers", zh), f"{'志愿者总数' if zh else 'Volunteers'}: {v['total']}"]
    lines += [f"  {VolunteerStatus(k).label(lang)}: {n}" for k, n in v["by_status"].items()]
    lines += [f"  {SiteKind(k).label(lang)}: {n}" for k, n in v["by_site_kind"].items()]
    lines += [f"  {name}: {n}" for name, n in v["by_district"].items()]
    return lines


def _coverage(report: dict, lang: str, zh: bool) -> list[str]:
    c = report.get("coverage")
    if not c:
        return []
    b, z = c["buildings"], c["zones"]
    return [_heading("楼栋、市场片区覆盖", "Coverage", zh), f"{'楼栋长覆盖' if zh else 'Building heads'}: {b['covered']}/{b['total']}",
            f"{'市场片区负责人覆盖' if zh else 'Market zone leads'}: {z['covered']}/{z['total']}"]


def _mediation(report: dict, lang: str, zh: bool) -> list[str]:
    from redband_desktop.domain.mediation import CaseStatus

    m = report.get("mediation")
    if not m:
        return []
    lines = [_heading("人民调解", "Mediation", zh), f"{'人民调解案件' if zh else 'Mediation cases'}: {m['total']}"]
    lines += [f"  {CaseStatus(k).label(lang)}: {n}" for k, n in m["by_status"].items() if n]
    lines.append(f"  {'协议合计（书面和口头）' if zh else 'Agreements'}: {m['agreements']}")
    lines.append(f"  {'防止民转刑' if zh else 'Kept from turning criminal'}: {m['prevented_criminal']}")
    return lines


def _clues(report: dict, lang: str, zh: bool) -> list[str]:
    c = report.get("clues")
    if not c:
        return []
    from redband_desktop.domain.clues import ClueClosing, ClueStatus

    lines = [_heading("线索", "Clues", zh), f"{'线索上报' if zh else 'Clue reports'}: {c['total']}"]
    lines += [f"  {ClueStatus(k).label(lang)}: {n}" for k, n in c["by_status"].items() if n]
    lines += [f"  {ClueClosing(k).label(lang)}: {n}" for k, n in c["by_closing"].items() if n]
    return lines


def _duty(report: dict, lang: str, zh: bool) -> list[str]:
    d = report.get("duty")
    if not d or not d["shifts"]:
        return []
    filled = "—" if d["filled_pct"] is None else f"{d['filled_pct']}%"
    attended = "—" if d["attendance_pct"] is None else f"{d['attendance_pct']}%"
    if zh:
        return [_heading("排班", "Duty rota", zh), f"排班（{d['from']}–{d['to']}）: {d['shifts']} 个班次",
                f"  安排到位率: {filled}", f"  到岗率: {attended}",
                f"  服务时长: {d['hours']} 小时（{d['volunteers_served']} 人）"]
    return [_heading("排班", "Duty rota", zh), f"Shifts ({d['from']}–{d['to']}): {d['shifts']}", f"  filled: {filled}",
            f"  attendance: {attended}", f"  service hours: {d['hours']} ({d['volunteers_served']} volunteers)"]


def _activities(report: dict, lang: str, zh: bool) -> list[str]:
    a = report.get("activities")
    if not a or not a["total"]:
        return []
    from redband_desktop.domain.activities import ActivityType

    lines = [_heading("活动", "Activities", zh),
             f"活动（{a['from']}–{a['to']}）: {a['total']} 次" if zh else f"Activities ({a['from']}–{a['to']}): {a['total']}"]
    lines += [f"  {ActivityType(k).label(lang)}: {n}" for k, n in a["by_type"].items() if n]
    if zh:
        return [*lines, f"  参加志愿者: {a['participants']} 人（{a['participations']} 人次）",
                f"  服务时长: {a['hours']} 小时", f"  宣传受众: {a['outreach_audience']} 人次，发放资料 {a['leaflets']} 份"]
    return [*lines, f"  volunteers: {a['participants']} ({a['participations']} participations)",
            f"  hours: {a['hours']}", f"  outreach audience: {a['outreach_audience']}, leaflets: {a['leaflets']}"]


def _service(report: dict, lang: str, zh: bool) -> list[str]:
    v = report.get("service")
    if not v or not v["volunteers"]:
        return []
    if zh:
        lines = [_heading("志愿服务", "Volunteer service", zh),
                 f"有服务记录的志愿者（{v['from']}–{v['to']}）: {v['volunteers']} 人，服务时长 {v['hours']:g} 小时",
                 "  时长前十名:"]
        return lines + [f"  {x['rank']:>3}. {x['name']}（{x['volunteer_no']}，{x['site']}）{x['hours']:g} 小时"
                        for x in v["top"]]
    lines = [_heading("志愿服务", "Volunteer service", zh),
             f"Volunteers with service ({v['from']}–{v['to']}): {v['volunteers']}, {v['hours']:g} hours",
             "  top ten by hours:"]
    return lines + [f"  {x['rank']:>3}. {x['name']} ({x['volunteer_no']}, {x['site']}) {x['hours']:g} h"
                    for x in v["top"]]
