"""The mediation page: the demo case book filtered, a dispute registered through the
dialog, the selected case's file saved as PDF (the committee's name asked first) and the
list exported."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from redband_desktop.domain.mediation import CaseSource, CaseStatus, DisputeType
from redband_desktop.ui.mediation.mediation_page import MediationPage
from redband_desktop.ui.mediation.register_dialog import RegisterDialog


def _page(qtbot, services) -> MediationPage:  # noqa: ANN001
    page = MediationPage(services)
    qtbot.addWidget(page)
    page.show()
    return page


def test_filters_narrow_the_case_book(qtbot, demo_services) -> None:  # noqa: ANN001
    page = _page(qtbot, demo_services)
    book = demo_services.mediation.search(limit=10_000)
    everything = page.model.rowCount()
    assert everything == book.total > 100 and str(everything) in page.count.text()
    page.status.setCurrentIndex(page.status.findData(CaseStatus.MEDIATING))
    assert page.model.rowCount() == book.totals.by_status["mediating"] >= 1
    page.status.setCurrentIndex(0)
    page.source.setCurrentIndex(page.source.findData(CaseSource.POLICE))
    police = page.model.rowCount()
    assert 0 < police < everything and all(page.model.row_at(i).source is CaseSource.POLICE for i in range(police))
    page.source.setCurrentIndex(0)
    district = demo_services.sites.tree()[1]
    page.places.district.setCurrentIndex(page.places.district.findData(district.id))
    assert 0 < page.model.rowCount() < everything
    assert {page.model.row_at(i).district_name for i in range(page.model.rowCount())} == {district.name}
    page.places.district.setCurrentIndex(0)
    page.dates.date_from.setDate(QDate(2025, 1, 1))
    page.dates.date_to.setDate(QDate(2025, 12, 31))
    page.dates.use_dates.setChecked(True)
    in_2025 = [page.model.row_at(i) for i in range(page.model.rowCount())]
    assert in_2025 and all(r.registered_on.year == 2025 for r in in_2025)
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert page.model.row_at(0).number == "(2025)人调字第1号"
    page.dates.use_dates.setChecked(False)
    page.search.setText("李秀兰")
    assert page.model.rowCount() == 1 and "李秀兰" in page.model.row_at(0).parties


def test_register_print_and_export(qtbot, demo_services, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    page = _page(qtbot, demo_services)
    book_size = page.model.rowCount()
    dialog = RegisterDialog(demo_services.mediation, [(d.id, d.name) for d in demo_services.sites.tree()],
                            "赵丽", page)
    qtbot.addWidget(dialog)
    assert dialog.registrar.text() == "赵丽" and dialog.dispute_type.currentIndex() == -1  # nothing guessed
    dialog.summary.setText("小区内倒车刮蹭")
    dialog.accept()  # no source, no type: said under the fields, nothing registered
    assert dialog.created is None and dialog.errors.text("source") and dialog.errors.text("dispute_type")
    dialog.source.setCurrentIndex(dialog.source.findData(CaseSource.APPLIED))
    dialog.dispute_type.setCurrentIndex(dialog.dispute_type.findData(DisputeType.TRAFFIC))
    dialog.summary.setText("小区内倒车刮蹭")
    dialog.district.setCurrentIndex(1)
    dialog.accept()
    assert dialog.created is not None and dialog.created.number.startswith(f"({date.today().year})人调字第")
    page.refresh()
    assert page.model.rowCount() == book_size + 1
    page.table.selectRow(0)
    pdf, xlsx = tmp_path / "file.pdf", tmp_path / "book.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    asked: list[str] = []  # the first mediation document asks for the committee's name
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append(a[4]) or "金家河社区人民调解委员会", True))
    page.print_file()
    assert pdf.read_bytes().startswith(b"%PDF") and asked == ["金家河派出所人民调解委员会"]
    assert demo_services.station.settings().committee == "金家河社区人民调解委员会"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx), ""))
    page.export()
    assert xlsx.read_bytes()[:2] == b"PK"
