"""The incident register page on the demo station: filters and totals, recording an
incident through the dialog (wrong fields shown under the field), closing, reopening
and exporting."""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QFileDialog, QInputDialog

from redband_desktop.services.incident_types import IncidentFilter
from redband_desktop.ui.incidents.incident_dialog import IncidentDialog
from redband_desktop.ui.incidents.incidents_page import IncidentsPage


def _page(qtbot, services) -> IncidentsPage:  # noqa: ANN001
    page = IncidentsPage(services)
    qtbot.addWidget(page)
    page.show()
    return page


def test_filters_narrow_the_register_and_show_totals(qtbot, demo_services) -> None:  # noqa: ANN001
    page = _page(qtbot, demo_services)
    everything = demo_services.incidents.summary(IncidentFilter()).total
    assert page.model.rowCount() == everything and str(everything) in page.count.text()
    page.category.setCurrentIndex(page.category.findData("fraud"))
    fraud = demo_services.incidents.summary(IncidentFilter(category="fraud")).total
    assert page.model.rowCount() == fraud < everything
    assert page.model.row_at(0).category == "fraud"
    page.search.setText(page.model.row_at(0).number)
    assert page.model.rowCount() == 1


def test_dialog_shows_wrong_fields_then_saves(qtbot, demo_services, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    page = _page(qtbot, demo_services)
    before = page.model.rowCount()
    dialog = IncidentDialog(demo_services.incidents, demo_services.sites.tree(), None, page)
    qtbot.addWidget(dialog)
    dialog.category.setCurrentIndex(dialog.category.findData("fraud"))
    dialog.fraud_method.setCurrentIndex(dialog.fraud_method.findData("brushing"))
    dialog.loss.setText("-100")
    dialog.occurred_known.setChecked(True)
    dialog.occurred_at.setDateTime(QDateTime.currentDateTime().addDays(1))
    dialog.accept()
    assert dialog.saved is None
    assert dialog.errors.text("loss_yuan") and dialog.errors.text("occurred_at")
    dialog.loss.setText("3000")
    dialog.occurred_known.setChecked(False)
    dialog.summary.setPlainText("刷单返利被骗")
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.number.startswith("JJH-")
    page.refresh()
    assert page.model.rowCount() == before + 1
    page.search.setText(dialog.saved.number)
    page.table.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("立案" if "立案" in a[3] else a[3][2], True))
    page.close_selected()
    assert demo_services.incidents.get(dialog.saved.id).status == "closed"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("补充线索", True))
    page.table.selectRow(0)
    page.reopen_selected()
    assert demo_services.incidents.get(dialog.saved.id).status == "open"
    xlsx = tmp_path / "incidents.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx), ""))
    page.export()
    assert xlsx.read_bytes()[:2] == b"PK"
