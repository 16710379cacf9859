"""The columns of the coverage export and one row of cells per site: its figures and its
gaps ("3栋：无负责人；5栋：负责人已退出"), as the coverage page's site table shows them."""

from __future__ import annotations

from typing import Any

from redband_desktop.domain.coverage import CoverageReport

EXPORT_HEADERS = ("场所", "片区", "楼栋", "已覆盖", "市场片区", "已覆盖", "覆盖率", "缺口")
SHEET_TITLE = "覆盖率"


def export_cells(report: CoverageReport) -> list[list[Any]]:
    """The percentage stays a number (None for a site with nothing to cover) so the
    spreadsheet can sort by it."""
    gaps: dict[int, list[str]] = {}
    for g in report.gaps:
        gaps.setdefault(g.place.site_id, []).append(f"{g.place.label}：{g.reason.zh}")
    return [
        [line.name, line.district_name, line.buildings_total, line.buildings_covered, line.zones_total,
         line.zones_covered, line.percent, "；".join(gaps.get(line.id, []))]
        for line in report.sites
    ]
