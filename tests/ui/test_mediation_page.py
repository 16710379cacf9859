"""The mediation page: the demo case book filtered, a dispute registered through the
dialog, the selected case's file saved as PDF and the list exported."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFileDialog

from redband_desktop.domain.mediation import CaseStatus, DisputeType
from redband_desktop.ui.mediation.mediation_page import MediationPage
from redband_desktop.ui.mediation.register_dialog import RegisterDialog


def _page(qtbot, services) -> MediationPage:  # noqa: ANN001
    page = MediationPage(services)
    qtbot.addWidget(page)
    page.show()
    return page


def test_filters_narrow_the_case_book(qtbot, demo_services) -> None:  # noqa: ANN001
    page = _page(qtbot, demo_services)
    everything = page.model.rowCount()
    assert everything == 9 and "9" in page.count.text()
    page.status.setCurrentIndex(page.status.findData(CaseStatus.CLOSED))
    assert page.model.rowCount() == 1
    page.status.setCurrentIndex(0)
    page.search.setText("李秀兰")
    assert page.model.rowCount() == 1 and "李秀兰" in page.model.row_at(0).parties


def test_register_print_and_export(qtbot, demo_services, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    page = _page(qtbot, demo_services)
    dialog = RegisterDialog(demo_services.mediation, [(d.id, d.name) for d in demo_services.sites.tree()], page)
    qtbot.addWidget(dialog)
    dialog.dispute_type.setCurrentIndex(dialog.dispute_type.findData(DisputeType.TRAFFIC))
    dialog.summary.setText("小区内倒车刮蹭")
    dialog.district.setCurrentIndex(1)
    dialog.accept()
    assert dialog.created is not None and dialog.created.number.startswith(f"({date.today().year})人调字第")
    page.refresh()
    assert page.model.rowCount() == 10
    page.table.selectRow(0)
    pdf, xlsx = tmp_path / "file.pdf", tmp_path / "book.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    page.print_file()
    assert pdf.read_bytes().startswith(b"%PDF")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx), ""))
    page.export()
    assert xlsx.read_bytes()[:2] == b"PK"
