"""Exports from the window as a clerk uses them: the roster and the card register as
filtered and sorted on screen, the sites with their buildings and heads, the user accounts
(administrators); personal numbers masked for roles without the full-export right, the
buttons off for roles without export, and every export in the audit trail."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QLocale, Qt

from redband_desktop.paths import UserDirs
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.ui.main_window import AppInfo, MainWindow
from tests.ui.staff import STAFF_PASSWORD, add_staff


def window(qtbot, services, tmp_path: Path, username: str | None = None) -> MainWindow:  # noqa: ANN001
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    if username:
        services.accounts.sign_in(username, STAFF_PASSWORD)
    win = MainWindow(services, AppInfo("t", "sqlite:///t", UserDirs.under(tmp_path / (username or "admin"))))
    qtbot.addWidget(win)
    return win


def rows_of(path: Path) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(path.read_bytes())).active
    return list(sheet.iter_rows(values_only=True))


def test_roster_exports_the_filtered_view_in_its_order(qtbot, demo_services, tmp_path) -> None:  # noqa: ANN001
    win = window(qtbot, demo_services, tmp_path)
    page = win.roster
    page.filters.status.setCurrentIndex(page.filters.status.findData("left"))
    page.model.sort(0, Qt.SortOrder.DescendingOrder)  # a click on the name header, twice
    shown = [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]
    assert 0 < len(shown) < 1100
    out = tmp_path / "花名册"
    page.export(str(out))
    cells = rows_of(Path(f"{out}.xlsx"))
    assert "已退出" in str(cells[0][0])  # the title row names the filter
    assert cells[1][:3] == ("姓名", "性别", "身份证号")
    assert [r[0] for r in cells[2:]] == shown
    assert all(len(r[2]) == 18 and "*" not in r[2] for r in cells[2:])  # the administrator: in full
    assert f"{len(shown):,}" in page.export_note.text()
    entry = demo_services.audit.page(AuditFilter(action="export"), 0, 1)[0]
    assert entry.entity == "volunteer"


def test_a_clerk_exports_masked_numbers_and_a_viewer_cannot_export(qtbot, demo_services, tmp_path) -> None:  # noqa: ANN001
    add_staff(demo_services, "clerk1", "clerk")
    add_staff(demo_services, "viewer1", "viewer")
    clerk = window(qtbot, demo_services, tmp_path, "clerk1")
    out = tmp_path / "clerk.xlsx"
    clerk.roster.export(str(out))
    numbers = [r[2] for r in rows_of(out)[2:]]
    assert len(numbers) == clerk.roster.model.rowCount() > 1000 and all("*" in n for n in numbers)
    assert clerk.users is None  # accounts are the administrators' to export
    viewer = window(qtbot, demo_services, tmp_path, "viewer1")
    assert not viewer.roster.export_button.isEnabled()
    assert not viewer.cards.register.export_button.isEnabled()
    assert not viewer.sites.export_button.isEnabled()


def test_card_register_exports_what_it_shows_in_the_order_shown(qtbot, demo_services, tmp_path) -> None:  # noqa: ANN001
    from redband_desktop.services.cards.types import CardFilter
    from redband_desktop.services.roster.types import RosterFilter

    if not demo_services.cards.register(CardFilter(status="valid")):  # a demo station without cards yet
        for v in demo_services.roster.search(RosterFilter(status="active"), 12).first_page:
            demo_services.cards.issue(v.id)
    win = window(qtbot, demo_services, tmp_path)
    register = win.cards.register
    register.status.setCurrentIndex(register.status.findData("valid"))
    register.table.sortItems(1, Qt.SortOrder.AscendingOrder)  # a click on the name header
    shown = [register.table.item(r, 0).text() for r in range(register.table.rowCount())]
    assert shown and len(shown) == len(demo_services.cards.register(CardFilter(status="valid")))
    out = tmp_path / "证件.xlsx"
    register.export(str(out))
    cells = rows_of(out)
    header = next(i for i, r in enumerate(cells) if r[0] == "证号")
    assert [r[0] for r in cells[header + 1:]] == shown
    assert {r[7] for r in cells[header + 1:]} == {"有效"}
    assert f"{len(shown):,}" in register.export_note.text() and "证件.xlsx" in register.export_note.text()


def test_sites_heads_and_users_exports(qtbot, demo_services, tmp_path) -> None:  # noqa: ANN001
    win = window(qtbot, demo_services, tmp_path)
    win.sites.export_sites(str(tmp_path / "sites.xlsx"))
    sites = rows_of(tmp_path / "sites.xlsx")
    assert any("金色家园" in r for r in sites)
    win.sites.export_heads(str(tmp_path / "heads.xlsx"))
    heads = rows_of(tmp_path / "heads.xlsx")
    assert heads[1][:5] == ("片区", "场所", "场所类型", "楼栋/市场片区", "负责人")
    assert len(heads) > 40
    assert "heads.xlsx" in win.sites.export_note.text()
    win.users.export(str(tmp_path / "users.xlsx"))
    users = rows_of(tmp_path / "users.xlsx")
    assert any(r[0] == "admin" for r in users)
    assert "users.xlsx" in win.users.export_note.text()
    kinds = {e.entity for e in demo_services.audit.page(AuditFilter(action="export"), 0, 10)}
    assert {"site", "building", "user"} <= kinds


def test_an_export_to_a_folder_that_cannot_be_written_says_so(qtbot, demo_services, tmp_path) -> None:  # noqa: ANN001
    win = window(qtbot, demo_services, tmp_path)
    win.roster.export(str(tmp_path / "no-such-folder" / "花名册.xlsx"))
    assert "无法写入" in win.roster.export_note.text() or "could not be written" in win.roster.export_note.text()
