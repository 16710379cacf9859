"""The audit trail and the coverage table exported to Excel through their services: the
right is checked in the service, the export is recorded in the trail with its row count,
and the workbook reads back with the columns and rows the pages show."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import load_workbook

from redband_desktop.errors import PermissionDenied
from redband_desktop.services import Services
from redband_desktop.services.accounts.types import UserForm
from redband_desktop.services.audit.export import render_changes
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.shared.exports import Export

PW = "Export#2026pw"


def sheet(export: Export) -> list[tuple]:
    return list(load_workbook(io.BytesIO(export.data)).active.iter_rows(values_only=True))


def sign_in_as(services: Services, role: str) -> None:
    district = services.structure.create_district("测试片区").id if role == "officer" else None
    services.accounts.create_user(UserForm(role, f"{role}用户", role=role, district_id=district), PW, PW)
    services.accounts.sign_in(role, PW)
    services.accounts.change_password(PW, PW + "!", PW + "!")


def newest_entry(services: Services):  # noqa: ANN201
    services.accounts.sign_in("admin", "Station#2026")  # a viewer or clerk may not read the trail
    return services.audit.page(AuditFilter(), 0, 1)[0]


def test_audit_export_lists_the_filtered_trail_newest_first_and_records_itself(services) -> None:  # noqa: ANN001
    district = services.structure.create_district("金家河片区")
    services.structure.rename_district(district.id, district.version, "金家河一片区")
    f = AuditFilter(username="admin")
    shown = services.audit.page(f, 0, 1000)
    export = services.audit.export(f)
    table = sheet(export)
    assert table[0] == ("时间", "用户", "电脑", "操作", "记录", "摘要", "变更内容")
    assert export.rows == len(shown) == len(table) - 1 and not export.full
    assert [r[0] for r in table[1:]] == [e.at for e in shown]  # real times, newest first
    assert all(isinstance(r[0], datetime) and r[1] == "admin" for r in table[1:])
    rename = table[1]
    assert rename[3:6] == ("改名", f"片区 #{district.id}", "金家河一片区")
    assert rename[6].endswith(": 金家河片区 → 金家河一片区")
    entry = services.audit.page(AuditFilter(), 0, 1)[0]
    assert (entry.action, entry.entity, entry.summary) == ("export", "audit", f"{export.rows} 行，已脱敏")
    assert load_workbook(io.BytesIO(export.data)).active.title == "审计日志"


def test_audit_export_of_an_empty_search_is_recorded_too(services) -> None:  # noqa: ANN001
    export = services.audit.export(AuditFilter(username="nobody"))
    assert export.rows == 0 and len(sheet(export)) == 1
    assert services.audit.page(AuditFilter(), 0, 1)[0].summary == "0 行，已脱敏"


@pytest.mark.parametrize("role", ["clerk", "officer"])
def test_audit_export_needs_the_audit_right(services, role) -> None:  # noqa: ANN001
    sign_in_as(services, role)
    with pytest.raises(PermissionDenied):
        services.audit.export(AuditFilter())
    assert newest_entry(services).action != "export"


def test_render_changes_in_english() -> None:
    changes = {"phone": ["1", "2"], "notes": [None, "x"], "active": [True, False], "role": ["clerk", "admin"]}
    assert render_changes(changes, "en") == (
        "Phone: 1 → 2\nNotes: — → x\nActive: yes → no\nRole: Clerk → Administrator")


def test_coverage_export_has_one_row_per_site_with_its_gaps_and_is_recorded(demo_services) -> None:  # noqa: ANN001
    report = demo_services.coverage.report()
    export = demo_services.coverage.export()
    table = sheet(export)
    assert table[0] == ("场所", "片区", "楼栋", "已覆盖", "市场片区", "已覆盖", "覆盖率", "缺口")
    assert export.rows == len(report.sites) == len(table) - 1 > 0 and not export.full
    assert [r[:2] for r in table[1:]] == [(s.name, s.district_name) for s in report.sites]
    by_site = {s.id: row for s, row in zip(report.sites, table[1:], strict=True)}
    for s in report.sites:  # figures stay numbers, so the sheet sorts by them
        assert by_site[s.id][2:7] == (s.buildings_total, s.buildings_covered, s.zones_total, s.zones_covered,
                                      s.percent)
    for gap in report.gaps:
        assert f"{gap.place.label}：{gap.reason.zh}" in by_site[gap.place.site_id][7].split("；")
    assert {g.reason.zh for g in report.gaps} >= {"无负责人", "负责人已暂停", "负责人已退出"}
    entry = demo_services.audit.page(AuditFilter(), 0, 1)[0]
    assert (entry.action, entry.entity, entry.summary) == ("export", "coverage", f"{export.rows} 行，已脱敏")


def test_coverage_export_needs_the_export_right(demo_services) -> None:  # noqa: ANN001
    sign_in_as(demo_services, "viewer")
    assert demo_services.coverage.report().sites  # a viewer may look at coverage…
    with pytest.raises(PermissionDenied):
        demo_services.coverage.export()  # …but not take it away
    assert newest_entry(demo_services).action != "export"
