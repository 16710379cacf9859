"""Signing in: success, wrong passwords counting down to a lock, the forced password
change, the first run creating a signed-in administrator, and start-up without a user."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog, QLabel

from redband_desktop.db.engine import Database, database_url
from redband_desktop.domain.access import Role
from redband_desktop.paths import UserDirs
from redband_desktop.services import build_services
from redband_desktop.ui.accounts import sign_in_dialog
from redband_desktop.ui.accounts.change_password_dialog import ChangePasswordDialog
from redband_desktop.ui.accounts.sign_in_dialog import SignInDialog, sign_in_interactively
from redband_desktop.ui.admin.first_run_dialog import FirstRunDialog
from tests.ui.staff import ADMIN, STAFF_PASSWORD, add_staff


@pytest.fixture(autouse=True)
def zh_locale():
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    QLocale.setDefault(old)


@pytest.fixture
def fresh(db_path):
    """A migrated database with no station and no users; nobody signed in."""
    db = Database(database_url(db_path))
    yield build_services(db)
    db.dispose()


def shown(widget, name: str) -> str:
    label = widget.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisible() else ""


def open_sign_in(qtbot, services) -> SignInDialog:
    dialog = SignInDialog(services.accounts, "金家河派出所")
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def attempt(qtbot, dialog: SignInDialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter signs in


def test_right_password_signs_in(qtbot, services) -> None:
    add_staff(services, "lisi")
    services.accounts.sign_out()
    dialog = open_sign_in(qtbot, services)
    attempt(qtbot, dialog, "LiSi", STAFF_PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.access.user.username == "lisi" and services.access.user.role is Role.CLERK


def test_wrong_password_says_what_locks_then_when_the_lock_ends(qtbot, services) -> None:
    add_staff(services, "lisi")
    services.accounts.sign_out()
    dialog = open_sign_in(qtbot, services)
    attempt(qtbot, dialog, "lisi", "wrong-password")
    assert dialog.isVisible() and services.access.user is None
    assert "连续输错 5 次" in shown(dialog, "sign_in_error")
    assert dialog.password.text() == "" and dialog.password.hasFocus()
    for _ in range(4):
        attempt(qtbot, dialog, "lisi", "wrong-password")
    assert "账号已锁定" in shown(dialog, "sign_in_error") and "后再试" in shown(dialog, "sign_in_error")
    attempt(qtbot, dialog, "lisi", STAFF_PASSWORD)  # even the right password waits for the lock
    assert "账号已锁定" in shown(dialog, "sign_in_error") and services.access.user is None


def test_empty_fields_are_pointed_out_without_counting_a_failure(qtbot, services) -> None:
    services.accounts.sign_out()
    dialog = open_sign_in(qtbot, services)
    attempt(qtbot, dialog, "", "")
    assert shown(dialog, "sign_in_error") and dialog.username.hasFocus()
    dialog.username.setText("admin")
    dialog.sign_in()
    assert shown(dialog, "sign_in_error") and dialog.password.hasFocus()
    attempt(qtbot, dialog, "admin", "Station#2026")  # no failure was counted
    assert services.access.user.username == "admin"


def test_a_user_with_an_initial_password_must_change_it_first(qtbot, services) -> None:
    initial = add_staff(services, "wangwu", keep_initial=True)
    services.accounts.sign_out()
    dialog = open_sign_in(qtbot, services)
    attempt(qtbot, dialog, "wangwu", initial)
    assert dialog.actor.must_change_password
    change = ChangePasswordDialog(services.accounts, forced=True)
    qtbot.addWidget(change)
    change.show()
    assert change.findChild(QLabel, "forced_intro").isVisible()
    change.old.setText("not-it")
    change.new.setText("Mine#2026x")
    change.confirm.setText("Mine#2026x")
    change.save()
    assert shown(change, "old_password_error").startswith("当前密码不正确")
    change.old.setText(initial)
    change.new.setText("short")
    change.save()
    assert "至少 8 位" in shown(change, "password_error") and not shown(change, "old_password_error")
    change.new.setText("Mine#2026x")
    change.confirm.setText("Mine#2026y")
    change.save()
    assert shown(change, "confirm_password_error") == "两次输入的密码不一致"
    change.confirm.setText("Mine#2026x")
    change.save()
    assert change.result() == QDialog.DialogCode.Accepted
    assert not services.access.user.must_change_password


def test_cancelling_the_forced_change_signs_out(qtbot, services, monkeypatch) -> None:
    initial = add_staff(services, "wangwu", keep_initial=True)
    services.accounts.sign_out()

    def sign_in_exec(dialog):
        dialog.username.setText("wangwu")
        dialog.password.setText(initial)
        dialog.sign_in()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", sign_in_exec)
    monkeypatch.setattr(ChangePasswordDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    assert sign_in_interactively(services.accounts, "金家河派出所") is False
    assert services.access.user is None


def fill_admin(dialog: FirstRunDialog, password: str = "Jinjiahe#2026", confirm: str | None = None) -> None:
    dialog.username.setText("admin")
    dialog.display_name.setText("赵所长")
    dialog.password.setText(password)
    dialog.confirm.setText(password if confirm is None else confirm)


def test_first_run_creates_a_signed_in_administrator(qtbot, fresh) -> None:
    dialog = FirstRunDialog(fresh.setup, fresh.accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.station.setText("金家河派出所")
    fill_admin(dialog, "weak")
    dialog.username.setText("a")
    dialog.create()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    assert "3–40" in shown(dialog, "username_error") and dialog.username.hasFocus()
    dialog.username.setText("admin")
    dialog.create()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    assert "至少 8 位" in shown(dialog, "password_error") and not shown(dialog, "username_error")
    assert not fresh.setup.is_done() and fresh.setup.needs_admin()
    fill_admin(dialog)
    dialog.create()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert fresh.setup.is_done()
    assert fresh.access.user.username == "admin" and fresh.access.user.role is Role.ADMIN


def test_a_station_set_up_without_users_asks_only_for_the_administrator(qtbot, fresh) -> None:
    fresh.station.initialise("金家河派出所")
    dialog = FirstRunDialog(fresh.setup, fresh.accounts, station_name="金家河派出所")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.station.text() == "金家河派出所" and not dialog.station.isEnabled()
    assert not dialog.demo.isVisible()
    fill_admin(dialog, confirm="Jinjiahe#2027")
    dialog.create()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    assert shown(dialog, "confirm_password_error") == "两次输入的密码不一致"
    fill_admin(dialog)
    dialog.create()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert fresh.access.user.role is Role.ADMIN and not fresh.setup.needs_admin()


def test_start_up_signs_in_before_the_window_opens(qtbot, services, db_path, tmp_path, monkeypatch) -> None:
    from redband_desktop.app import open_main_window

    services.station.initialise("金家河派出所")
    add_staff(services, "lisi")
    dirs = UserDirs.under(tmp_path / "user")
    window = open_main_window(str(db_path), dirs, sign_in=lambda s: s.accounts.sign_in("lisi", STAFF_PASSWORD))
    qtbot.addWidget(window)
    assert "测试lisi（辅警/录入员）" in window.user_label.text()
    monkeypatch.setattr(sign_in_dialog.SignInDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    assert open_main_window(str(db_path), dirs) == 0  # the sign-in dialog was cancelled


def test_start_up_warns_when_the_database_is_on_a_network_share(qtbot, services, db_path, tmp_path,
                                                                 monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from redband_desktop.app import open_main_window
    from redband_desktop.services import opening

    services.station.initialise("金家河派出所")
    said: list[str] = []
    monkeypatch.setattr(opening, "network_share", lambda _path: "cifs")
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    window = open_main_window(str(db_path), UserDirs.under(tmp_path / "user"), sign_in=lambda s: s.accounts.sign_in(*ADMIN))
    qtbot.addWidget(window)
    assert len(said) == 1 and "网络共享" in said[0] and "PostgreSQL" in said[0]
