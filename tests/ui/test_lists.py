"""Lists people can read: urgent rows stand out by colour and icon, long texts are whole in
the tooltip, the incident register shows the summary it searches, and column widths a
user sets are kept for them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from redband_desktop.ui.incidents.incidents_page import IncidentsPage
from redband_desktop.ui.mediation.mediation_page import MediationPage


def _shown(qtbot, page):  # noqa: ANN001, ANN202
    qtbot.addWidget(page)
    page.show()
    return page


def _column(page, title: str) -> int:  # noqa: ANN001
    model = page.model
    return next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == title)


def test_overdue_cases_stand_out_by_colour_and_icon(qtbot, demo_services) -> None:  # noqa: ANN001
    page = _shown(qtbot, MediationPage(demo_services))
    page.overdue.setChecked(True)
    assert page.model.rowCount() >= 1
    stage = page.model.index(0, _column(page, "Stage"))
    assert page.model.data(stage, Qt.ItemDataRole.ForegroundRole).name() == "#c62828"
    assert page.model.data(stage, Qt.ItemDataRole.DecorationRole) is not None  # not by colour alone
    page.overdue.setChecked(False)
    page.status.setCurrentIndex(page.status.findData("closed"))
    quiet = page.model.index(0, _column(page, "Stage"))
    assert page.model.data(quiet, Qt.ItemDataRole.ForegroundRole) is None
    assert page.model.data(quiet, Qt.ItemDataRole.DecorationRole) is None


def test_incident_register_shows_the_summary_whole_in_its_tooltip(qtbot, demo_services) -> None:  # noqa: ANN001
    page = _shown(qtbot, IncidentsPage(demo_services))
    column = _column(page, "Summary")
    row = page.model.row_at(0)
    cell = page.model.index(0, column)
    assert page.model.data(cell) == row.summary.replace("\n", " ") != ""
    assert page.model.data(cell, Qt.ItemDataRole.ToolTipRole) == page.model.data(cell)
    assert page.table.textElideMode() == Qt.TextElideMode.ElideMiddle


def test_column_widths_are_kept_per_user(qtbot, demo_services) -> None:  # noqa: ANN001
    page = _shown(qtbot, MediationPage(demo_services))
    header = page.table.horizontalHeader()
    assert header.sectionResizeMode(_column(page, "Summary")) == header.ResizeMode.Stretch
    assert header.sectionSize(_column(page, "Registered")) <= 180  # sized to the dates, not stretched
    page.table.setColumnWidth(0, 237)  # the clerk drags the case-number column wider
    qtbot.wait(700)
    again = _shown(qtbot, MediationPage(demo_services))
    assert again.table.columnWidth(0) == 237
