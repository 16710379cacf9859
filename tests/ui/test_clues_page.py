"""The clue reports page on the demo station: filters and totals, recording a clue
through the dialog (a wrong field shown under the field, then fixed), the flow buttons
following the clue's state and the user's district, and exporting."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

from PIL import Image
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QFileDialog

from redband_desktop.services.clues.types import ClueFilter
from redband_desktop.services.incidents.types import IncidentForm
from redband_desktop.services.roster.types import RosterFilter
from redband_desktop.ui.clues.clue_dialog import ClueDialog
from redband_desktop.ui.clues.clues_page import CluesPage
from redband_desktop.ui.clues.flow_dialogs import (
    CloseDialog,
    FeedbackDialog,
    TransferDialog,
    VerifyDialog,
)
from tests.ui.staff import sign_in_as


def _page(qtbot, services) -> CluesPage:  # noqa: ANN001
    page = CluesPage(services)
    qtbot.addWidget(page)
    page.show()
    return page


def _auto(monkeypatch, cls, fill) -> None:  # noqa: ANN001
    """Run a flow dialog without showing it: fill it in, press OK, return its result."""
    def run(self) -> int:  # noqa: ANN001
        fill(self)
        self.accept()
        return self.result()

    monkeypatch.setattr(cls, "exec", run)


def test_filters_narrow_the_list_and_show_totals(qtbot, demo_services) -> None:  # noqa: ANN001
    page = _page(qtbot, demo_services)
    everything = demo_services.clues.search(ClueFilter(), limit=0).total
    assert page.model.rowCount() == everything and f"{everything} " in page.count.text()
    page.clue_type.setCurrentIndex(page.clue_type.findData("fraud_attempt"))
    fraud = demo_services.clues.search(ClueFilter(clue_type="fraud_attempt"), limit=0).total
    assert page.model.rowCount() == fraud < everything and page.model.row_at(0).clue_type == "fraud_attempt"
    page.status.setCurrentIndex(page.status.findData("received"))
    assert all(page.model.row_at(i).status == "received" for i in range(page.model.rowCount()))
    page.status.setCurrentIndex(0)
    page.search.setText(page.model.row_at(0).number)
    assert page.model.rowCount() == 1
    page.search.clear()
    page.clue_type.setCurrentIndex(0)
    page.model.sort(3, Qt.SortOrder.AscendingOrder)  # the urgency column: normal first
    assert page.model.row_at(0).urgency == "normal"


def test_record_a_clue_with_a_photo_then_take_it_through_the_flow(qtbot, demo_services, tmp_path,  # noqa: ANN001
                                                                  monkeypatch) -> None:
    page = _page(qtbot, demo_services)
    before = page.model.rowCount()
    dialog = ClueDialog(demo_services, None, page)
    qtbot.addWidget(dialog)
    dialog.show()
    someone = demo_services.roster.search(RosterFilter(status="active"), 1).first_page[0]
    dialog.reporter.search.setText(someone.name)
    qtbot.keyClick(dialog.reporter.search, Qt.Key.Key_Return)  # picks the first match, does not save
    assert dialog.isVisible() and dialog.saved is None and not dialog.errors.text("content")
    assert dialog.reporter.reporter_id() is not None and dialog.places.site_id() is not None  # their own site
    dialog.reported_at.setDateTime(QDateTime.currentDateTime().addDays(2))
    dialog.clue_type.setCurrentIndex(dialog.clue_type.findData("suspicious_vehicle"))
    photo = tmp_path / "car.png"
    Image.new("RGB", (2000, 1500), (20, 80, 160)).save(photo)
    dialog.photos.add_files([str(photo)])
    dialog.accept()
    assert dialog.saved is None
    assert dialog.errors.text("reported_at") and dialog.errors.text("content")  # under the fields
    dialog.reported_at.setDateTime(QDateTime.currentDateTime().addSecs(-600))
    dialog.content.setPlainText("无牌面包车连续三晚停在围墙外")
    dialog.accept()
    saved = dialog.saved
    assert saved is not None and saved.number.startswith("XS-") and len(saved.attachments) == 1
    assert max(Image.open(io.BytesIO(demo_services.clues.attachment(saved.attachments[0].id))).size) == 1600
    page.refresh()
    assert page.model.rowCount() == before + 1
    page.search.setText(saved.number)
    page.table.selectRow(0)
    assert page.verify_button.isEnabled() and not page.transfer_button.isEnabled()
    assert not page.close_button.isEnabled() and not page.feedback_button.isEnabled()
    _auto(monkeypatch, VerifyDialog, lambda d: d.note.setPlainText("民警到场查看属实"))
    page.verify_button.click()
    assert demo_services.clues.get(saved.id).status == "verified"
    assert page.transfer_button.isEnabled() and page.close_button.isEnabled() and not page.verify_button.isEnabled()

    transfer = TransferDialog(demo_services, demo_services.clues.get(saved.id), page)
    qtbot.addWidget(transfer)
    transfer.accept()
    assert transfer.done_detail is None and transfer.errors.text("transferred_to")
    transfer.to_whom.setCurrentText("治安大队")
    transfer.accept()
    assert transfer.done_detail.status == "transferred"
    page.refresh()
    page.table.selectRow(0)

    incident = demo_services.incidents.create(IncidentForm(
        received_at=datetime.now().replace(microsecond=0) - timedelta(minutes=5), category="public_order",
        district_id=saved.form.district_id, channel="volunteer", summary="面包车内人员盗窃电瓶"))

    def close_as_incident(d: CloseDialog) -> None:
        d.closing.setCurrentIndex(d.closing.findData("led_to_incident"))
        d.accept()  # no incident chosen yet: refused under the field, the dialog stays open
        assert d.errors.text("incident_id") and d.done_detail is None
        d.search.setText(incident.number)
        d.incidents.setCurrentRow(0)

    _auto(monkeypatch, CloseDialog, close_as_incident)
    page.close_button.click()
    closed = demo_services.clues.get(saved.id)
    assert (closed.status, closed.closing, closed.incident_id) == ("closed", "led_to_incident", incident.id)
    assert page.feedback_button.isEnabled() and not page.close_button.isEnabled()
    _auto(monkeypatch, FeedbackDialog, lambda d: d.text.setPlainText("已电话告知处理结果"))
    page.feedback_button.click()
    assert demo_services.clues.get(saved.id).feedback == "已电话告知处理结果"
    assert page.model.row_at(0).has_feedback
    xlsx = tmp_path / "clues.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx), ""))
    page.export()
    assert xlsx.read_bytes()[:2] == b"PK"


def test_buttons_follow_the_users_rights(qtbot, demo_services) -> None:  # noqa: ANN001
    first = demo_services.clues.search(ClueFilter(status="received"), limit=10_000).first_page[0]
    other = next(d.id for d in demo_services.sites.tree() if d.id != first.district_id)
    sign_in_as(demo_services, "officer", other)
    page = _page(qtbot, demo_services)
    page.status.setCurrentIndex(page.status.findData("received"))
    page.search.setText(first.number)
    page.table.selectRow(0)
    assert page.new_button.isEnabled() and not page.verify_button.isEnabled() and not page.edit_button.isEnabled()
    sign_in_as(demo_services, "officer", first.district_id)
    page.table.clearSelection()
    page.table.selectRow(0)
    assert page.verify_button.isEnabled() and page.edit_button.isEnabled()
    sign_in_as(demo_services, "viewer")
    viewer = _page(qtbot, demo_services)
    assert not viewer.new_button.isEnabled() and not viewer.export_button.isEnabled()


def test_keyboard_new_find_and_clear(qtbot, demo_services, monkeypatch) -> None:  # noqa: ANN001
    page = _page(qtbot, demo_services)
    opened = []
    monkeypatch.setattr(ClueDialog, "exec", lambda self: opened.append(self.windowTitle()) or 0)
    with qtbot.waitActive(page):
        page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "XS-2025")
    assert 0 < page.model.rowCount() < demo_services.clues.search(ClueFilter(), limit=0).total
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
