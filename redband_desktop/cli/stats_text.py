"""`redband stats` as plain text for a person at a terminal: volunteers, coverage of
buildings and zones, incidents by year and category, mediation cases by stage and clue
reports by state, and the duty rota (shifts, how full, attendance, hours). (`--json`
prints the same report for scripts.)"""

from __future__ import annotations


def stats_text(report: dict, lang: str) -> str:
    zh = lang.startswith("zh")
    sections = (_volunteers, _coverage, _incidents, _mediation, _clues, _duty)
    return "\n".join(line for section in sections for line in section(report, lang, zh))


def _volunteers(report: dict, lang: str, zh: bool) -> list[str]:
    from redband_desktop.domain.enums import SiteKind, VolunteerStatus

    v = report["volunteers"]
    lines = [f"{'志愿者总数' if zh else 'Volunteers'}: {v['total']}"]
    lines += [f"  {VolunteerStatus(k).label(lang)}: {n}" for k, n in v["by_status"].items()]
    lines += [f"  {SiteKind(k).label(lang)}: {n}" for k, n in v["by_site_kind"].items()]
    lines += [f"  {name}: {n}" for name, n in v["by_district"].items()]
    return lines


def _coverage(report: dict, lang: str, zh: bool) -> list[str]:
    c = report.get("coverage")
    if not c:
        return []
    b, z = c["buildings"], c["zones"]
    return [f"{'楼栋长覆盖' if zh else 'Building heads'}: {b['covered']}/{b['total']}",
            f"{'市场片区负责人覆盖' if zh else 'Market zone leads'}: {z['covered']}/{z['total']}"]


def _incidents(report: dict, lang: str, zh: bool) -> list[str]:
    from redband_desktop.domain.incidents import IncidentCategory

    i = report.get("incidents")
    if not i:
        return []
    years = "  ".join(f"{year}: {n}" for year, n in i["by_year"].items())
    lines = [f"{'警情总数' if zh else 'Incidents'}: {i['total']}" + (f"（{years}）" if years else "")]
    lines += [f"  {IncidentCategory(k).label(lang)}: {n}" for k, n in i["by_category"].items() if n]
    return lines


def _mediation(report: dict, lang: str, zh: bool) -> list[str]:
    from redband_desktop.domain.mediation import CaseStatus

    m = report.get("mediation")
    if not m:
        return []
    lines = [f"{'人民调解案件' if zh else 'Mediation cases'}: {m['total']}"]
    lines += [f"  {CaseStatus(k).label(lang)}: {n}" for k, n in m["by_status"].items() if n]
    lines.append(f"  {'协议合计（书面和口头）' if zh else 'Agreements'}: {m['agreements']}")
    lines.append(f"  {'防止民转刑' if zh else 'Kept from turning criminal'}: {m['prevented_criminal']}")
    return lines


def _clues(report: dict, lang: str, zh: bool) -> list[str]:
    c = report.get("clues")
    if not c:
        return []
    from redband_desktop.domain.clues import ClueClosing, ClueStatus

    lines = [f"{'线索上报' if zh else 'Clue reports'}: {c['total']}"]
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
        return [f"排班（{d['from']}–{d['to']}）: {d['shifts']} 个班次",
                f"  安排到位率: {filled}", f"  到岗率: {attended}",
                f"  服务时长: {d['hours']} 小时（{d['volunteers_served']} 人）"]
    return [f"Duty rota ({d['from']}–{d['to']}): {d['shifts']} shifts", f"  filled: {filled}",
            f"  attendance: {attended}", f"  service hours: {d['hours']} ({d['volunteers_served']} volunteers)"]
