"""The window builds a page the first time it is shown or named, not at start: opening
it costs the home page only; the navigation, the pages' wiring (a home figure opening its
list) and a role's missing pages work as before."""

from __future__ import annotations

from pathlib import Path

from redband_desktop.paths import UserDirs
from redband_desktop.ui.main_window import AppInfo, MainWindow
from redband_desktop.ui.roster.roster_page import RosterPage
from tests.ui.staff import STAFF_PASSWORD, add_staff


def _window(qtbot, services, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    win = MainWindow(services, AppInfo("t", "sqlite:///t", UserDirs.under(tmp_path)))
    qtbot.addWidget(win)
    return win


def test_only_the_home_page_is_built_at_start(qtbot, demo_services, tmp_path: Path) -> None:  # noqa: ANN001
    win = _window(qtbot, demo_services, tmp_path)
    assert win.lazy_pages.built() == ["home"] and win.pages.count() == win.nav.count()
    win.nav.setCurrentRow(2)  # Volunteer roster
    assert isinstance(win.pages.currentWidget(), RosterPage) and win.pages.currentIndex() == 2
    assert win.lazy_pages.built() == ["home", "roster"]
    win.open_list("left")  # a home figure: its list is built, wired and shown
    assert win.pages.currentWidget() is win.roster
    assert win.roster.filters.status.currentData() == "left"


def test_a_role_without_a_page_has_none(qtbot, demo_services, tmp_path: Path) -> None:  # noqa: ANN001
    add_staff(demo_services, "viewer_li", "viewer")
    demo_services.accounts.sign_in("viewer_li", STAFF_PASSWORD)
    win = _window(qtbot, demo_services, tmp_path)
    assert win.users is None and win.audit is None and win.backups is None
    assert win.pages.count() == win.nav.count()
