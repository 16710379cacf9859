"""The service-record tab and the certificate dialog, driven as a clerk and an officer
would: the record shows services with overlaps counted once, a commendation recorded
through its dialog (and a wrong one shown under its field), the year's evaluation by the
district's officer, a certificate issued and reprinted under the same number, and a
period without service refused with its dates named."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate

from redband_desktop.ui.records.award_dialog import AwardDialog
from redband_desktop.ui.records.certificate_dialog import CertificateDialog
from redband_desktop.ui.records.evaluation_dialog import EvaluationDialog
from redband_desktop.ui.records.service_record_tab import ServiceRecordTab
from tests.ui.staff import sign_in_as
from tests.unit import records_helpers as h

THIS_YEAR = date.today().year


def _auto(monkeypatch, cls, fill) -> None:  # noqa: ANN001
    def run(self) -> int:  # noqa: ANN001
        fill(self)
        self.accept()
        return self.result()
    monkeypatch.setattr(cls, "exec", run)


def _served(services, place) -> int:  # noqa: ANN001
    services.station.update_station("金家河派出所", "JJH", "", head="王建国", phone="0871-68123456")
    v = place["volunteer"]
    day = date(THIS_YEAR, 1, 10)
    h.shift(services, place, datetime(THIS_YEAR, 1, 10, 8), datetime(THIS_YEAR, 1, 10, 12), v)
    h.activity(services, place, datetime(THIS_YEAR, 1, 10, 11), datetime(THIS_YEAR, 1, 10, 13), {v: None},
               kind="training", training=True)
    assert day.year == THIS_YEAR
    return v


def test_the_record_tab_shows_services_and_records_commendations(qtbot, services, place,  # noqa: ANN001
                                                                 monkeypatch) -> None:
    v = _served(services, place)
    tab = ServiceRecordTab(services.records, v)
    qtbot.addWidget(tab)
    assert tab.services.rowCount() == 2 and "5 " in tab.summary.text()  # 8–13: five hours, not six
    assert tab.services.item(0, 4).text() and not tab.services.item(1, 4).text()  # the training one

    def wrong(d: AwardDialog) -> None:
        d.name.setText("优秀志愿者")
        d.awarded_by.setText("")
    _auto(monkeypatch, AwardDialog, wrong)
    tab.add_award()
    assert tab.awards.rowCount() == 0  # refused: nothing saved

    def right(d: AwardDialog) -> None:
        wrong(d)
        d.awarded_by.setText("西山区公安分局")
        d.level.setCurrentIndex(d.level.findData("county"))
    _auto(monkeypatch, AwardDialog, right)
    tab.add_award()
    assert tab.awards.rowCount() == 1 and tab.awards.item(0, 3).text() == "西山区公安分局"
    _auto(monkeypatch, EvaluationDialog, lambda d: (d.stars.setCurrentIndex(d.stars.findData(4)),
                                                    d.comment.setPlainText("巡逻认真，反诈宣传积极")))
    assert tab.evaluate_button.isEnabled()  # an administrator
    tab.evaluate()
    assert tab.evaluations.item(0, 1).text() == "★★★★☆"


def test_the_award_dialog_names_the_wrong_field(qtbot, services, place) -> None:  # noqa: ANN001
    d = AwardDialog(services.records, place["volunteer"])
    qtbot.addWidget(d)
    d.name.setText("优秀志愿者")
    d.accept()
    assert d.result() == 0 and d.errors.text("awarded_by")


def test_a_clerk_cannot_evaluate(qtbot, services, place) -> None:  # noqa: ANN001
    sign_in_as(services, "clerk")
    tab = ServiceRecordTab(services.records, place["volunteer"])
    qtbot.addWidget(tab)
    assert not tab.evaluate_button.isEnabled() and tab.award_button.isEnabled()


def test_the_certificate_dialog_issues_refuses_and_reprints(qtbot, services, place) -> None:  # noqa: ANN001
    v = _served(services, place)
    d = CertificateDialog(services.records, v, "张洁")
    qtbot.addWidget(d)
    assert "5" in d.hours.text()
    d.first.setDate(QDate(THIS_YEAR - 1, 1, 1))
    d.last.setDate(QDate(THIS_YEAR - 1, 12, 31))
    assert d.hours.text().startswith("0")
    d.issue()
    assert f"{THIS_YEAR - 1}-01-01" in d.general.text() and d.register.rowCount() == 0
    d.first.setDate(QDate(THIS_YEAR, 1, 1))
    d.last.setDate(QDate.currentDate())
    d.issue()
    assert d.register.rowCount() == 1 and d.printed.certificate.number == f"{THIS_YEAR}-0001"
    assert d.preview.page_count() == 1 and d.print_button.isEnabled()
    d.register.selectRow(0)
    assert d.reprint_button.isEnabled()
    d.reprint()
    assert d.printed.certificate.number == f"{THIS_YEAR}-0001" and d.printed.certificate.printed_count == 2


def test_a_viewer_cannot_issue(qtbot, services, place) -> None:  # noqa: ANN001
    v = _served(services, place)
    sign_in_as(services, "viewer")
    d = CertificateDialog(services.records, v, "张洁")
    qtbot.addWidget(d)
    assert not d.issue_button.isEnabled() and d.issue_button.toolTip()


def test_the_recognition_page_ranks_lists_inactive_and_reprints(qtbot, services, place, tmp_path,  # noqa: ANN001
                                                                monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from redband_desktop.ui.records.recognition_page import RecognitionPage

    v = _served(services, place)
    quiet = h.volunteer(services, place["compound"].id, "李明")
    services.records.issue_certificate(v, date(THIS_YEAR, 1, 1), date.today())
    page = RecognitionPage(services)
    qtbot.addWidget(page)
    page.show()
    assert page.ranked.rowCount() == 1 and page.ranked.item(0, 2).text() == "张洁"
    assert page.ranked.item(0, 6).text() == "5"  # 8–13, the overlap once
    out = tmp_path / "ranking.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    page.export_ranking()
    assert out.read_bytes()[:2] == b"PK"
    page.tabs.setCurrentIndex(1)
    names = {page.inactive_table.item(r, 1).text() for r in range(page.inactive_table.rowCount())}
    assert "李明" in names and quiet
    page.tabs.setCurrentIndex(2)
    assert page.register.rowCount() == 1
    page.search.setText("没有这个人")
    assert page.register.rowCount() == 0
    page.search.setText(f"{THIS_YEAR}-0001")
    page.register.selectRow(0)
    pdf = tmp_path / "again.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(pdf), ""))
    page.reprint()
    assert pdf.read_bytes()[:4] == b"%PDF" and page.register.item(0, 7).text() == "2"


def test_batch_certificates_from_the_ranking(qtbot, services, place, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    from redband_desktop.ui.records.recognition_page import RecognitionPage

    v = _served(services, place)
    other = h.volunteer(services, place["compound"].id, "李明")
    h.shift(services, place, datetime(THIS_YEAR, 1, 11, 8), datetime(THIS_YEAR, 1, 11, 9), other)
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    page = RecognitionPage(services)
    qtbot.addWidget(page)
    page.show()
    out = tmp_path / "batch.pdf"
    job = page.batch_certificates(hours=2, path=str(out))  # 张洁 has 5 hours, 李明 1
    with qtbot.waitSignal(job.finished, timeout=30000):
        pass
    assert out.read_bytes()[:4] == b"%PDF" and f"{THIS_YEAR}-0001" in said[0]
    assert [c.volunteer_id for c in services.records.certificates()] == [v]
    assert page.register.rowCount() == 1
    assert page.batch_certificates(hours=100, path=str(out)) is None and "100" in said[-1]
