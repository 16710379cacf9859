"""The mediation case window, driven like a clerk would: a case walked from registration
through parties (a wrong field first), investigation, a session with a volunteer picked
from the roster, an agreement refused without a respondent, performance, a follow-up
visit and closing; the registration form with its version check and the deadline
extension; printed documents previewed and saved; and the buttons a user may not use."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from redband_desktop.domain.enums import Gender
from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.domain.mediation import (
    CaseSource,
    CaseStatus,
    DisputeType,
    IdDocument,
    OutcomeKind,
    PartyRole,
    Performance,
)
from redband_desktop.services.mediation.types import CaseForm, MediationFilter, OutcomeForm
from redband_desktop.services.roster.types import VolunteerForm
from redband_desktop.ui.mediation.case_window import CaseWindow
from redband_desktop.ui.mediation.mediation_page import MediationPage
from tests.ui.staff import ADMIN, STAFF_PASSWORD, add_staff

# the offscreen platform cannot raise windows; the real one brings a reopened case forward
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def station(services):  # noqa: ANN001, ANN201
    services.station.initialise("金家河派出所")
    d = services.structure.create_district("金家河片区", officer_name="陈卿")
    site = services.structure.create_site(d.id, "compound", "金色家园")
    v = services.roster.create(VolunteerForm(
        name="张洁", id_number=make_id_number("510104", date(1958, 3, 8), 24), phone="13808712345",
        background="retired_cadre", political_status="masses", site_id=site.id, joined_on=date(2021, 7, 1)))
    case = services.mediation.register(CaseForm(date.today() - timedelta(days=3), CaseSource.APPLIED,
                                                DisputeType.NEIGHBOUR, "楼上漏水纠纷", "楼上卫生间漏水。",
                                                d.id, site.id, "赵丽", "张洁"))
    return {"district": d, "site": site, "volunteer": v.volunteer.id, "case": case}


@pytest.fixture
def warnings(monkeypatch):  # noqa: ANN001, ANN201
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown


def _open(qtbot, services, case_id: int) -> tuple[MediationPage, CaseWindow]:  # noqa: ANN001
    page = MediationPage(services)
    qtbot.addWidget(page)
    window = page.open_case(case_id)
    return page, window


def _add_party(window: CaseWindow, role: PartyRole, name: str, **fields: str) -> None:
    window.parties.add()
    dialog = window.parties.dialog
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    dialog.name.setText(name)
    for field, value in fields.items():
        getattr(dialog, field).setText(value)
    dialog.accept()


def test_a_case_walked_through_the_window(qtbot, services, station, warnings) -> None:  # noqa: ANN001
    page, window = _open(qtbot, services, station["case"].id)
    assert window.case.number in window.title.text() and page.windows[window.case_id] is window
    assert page.open_case(window.case_id) is window  # one window per case

    # parties: a wrong field first, shown under the field; nothing saved
    window.parties.add()
    dialog = window.parties.dialog
    dialog.phone.setText("12")
    dialog.accept()
    assert dialog.isVisible() and dialog.errors.text("name") and dialog.errors.text("phone")
    assert window.case.parties == ()
    dialog.name.setText("李秀兰")
    dialog.phone.setText("13987654321")
    dialog.gender.setCurrentIndex(dialog.gender.findData(Gender.FEMALE))
    dialog.age.setValue(58)
    dialog.accept()
    assert not dialog.isVisible() and window.parties.table.rowCount() == 1
    assert window.parties.table.texts(0)[1] == "李秀兰" and window.parties.table.texts(0)[4] == "58"

    # investigation moves the case to 调查
    window.investigation.add()
    inv = window.investigation.dialog
    inv.place.setText("3栋402室")
    inv.findings.setPlainText("现场查看，渗漏属实。")
    inv.accept()
    assert window.case.status is CaseStatus.INVESTIGATING and window.investigation.table.rowCount() == 1

    # a session with a volunteer picked from the roster and an officer typed in
    window.sessions.add()
    ses = window.sessions.dialog
    ses.pick()
    ses.picker.search.setText("张洁")
    ses.picker.accept()
    ses.others.setText("陈卿")
    ses.result.setPlainText("双方同意再协商。")
    ses.accept()
    session = window.case.sessions[0].form
    assert session.mediator_ids == (station["volunteer"],) and session.mediators == "张洁、陈卿"
    assert window.case.status is CaseStatus.MEDIATING and "张洁、陈卿" in window.sessions.table.texts(0)
    assert [r.id for r in services.mediation.for_volunteer(station["volunteer"])] == [window.case_id]

    # an agreement without a respondent is refused, with the reason on screen
    outcome = window.outcome
    window.tabs.setCurrentWidget(outcome)
    outcome.editor.kind.setCurrentIndex(outcome.editor.kind.findData(OutcomeKind.WRITTEN))
    outcome.editor.terms.setPlainText("王建国赔偿李秀兰吊顶修复费用1200元。")
    outcome.editor.amount.setValue(1200)
    outcome.record_button.click()
    assert outcome.general.isVisibleTo(window) and any(w in outcome.general.text() for w in ("respondent", "被申请人"))
    assert window.case.outcome is None and window.case.status is CaseStatus.MEDIATING
    _add_party(window, PartyRole.RESPONDENT, "王建国")
    assert window.parties.hint.text() == ""
    outcome.record_button.click()
    assert window.case.status is CaseStatus.AGREED and window.case.outcome.amount_yuan == 1200
    assert not outcome.record_button.isEnabled() and not window.investigation.add_button.isEnabled()
    assert not window.sessions.add_button.isEnabled() and not window.registration.extend_button.isEnabled()
    window.parties.table.selectRow(0)
    assert not window.parties.remove_button.isEnabled()  # the agreement names them

    # performance, then the follow-up visit, then closing
    outcome.perform_button.click()
    perf = outcome.dialog
    perf.status.setCurrentIndex(perf.status.findData(Performance.FULFILLED))
    perf.proof.setPlainText("李秀兰出具收条")
    perf.accept()
    assert window.case.status is CaseStatus.PERFORMING and outcome.performances.rowCount() == 1
    assert f"{date.today() + timedelta(days=30):%Y-%m-%d}" in window.follow_ups.due.text()  # first visit due
    window.follow_ups.add()
    visit = window.follow_ups.dialog
    assert visit.party.currentText() == "李秀兰" and visit.visitor.text() == "张洁"
    visit.performed.setChecked(True)
    visit.notes.setPlainText("已修复，邻里关系恢复。")
    visit.accept()
    assert window.case.status is CaseStatus.FOLLOW_UP and window.follow_ups.table.rowCount() == 1
    outcome.close_button.click()
    assert window.case.status is CaseStatus.CLOSED and window.case.closed_on == date.today()
    assert not any(b.isEnabled() for b in (outcome.close_button, outcome.perform_button,
                                           window.follow_ups.add_button))
    assert warnings == []
    page.refresh()
    assert page.model.row_at(0).status is CaseStatus.CLOSED


def test_a_party_document_is_checked_and_another_one_chosen_explicitly(qtbot, services, station) -> None:  # noqa: ANN001
    _page, window = _open(qtbot, services, station["case"].id)
    window.parties.add()
    dialog = window.parties.dialog
    dialog.name.setText("John Smith")
    dialog.id_number.setText("E12345678")
    dialog.accept()
    assert dialog.isVisible() and dialog.errors.text("id_number") and window.case.parties == ()
    dialog.id_type.setCurrentIndex(dialog.id_type.findData(IdDocument.PASSPORT))
    assert dialog.id_number.maxLength() == 30
    dialog.accept()
    assert not dialog.isVisible() and window.case.parties[0].form.id_type is IdDocument.PASSPORT
    assert window.parties.table.texts(0)[5].endswith("E12345678")


def test_the_list_refreshes_after_a_change_in_the_window(qtbot, services, station) -> None:  # noqa: ANN001
    page, window = _open(qtbot, services, station["case"].id)
    page.show()
    _add_party(window, PartyRole.APPLICANT, "李秀兰")
    assert "李秀兰" in page.model.row_at(0).parties


def test_registration_edit_version_check_and_extension(qtbot, services, station, warnings) -> None:  # noqa: ANN001
    _page, window = _open(qtbot, services, station["case"].id)
    reg = window.registration
    reg.summary.setText("")
    reg.save()
    assert reg.errors.text("summary") and window.case.form.summary == "楼上漏水纠纷"
    reg.summary.setText("楼上卫生间漏水纠纷")
    reg.dispute_type.setCurrentIndex(reg.dispute_type.findData(DisputeType.HOUSING))
    reg.save()
    assert window.case.form.summary == "楼上卫生间漏水纠纷" and "楼上卫生间漏水纠纷" in window.title.text()
    assert window.case.form.dispute_type is DisputeType.HOUSING and not reg.dirty

    # someone saves the case on another PC; this form's save is refused, not overwritten
    other = services.mediation.case(window.case_id)
    services.mediation.update(other.id, other.version, CaseForm(**{**other.form.__dict__, "facts": "另一台电脑改的"}))
    reg.facts.setPlainText("这里改的")
    reg.save()
    assert len(warnings) == 1 and services.mediation.case(window.case_id).form.facts == "另一台电脑改的"
    reg.revert_button.click()
    assert reg.facts.toPlainText() == "另一台电脑改的" and not reg.dirty

    # the deadline moves only when both parties agreed
    before = window.case.deadline
    reg.extend_button.click()
    dialog = reg.dialog
    dialog.days.setValue(15)
    dialog.reason.setPlainText("双方同意延长调解期限")
    dialog.accept()
    assert dialog.isVisible() and window.case.deadline == before
    dialog.agreed.setChecked(True)
    dialog.accept()
    assert window.case.deadline == before + timedelta(days=15) and window.case.extended
    assert "双方同意延长调解期限" in window.status_line.text()


def test_header_warns_of_an_overdue_case_and_shows_the_incident(qtbot, demo_services) -> None:  # noqa: ANN001
    m = demo_services.mediation
    overdue = m.search(MediationFilter(overdue=True), limit=10_000).first_page[0]
    _page, window = _open(qtbot, demo_services, overdue.id)
    assert window.case.overdue and "#c62828" in window.status_line.text()
    referred = next(r for r in m.search(MediationFilter(source=CaseSource.POLICE), limit=10_000).first_page if m.case(r.id).incident_number)
    window2 = _page.open_case(referred.id)
    assert window2.case.incident_number and window2.case.incident_number in window2.status_line.text()


def test_documents_preview_and_save(qtbot, demo_services, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    demo_services.station.update_station("金家河派出所", "JJH", "金家河社区人民调解委员会")
    m = demo_services.mediation
    closed = next(r for r in m.search(MediationFilter(status=CaseStatus.CLOSED), limit=10_000).first_page
                  if m.case(r.id).outcome.kind is OutcomeKind.WRITTEN)
    _page, window = _open(qtbot, demo_services, closed.id)
    docs = window.documents
    window.tabs.setCurrentWidget(docs)
    qtbot.waitUntil(lambda: not docs.busy and docs.preview.page_count() > 0, timeout=30_000)
    assert docs.which.currentData() == "file" and docs.print_button.isEnabled()
    file_pages = docs.preview.page_count()
    docs.which.setCurrentIndex(docs.which.findData("agreement"))
    qtbot.waitUntil(lambda: not docs.busy and docs.preview.page_count() != file_pages, timeout=30_000)
    assert 0 < docs.preview.page_count() < file_pages
    target = tmp_path / "agreement.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    docs.save_button.click()
    assert target.read_bytes().startswith(b"%PDF") and target.read_bytes() == docs.preview.pdf


def test_documents_not_in_the_file_cannot_be_chosen(qtbot, services, station) -> None:  # noqa: ANN001
    _page, window = _open(qtbot, services, station["case"].id)
    model = window.documents.which.model()
    enabled = {window.documents.which.itemData(r): model.item(r).isEnabled() for r in range(model.rowCount())}
    assert enabled == {"agreement": False, "sessions": False, "follow_ups": False, "file": True}


def test_a_forced_wrong_stage_action_is_refused_with_a_message(qtbot, services, station, warnings) -> None:  # noqa: ANN001
    m = services.mediation
    case_id = station["case"].id
    m.record_outcome(case_id, OutcomeForm(OutcomeKind.WITHDRAWN, date.today()))
    _page, window = _open(qtbot, services, case_id)
    assert window.case.status is CaseStatus.WITHDRAWN and not window.investigation.add_button.isEnabled()
    window.investigation.add()  # as if the button had been clicked anyway
    window.investigation.dialog.findings.setPlainText("补充调查")
    window.investigation.dialog.accept()
    assert len(warnings) == 1 and window.investigation.dialog.isVisible()
    assert m.case(case_id).investigations == ()


@pytest.mark.parametrize("role", ["viewer", "officer"])
def test_users_who_may_not_edit_the_case_get_no_buttons(qtbot, services, station, role) -> None:  # noqa: ANN001
    other = services.structure.create_district("滨江片区")
    add_staff(services, "someone", role, other.id if role == "officer" else None)
    services.accounts.sign_in("someone", STAFF_PASSWORD)
    try:
        _page, window = _open(qtbot, services, station["case"].id)
        buttons = (window.registration.save_button, window.registration.extend_button, window.parties.add_button,
                   window.investigation.add_button, window.sessions.add_button, window.outcome.record_button,
                   window.follow_ups.add_button)
        assert not any(b.isEnabled() for b in buttons)
        assert window.case.number  # reading is still allowed
    finally:
        services.accounts.sign_in(*ADMIN)


def test_cases_open_from_the_list_by_button_or_double_click(qtbot, demo_services) -> None:  # noqa: ANN001
    page = MediationPage(demo_services)
    qtbot.addWidget(page)
    assert not page.open_button.isEnabled()
    page.table.selectRow(0)
    page.open_button.click()
    first = page.model.row_at(0)
    assert page.windows[first.id].case.number == first.number and page.windows[first.id].isVisible()
    page.table.doubleClicked.emit(page.model.index(1, 0))
    assert set(page.windows) == {first.id, page.model.row_at(1).id}
    page.windows[first.id].close()  # closing lets the window go; opening again makes a new one
    qtbot.waitUntil(lambda: first.id not in page.windows)


def test_a_closed_file_opens_for_reading_and_printing_only(qtbot, demo_services) -> None:  # noqa: ANN001
    demo_services.station.update_station("金家河派出所", "JJH", "金家河社区人民调解委员会")
    closed = demo_services.mediation.search(MediationFilter(status=CaseStatus.CLOSED), limit=10_000).first_page[0]
    _page, window = _open(qtbot, demo_services, closed.id)
    reg = window.registration
    assert not reg.save_button.isEnabled() and not reg.extend_button.isEnabled()
    # read as text in normal contrast: read-only, not greyed out
    assert reg.summary.isReadOnly() and reg.summary.isEnabled() and reg.facts.isReadOnly()
    assert not window.parties.add_button.isEnabled() and not window.sessions.add_button.isEnabled()
    window.tabs.setCurrentWidget(window.documents)
    qtbot.waitUntil(lambda: not window.documents.busy and window.documents.preview.page_count() > 0, timeout=30_000)
    assert window.documents.print_button.isEnabled()
