"""Roster export to Excel: masked by default, full values only for roles allowed, and
every export recorded in the audit trail."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from redband_desktop.errors import PermissionDenied
from redband_desktop.services.accounts.types import UserForm
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.roster.types import RosterFilter


def rows(export) -> list[tuple]:  # noqa: ANN001
    """The header row and the data rows (below the title row naming station, filter, date)."""
    sheet = load_workbook(io.BytesIO(export.data)).active
    table = list(sheet.iter_rows(values_only=True))
    assert table[0][0].startswith("金家河派出所 志愿者花名册") and sheet.freeze_panes == "A3"
    return table[1:]


def test_masked_export_of_the_filtered_roster(demo_services) -> None:  # noqa: ANN001
    svc = demo_services
    active = svc.roster.search(RosterFilter(status="active"), limit=0).total
    export = svc.roster.export(RosterFilter(status="active"))
    table = rows(export)
    assert export.rows == active == len(table) - 1
    header = table[0]
    ids, phones = header.index("身份证号"), header.index("手机号")
    assert all("********" in r[ids] and "****" in r[phones] for r in table[1:])
    assert {r[header.index("状态")] for r in table[1:]} == {"在岗"}
    entry = svc.audit.page(AuditFilter(action="export"), 0, 1)[0]
    assert entry.summary == f"{active} 行，已脱敏"


def test_full_export_only_for_roles_allowed(demo_services) -> None:  # noqa: ANN001
    svc = demo_services
    full = rows(svc.roster.export(RosterFilter(text="张洁"), full=True))
    assert len(full[1][2]) == 18 and "*" not in full[1][2]
    pw = "Clerk#2026x"
    svc.accounts.create_user(UserForm("clerk1", "录入员", role="clerk"), pw, pw)
    svc.accounts.sign_in("clerk1", pw)
    svc.accounts.change_password(pw, pw + "y", pw + "y")
    with pytest.raises(PermissionDenied):
        svc.roster.export(RosterFilter(), full=True)
    assert svc.roster.export(RosterFilter(text="张洁")).rows >= 1
