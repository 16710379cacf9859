"""The users page: create, edit, reset a password and unlock, with errors under the
fields; and which roles see which pages and buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel

from redband_desktop.domain.access import Role
from redband_desktop.errors import PermissionDenied
from redband_desktop.paths import UserDirs
from redband_desktop.services.accounts.types import UserForm
from redband_desktop.ui.admin.reset_password_dialog import ResetPasswordDialog
from redband_desktop.ui.admin.user_dialog import UserDialog
from redband_desktop.ui.admin.users_page import UsersPage
from redband_desktop.ui.main_window import AppInfo, MainWindow
from tests.ui.staff import STAFF_PASSWORD, add_staff


@pytest.fixture(autouse=True)
def zh_locale():
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    QLocale.setDefault(old)


@pytest.fixture
def page(qtbot, services):
    services.structure.create_district("一片区")
    widget = UsersPage(services)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def shown(widget, name: str) -> str:
    label = widget.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisible() else ""


def cells(page: UsersPage, username: str) -> list[str]:
    for r in range(page.table.rowCount()):
        if page.table.item(r, 0).text() == username:
            return [page.table.item(r, c).text() for c in range(page.table.columnCount())]
    raise AssertionError(f"{username} not listed")


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_lists_users_with_chinese_role_labels(page) -> None:
    row = cells(page, "admin")
    assert row[1] == "系统管理员" and row[3] == "管理员" and row[5] and not row[6]


def test_sorts_by_a_header_click_and_counts_the_accounts(page, services) -> None:
    for name, display in (("zhao", "赵六"), ("bai", "白五")):
        services.accounts.create_user(UserForm(name, display, "", Role.CLERK.value), "Initial#2026", "Initial#2026")
    column = lambda c: [page.table.item(r, c).text() for r in range(page.table.rowCount())]  # noqa: E731
    assert column(0) == ["admin", "bai", "zhao"] and "3" in page.count.text()
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert column(0) == ["zhao", "bai", "admin"]
    page.table.selectRow(0)
    assert page.selected_row().username == "zhao"  # the row clicked, whatever the order
    header = page.table.horizontalHeader()
    assert sum(header.sectionSize(c) for c in range(header.count())) >= page.table.viewport().width() - 2


def test_create_a_user_with_errors_under_the_fields(qtbot, page, services) -> None:
    page.add_user()
    dialog = page.findChild(UserDialog)
    dialog.username.setText("x")
    dialog.password.setText("short")
    dialog.save()
    assert "3–40" in shown(dialog, "username_error")
    assert "必填" in shown(dialog, "display_name_error")
    dialog.username.setText("lisi")
    dialog.display_name.setText("李四")
    choose(dialog.role, Role.OFFICER.value)
    dialog.save()
    assert shown(dialog, "district_id_error") == "社区民警须指定负责片区"
    choose(dialog.district, services.structure.districts()[0].id)
    dialog.save()
    assert "至少 8 位" in shown(dialog, "password_error") and not shown(dialog, "username_error")
    dialog.password.setText("Initial#2026")
    dialog.confirm.setText("Initial#2026")
    dialog.save()
    assert not dialog.isVisible()
    assert cells(page, "lisi")[1:5] == ["李四", "", "社区民警", "一片区"]
    assert "lisi" in shown(page, "users_message")
    assert services.accounts.sign_in("lisi", "Initial#2026").must_change_password


def add_staff_behind(page, services, username: str) -> None:  # noqa: ANN001
    """`add_staff` signs the new user in for a moment: the page stays out of sight meanwhile
    (a page shown to an administrator is never shown to a clerk), and catches up when shown."""
    page.hide()
    add_staff(services, username)
    page.show()


def test_edit_a_user(qtbot, page, services) -> None:
    add_staff_behind(page, services, "lisi")
    page.refresh()
    page.select(next(u.id for u in services.accounts.users() if u.username == "lisi"))
    page.edit_selected()
    dialog = page.findChild(UserDialog)
    assert dialog.username.text() == "lisi" and not dialog.district.isEnabled()
    dialog.display_name.setText("")
    dialog.save()
    assert "必填" in shown(dialog, "display_name_error")
    dialog.display_name.setText("李四")
    choose(dialog.role, Role.VIEWER.value)
    dialog.active.setChecked(False)
    dialog.save()
    assert not dialog.isVisible()
    assert cells(page, "lisi")[1] == "李四" and cells(page, "lisi")[3] == "只读用户"
    with pytest.raises(PermissionDenied):
        services.accounts.sign_in("lisi", STAFF_PASSWORD)


def test_the_last_administrator_cannot_be_demoted(qtbot, page, services) -> None:
    page.select(services.access.user.id)
    page.edit_selected()
    dialog = page.findChild(UserDialog)
    choose(dialog.role, Role.CLERK.value)
    dialog.save()
    assert shown(dialog, "role_error") == "不能停用或降级最后一个管理员"


def test_reset_password_and_unlock(qtbot, page, services) -> None:
    add_staff_behind(page, services, "lisi")
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            services.accounts.sign_in("lisi", "wrong")
    page.refresh()
    lisi = next(u for u in services.accounts.users() if u.username == "lisi")
    page.select(lisi.id)
    assert cells(page, "lisi")[6] and page.unlock_button.isEnabled()
    page.unlock_button.click()
    assert cells(page, "lisi")[6] == "" and "lisi" in shown(page, "users_message")
    page.hide()  # lisi signs in for a moment: not in front of the administrator's page
    assert services.accounts.sign_in("lisi", STAFF_PASSWORD).username == "lisi"
    services.accounts.sign_in("admin", "Station#2026")
    page.show()
    page.select(lisi.id)
    page.reset_password()
    dialog = page.findChild(ResetPasswordDialog)
    dialog.password.setText("New#2026pass")
    dialog.confirm.setText("New#2026pas")
    dialog.save()
    assert shown(dialog, "confirm_password_error") == "两次输入的密码不一致"
    dialog.confirm.setText("New#2026pass")
    dialog.save()
    assert not dialog.isVisible() and "lisi" in shown(page, "users_message")
    assert services.accounts.sign_in("lisi", "New#2026pass").must_change_password


def test_security_settings(qtbot, page, services) -> None:
    assert page.security is not None
    page.security.idle_minutes.setValue(5)
    page.security.purge_after_years.setValue(4)
    page.security.save_button.click()
    assert "已保存" in page.security.saved_note.text() or "Saved" in page.security.saved_note.text()
    settings = services.station.settings()
    assert (settings.idle_minutes, settings.purge_after_years) == (5, 4)


def window_for(qtbot, services, tmp_path, username: str) -> MainWindow:
    services.accounts.sign_in(username, STAFF_PASSWORD)
    win = MainWindow(services, AppInfo("t", "sqlite:///t", UserDirs.under(tmp_path / username)))
    qtbot.addWidget(win)
    return win


def nav_titles(win: MainWindow) -> list[str]:
    return [win.nav.item(i).text() for i in range(win.nav.count())]


def test_pages_and_buttons_follow_the_role(qtbot, services, tmp_path) -> None:
    for name, role in (("clerk1", "clerk"), ("viewer1", "viewer"), ("leader1", "leader")):
        add_staff(services, name, role)
    admin = MainWindow(services, AppInfo("t", "sqlite:///t", UserDirs.under(tmp_path / "a")))
    qtbot.addWidget(admin)
    assert admin.users is not None and admin.audit is not None
    clerk = window_for(qtbot, services, tmp_path, "clerk1")
    assert clerk.users is None and clerk.audit is None and clerk.backups is None
    assert len(nav_titles(clerk)) == len(nav_titles(admin)) - 3  # no users, audit trail, backups
    assert clerk.roster.add_button.isEnabled() and "辅警/录入员" in clerk.user_label.text()
    viewer = window_for(qtbot, services, tmp_path, "viewer1")
    assert not viewer.roster.add_button.isEnabled()
    viewer.roster.table.selectRow(0)
    assert not viewer.roster.edit_button.isEnabled() and not viewer.roster.status_button.isEnabled()
    leader = window_for(qtbot, services, tmp_path, "leader1")
    assert leader.users is None and leader.audit is not None


def test_sign_out_rebuilds_the_window_for_the_next_user(qtbot, services, tmp_path) -> None:
    add_staff(services, "clerk1", "clerk")
    next_user = []
    win = MainWindow(services, AppInfo("t", "sqlite:///t", UserDirs.under(tmp_path / "a")),
                     sign_in=lambda: bool(next_user.append(services.accounts.sign_in("clerk1", STAFF_PASSWORD))) or True)
    qtbot.addWidget(win)
    win.show()
    assert win.users is not None
    win.findChild(type(win.structure_action), "sign_out").trigger()
    assert next_user and win.isVisible()
    assert win.users is None and win.audit is None and "测试clerk1" in win.user_label.text()
