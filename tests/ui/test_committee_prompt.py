"""The mediation committee's name is asked for the first time a mediation document is
made, with "<station>人民调解委员会" filled in: an administrator's answer is saved to the
station settings and printed; Cancel prints the suggestion and says so; a clerk is never
held up (the suggestion is printed, the note says an administrator can set it); once set,
nobody is asked again."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog

from redband_desktop.domain.mediation import CaseStatus
from redband_desktop.services.mediation.types import MediationFilter
from redband_desktop.ui.mediation.mediation_page import MediationPage
from tests.ui.staff import ADMIN, STAFF_PASSWORD, add_staff

SUGGESTION = "金家河派出所人民调解委员会"
OWN_NAME = "金家河社区人民调解委员会"


class Asked(list):
    """What the committee question showed prefilled, each time; `answer` is the reply."""

    answer = {"text": OWN_NAME, "ok": True}


@pytest.fixture
def asked(monkeypatch):  # noqa: ANN001, ANN201
    shown = Asked()
    shown.answer = {"text": OWN_NAME, "ok": True}

    def get_text(_parent, _title, _label, _echo, text):  # noqa: ANN001, ANN202
        shown.append(text)
        return shown.answer["text"], shown.answer["ok"]

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return shown


def _documents(qtbot, services, page: MediationPage, nth: int = 0):  # noqa: ANN001, ANN202
    """The documents tab of the nth closed case, shown and made."""
    case = services.mediation.search(MediationFilter(status=CaseStatus.CLOSED), limit=100).first_page[nth]
    window = page.open_case(case.id)
    window.tabs.setCurrentWidget(window.documents)
    docs = window.documents
    qtbot.waitUntil(lambda: not docs.busy and docs.preview.page_count() > 0, timeout=60_000)
    return docs


def _page(qtbot, services) -> MediationPage:  # noqa: ANN001
    page = MediationPage(services)
    qtbot.addWidget(page)
    return page


def _text(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler-utils")
    (tmp_path / "doc.pdf").write_bytes(pdf)
    return subprocess.run(["pdftotext", str(tmp_path / "doc.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout


pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def test_an_administrator_is_asked_once_and_the_answer_is_printed(qtbot, demo_services, asked, tmp_path) -> None:  # noqa: ANN001
    page = _page(qtbot, demo_services)
    docs = _documents(qtbot, demo_services, page)
    assert asked == [SUGGESTION]
    assert demo_services.station.settings().committee == OWN_NAME
    assert OWN_NAME in _text(docs.preview.pdf, tmp_path) and docs.note.isHidden()
    _documents(qtbot, demo_services, page, 1)
    assert asked == [SUGGESTION]  # set now: not asked again


def test_cancel_prints_the_suggestion_and_says_so(qtbot, demo_services, asked, tmp_path) -> None:  # noqa: ANN001
    asked.answer["ok"] = False
    page = _page(qtbot, demo_services)
    docs = _documents(qtbot, demo_services, page)
    assert asked == [SUGGESTION] and demo_services.station.settings().committee == ""
    assert SUGGESTION in _text(docs.preview.pdf, tmp_path)
    assert SUGGESTION in docs.note.text() and "Station settings" in docs.note.text() and not docs.note.isHidden()
    _documents(qtbot, demo_services, page, 1)
    assert asked == [SUGGESTION]  # once a session is enough


def test_a_clerk_is_not_held_up(qtbot, demo_services, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    add_staff(demo_services, "clerk1", "clerk")
    demo_services.accounts.sign_in("clerk1", STAFF_PASSWORD)
    try:
        page = _page(qtbot, demo_services)  # QInputDialog.getText fails the test if called
        docs = _documents(qtbot, demo_services, page)
        assert SUGGESTION in _text(docs.preview.pdf, tmp_path)
        assert "administrator" in docs.note.text() and demo_services.station.settings().committee == ""
    finally:
        demo_services.accounts.sign_in(*ADMIN)


def test_a_committee_already_set_is_not_asked(qtbot, demo_services, tmp_path) -> None:  # noqa: ANN001
    demo_services.station.update_station("金家河派出所", "JJH", OWN_NAME)
    docs = _documents(qtbot, demo_services, _page(qtbot, demo_services))
    assert OWN_NAME in _text(docs.preview.pdf, tmp_path) and docs.note.isHidden()
