"""Rows of the statistics page's contact-type table, zero-incident list and volunteers'
work open the list behind them, and that list has exactly the row's count: the incident
register by contact type, kind of site and period; a zero-incident site's cases in the
comparison period; incidents volunteers reported or helped with, clue reports, mediation
cases with volunteer mediators."""

from __future__ import annotations

from pathlib import Path

import pytest

from redband_desktop.paths import UserDirs


@pytest.fixture
def window(qtbot, demo_services, tmp_path: Path):  # noqa: ANN001, ANN201
    from redband_desktop.ui.main_window import AppInfo, MainWindow

    w = MainWindow(demo_services, AppInfo("t", demo_services.db.url, UserDirs.under(tmp_path)))
    qtbot.addWidget(w)
    w.resize(1366, 728)
    w.show()
    w.nav.setCurrentRow(w.pages.indexOf(w.stats))
    qtbot.waitUntil(lambda: w.stats.figures is not None, timeout=30_000)
    return w


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def _opened(w) -> int:  # noqa: ANN001
    page = w.pages.currentWidget()
    assert page in (w.incidents, w.clues, w.mediation)
    return page.model.rowCount()


def test_contact_zero_and_volunteer_rows_open_lists_of_their_size(window) -> None:  # noqa: ANN001
    w, tabs = window, window.stats.tabs
    checked = 0
    for table, column in ((tabs.contact, 1), (tabs.zero, 3), (tabs.volunteers, 1)):
        for row in range(table.rowCount()):
            target = table.target_of(row)
            if target is None:  # duty hours and outreach audiences: no list behind them
                continue
            tabs._open(target)
            count = _number(table.item(row, column).text())
            if table is tabs.volunteers and row == 6:  # the money the agreements cover: the agreements' list
                count = _number(table.item(5, column).text())
            assert _opened(w) == count, (table.objectName(), table.item(row, 0).text())
            checked += 1 if count else 0
    assert checked >= 8  # non-empty lists among them: the test sees real rows
    # the incident register's "Show all" drops the contact-type preset
    tabs._open(tabs.contact.target_of(0))
    w.incidents.clear_preset_button.click()
    assert not w.incidents.current_filter().contact_type
