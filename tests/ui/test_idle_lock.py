"""The idle lock: after the interval without input a lock covers the window; only the
signed-in user's password lifts it, and a half-filled form underneath survives."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from redband_desktop.paths import UserDirs
from redband_desktop.ui.main_window import AppInfo, MainWindow
from redband_desktop.ui.roster.volunteer_dialog import VolunteerDialog
from tests.ui.staff import ADMIN

IDLE_MS = 1500  # generous: a busy CI machine must not lock between two keystrokes


@pytest.fixture
def window(qtbot, services, tmp_path):
    services.station.initialise("金家河派出所")
    info = AppInfo("test", "sqlite:///test", UserDirs.under(tmp_path / "user"))
    win = MainWindow(services, info, sign_in=lambda: False, idle_ms=IDLE_MS)
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    return win


def test_the_station_setting_is_the_default_interval(qtbot, services, tmp_path) -> None:
    services.station.update_security(7, 3)
    win = MainWindow(services, AppInfo("test", "sqlite:///test", UserDirs.under(tmp_path / "u")))
    qtbot.addWidget(win)
    assert win.idle.timer.interval() == 7 * 60_000


def test_lock_appears_after_the_interval_and_only_the_password_lifts_it(qtbot, window, services) -> None:
    window.roster.add_volunteer()
    form = window.roster.findChild(VolunteerDialog)
    form.name.setText("张洁")
    form.phone.setText("138")
    qtbot.waitUntil(lambda: window.idle.locked, timeout=3000)
    lock = window.idle.dialog
    assert lock.isVisible() and lock.isModal()
    lock.password.setText("not my password")
    lock.try_unlock()
    assert window.idle.locked and lock.isVisible()
    assert lock.findChild(QLabel, "lock_error").isVisible()
    lock.password.setText(ADMIN[1])
    lock.try_unlock()
    assert not window.idle.locked
    assert form.isVisible() and form.name.text() == "张洁" and form.phone.text() == "138"
    assert services.access.user.username == "admin"


def test_escape_does_not_unlock(qtbot, window) -> None:
    window.idle.lock()
    lock = window.idle.dialog
    qtbot.keyClick(lock.password, Qt.Key.Key_Escape)
    lock.close()
    assert window.idle.locked and lock.isVisible()


def test_input_postpones_the_lock(qtbot, window) -> None:
    for _ in range(4):
        qtbot.wait(IDLE_MS // 2)
        qtbot.mouseMove(window.roster.table, window.roster.table.rect().center())
        qtbot.keyClick(window.roster.filters.search, "a")
    assert not window.idle.locked


def test_sign_out_from_the_lock_asks_for_the_next_user(qtbot, window, services) -> None:
    window.idle.lock()
    window.idle.dialog.sign_out_button.click()
    assert services.access.user is None and not window.isVisible()  # sign_in said no: the window closed
