"""The roster page driven like a clerk would: type to search, pick filters, sort, open
the add and edit dialogs, and see the counts follow."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog

from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.ui.roster.roster_page import RosterPage
from redband_desktop.ui.roster.status_dialog import StatusDialog
from redband_desktop.ui.roster.volunteer_dialog import VolunteerDialog


@pytest.fixture
def page(qtbot, demo_services):  # noqa: ANN001, ANN201
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    widget = RosterPage(demo_services)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def names(page) -> list[str]:  # noqa: ANN001
    model = page.model
    return [model.data(model.index(r, 0)) for r in range(min(model.rowCount(), 200))]


def test_shows_everyone_with_counts(page) -> None:  # noqa: ANN001
    assert page.model.rowCount() == 1220
    assert "1,220" in page.count.text()
    last = page.model.index(1099, 0)
    assert page.model.data(last)  # the last row is fetched on demand


def test_search_as_you_type_by_pinyin_initials(page, qtbot) -> None:  # noqa: ANN001
    qtbot.keyClicks(page.filters.search, "zj")
    assert "张洁" in names(page)
    assert page.model.rowCount() < 1220
    page.filters.search.setText("张洁")
    assert names(page)[0] == "张洁"
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Escape)
    assert page.model.rowCount() == 1220


def test_filters_narrow_the_list_and_the_counts(page, demo_services) -> None:  # noqa: ANN001
    status = page.filters.status
    status.setCurrentIndex(status.findData("left"))
    left = demo_services.roster.search(page.filters.current("name", False), limit=0).total
    assert page.model.rowCount() == left > 0
    statuses = {page.model.data(page.model.index(r, 7)) for r in range(left)}
    assert statuses == {"已退出"}
    kind = page.filters.kind
    kind.setCurrentIndex(kind.findData("market"))
    sites = {page.filters.site.itemText(i) for i in range(1, page.filters.site.count())}
    assert "大商汇" in sites and "金色家园" not in sites


def test_header_click_sorts_in_the_database(page) -> None:  # noqa: ANN001
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # age, oldest first
    ages = [page.model.data(page.model.index(r, 2)) for r in range(50)]
    assert ages == sorted(ages, reverse=True)


def test_add_volunteer_via_dialog_refreshes_the_list(page, qtbot, demo_services) -> None:  # noqa: ANN001
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.findChild(VolunteerDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.name.setText("欧阳新")
    dialog.id_number.setText(make_id_number("530112", date(1960, 1, 2), 15))
    dialog.phone.setText("13988887777")
    dialog.place.district.setCurrentIndex(1)
    dialog.place.site.setCurrentIndex(1)
    dialog.background.setCurrentIndex(dialog.background.findData("resident"))
    dialog.save()
    assert page.model.rowCount() == 1221
    page.filters.search.setText("欧阳新")
    assert names(page) == ["欧阳新"]


def test_edit_and_change_status_open_for_the_selected_row(page, qtbot) -> None:  # noqa: ANN001
    assert not page.edit_button.isEnabled()
    page.filters.search.setText("张洁")
    page.table.selectRow(0)
    assert page.edit_button.isEnabled()
    page.edit_selected()
    dialog = page.findChild(VolunteerDialog)
    assert dialog.name.text() == "张洁"
    dialog.reject()
    page.change_status()
    status = page.findChild(StatusDialog)
    assert status is not None
    status.done(QDialog.DialogCode.Rejected)


def test_thumbnails_are_shown(page) -> None:  # noqa: ANN001
    icon = page.model.data(page.model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert icon is not None and not icon.isNull()


def test_print_cards_for_the_selected_volunteers(qtbot, demo_services, tmp_path) -> None:  # noqa: ANN001
    """Select several in the roster, Print card…: the ID cards page's print tab with them chosen."""
    from pathlib import Path

    from PySide6.QtCore import QItemSelectionModel

    from redband_desktop.paths import UserDirs
    from redband_desktop.ui.main_window import AppInfo, MainWindow

    window = MainWindow(demo_services, AppInfo("t", demo_services.db.url, UserDirs.under(Path(tmp_path))))
    qtbot.addWidget(window)
    roster = window.roster
    assert not roster.print_button.isEnabled()
    chosen = roster.table.selectionModel()
    for row in (0, 2, 3):
        chosen.select(roster.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                      | QItemSelectionModel.SelectionFlag.Rows)
    ids = [roster.model.row_at(row).id for row in (0, 2, 3)]
    assert roster.print_button.isEnabled() and not roster.edit_button.isEnabled()
    roster.print_button.click()
    assert window.pages.currentWidget() is window.cards
    panel = window.cards.printing
    assert panel.kind.currentData() == "ids" and panel.selection().ids == tuple(ids)
