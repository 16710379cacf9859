"""The idle lock: after the interval without input a lock covers the window; only the
signed-in user's password lifts it, and a half-filled form underneath survives."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from redband_desktop.db.engine import Database
from redband_desktop.paths import UserDirs
from redband_desktop.services import build_services
from redband_desktop.services.accounts.types import UserForm
from redband_desktop.ui.main_window import AppInfo, MainWindow
from redband_desktop.ui.roster.volunteer_dialog import VolunteerDialog
from tests.ui.staff import ADMIN, STAFF_PASSWORD, add_staff

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
    """Typing now and then for twice the interval keeps the window open. Keystrokes come
    every 250 ms, so only a machine stalled for more than a second could lock it."""
    for key in "abcdefghijkl":
        qtbot.wait(250)
        qtbot.keyClick(window.roster.filters.search, key)
    assert not window.idle.locked
    qtbot.waitUntil(lambda: window.idle.locked, timeout=IDLE_MS * 3)  # and it still locks without


def test_sign_out_from_the_lock_asks_for_the_next_user(qtbot, window, services) -> None:
    window.idle.lock()
    window.idle.dialog.sign_out_button.click()
    assert services.access.user is None and not window.isVisible()  # sign_in said no: the window closed


@pytest.fixture
def clerk_window(qtbot, services, db_url, tmp_path):  # noqa: ANN001, ANN201
    """A clerk's window on this PC, and the administrator on another PC of the station."""
    services.station.initialise("金家河派出所")
    add_staff(services, "wang", "clerk")
    services.accounts.sign_in("wang", STAFF_PASSWORD)
    asked = []
    win = MainWindow(services, AppInfo("test", "sqlite:///test", UserDirs.under(tmp_path / "user")),
                     sign_in=lambda: asked.append(True) and False, idle_ms=600_000)
    win.asked = asked
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    admin = build_services(Database(db_url))
    admin.accounts.sign_in(*ADMIN)
    row = next(u for u in admin.accounts.users() if u.username == "wang")
    yield win, admin, row
    admin.db.dispose()


def _deactivate(admin, row) -> None:  # noqa: ANN001
    admin.accounts.update_user(row.id, row.version, UserForm(row.username, row.display_name, row.police_no,
                                                             row.role.value, row.district_id, active=False))


def test_an_action_refused_for_a_deactivated_account_locks_the_window(qtbot, clerk_window) -> None:  # noqa: ANN001
    window, admin, row = clerk_window
    search = window.roster.filters.search  # the clerk has the roster open
    _deactivate(admin, row)
    qtbot.keyClicks(search, "zh")  # the search is refused: no message box, a lock
    qtbot.waitUntil(lambda: window.idle.locked, timeout=3000)
    lock = window.idle.dialog
    assert "deactivated" in lock.findChild(QLabel, "lock_reason").text() or "停用" in \
        lock.findChild(QLabel, "lock_reason").text()
    lock.password.setText(STAFF_PASSWORD)  # the right password does not lift it
    lock.try_unlock()
    assert window.idle.locked and lock.findChild(QLabel, "lock_error").isVisible()
    lock.sign_out_button.click()  # the sign-in is asked again, for someone else
    assert window.asked == [True]


def test_a_window_left_open_locks_itself_when_the_account_is_deactivated(qtbot, clerk_window) -> None:  # noqa: ANN001
    window, admin, row = clerk_window
    window.check_account()
    assert not window.idle.locked
    _deactivate(admin, row)
    window.check_account()  # what the timer does every minute
    qtbot.waitUntil(lambda: window.idle.locked, timeout=3000)
    assert window.account_check.interval() == 60_000 and window.account_check.isActive()


def test_a_page_first_opened_after_deactivation_locks_the_window(qtbot, clerk_window) -> None:  # noqa: ANN001
    """Pages are built when first shown; one first shown by a deactivated account is
    refused like any action: the window locks, no error box, and the page is not half-built."""
    window, admin, row = clerk_window
    assert "clues" not in window.lazy_pages.built()
    _deactivate(admin, row)
    window.nav.setCurrentRow(_row(window, "Clue reports"))
    qtbot.waitUntil(lambda: window.idle.locked, timeout=3000)
    assert "clues" not in window.lazy_pages.built()


def _row(window, title: str) -> int:  # noqa: ANN001
    return next(i for i in range(window.nav.count()) if window.nav.item(i).text() == title)
