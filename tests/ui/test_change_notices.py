"""Pages refresh from the service layer's change notices: once per action, whichever page
took it, only when they are seen, and from a background job's thread too. Actions taken
from a register list check the version of the row the user saw."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from conftest import sign_in_admin  # the suite's own conftest.py
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QInputDialog, QMessageBox

from redband_desktop.db.engine import Database
from redband_desktop.domain.incidents import IncidentCategory
from redband_desktop.services import build_services
from redband_desktop.services.incidents.types import IncidentFilter
from redband_desktop.services.roster.types import RosterFilter
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.cards.cards_page import CardsPage
from redband_desktop.ui.clues.clues_page import CluesPage
from redband_desktop.ui.incidents.incident_dialog import IncidentDialog
from redband_desktop.ui.incidents.incidents_page import IncidentsPage
from redband_desktop.ui.roster.roster_page import RosterPage
from redband_desktop.ui.roster.status_dialog import StatusDialog


def _shown(qtbot, page):  # noqa: ANN001, ANN202
    qtbot.addWidget(page)
    page.show()
    return page


def _count_refreshes(page, monkeypatch) -> list[int]:  # noqa: ANN001
    calls: list[int] = []
    original = page.refresh
    monkeypatch.setattr(page, "refresh", lambda: (calls.append(1), original())[1])
    return calls


def test_marking_a_volunteer_as_left_refreshes_the_card_register(qtbot, demo_services) -> None:  # noqa: ANN001
    """The roster page and the card register know nothing of each other: the status
    change revokes the card in the same transaction, and the notice says so."""
    s = demo_services
    roster, cards = _shown(qtbot, RosterPage(s)), _shown(qtbot, CardsPage(s))
    someone = s.roster.search(RosterFilter(status="active"), 1).first_page[0]
    card = s.cards.issue(someone.id)
    assert card.card_no in [r.card_no for r in cards.register.rows]  # issued: the register followed
    roster.search.setText(someone.name)
    roster.select_id(someone.id)
    roster.change_status()
    dialog = roster.findChild(StatusDialog)
    dialog.status.setCurrentIndex(dialog.status.findData("left"))
    dialog.reason.setCurrentText("搬离辖区")
    dialog.save()
    shown = next(r for r in cards.register.rows if r.card_no == card.card_no)
    assert shown.status.value == "revoked"
    assert any(r.id == someone.id and r.status.value == "left" for r in roster.model._pages[0])


def test_saving_an_incident_refreshes_its_page_once(qtbot, demo_services, monkeypatch) -> None:  # noqa: ANN001
    page = _shown(qtbot, IncidentsPage(demo_services))
    calls = _count_refreshes(page, monkeypatch)
    before = page.model.rowCount()
    dialog = IncidentDialog(demo_services.incidents, demo_services.roster, demo_services.sites.tree(), None, page)
    qtbot.addWidget(dialog)
    dialog.category.setCurrentIndex(dialog.category.findData(IncidentCategory.DISPUTE))
    dialog.summary.setPlainText("邻里噪音纠纷")
    dialog.accept()
    assert dialog.saved is not None
    assert calls == [1] and page.model.rowCount() == before + 1
    page.search.setText(dialog.saved.number)
    page.table.selectRow(0)
    calls.clear()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    page.to_mediation()  # a case and the incident's link in one transaction: one refresh
    assert calls == [1]


def test_a_hidden_page_refreshes_once_when_shown(qtbot, demo_services, monkeypatch) -> None:  # noqa: ANN001
    page = CluesPage(demo_services)
    qtbot.addWidget(page)
    calls = _count_refreshes(page, monkeypatch)
    for row in demo_services.incidents.search(IncidentFilter(status="open"), 2).first_page:
        demo_services.incidents.close(row.id, row.version, "mediated")  # clues show their incidents
    assert calls == []
    page.show()
    assert calls == [1]


def test_a_background_job_notice_reaches_the_page_on_its_thread(qtbot, demo_services, monkeypatch) -> None:  # noqa: ANN001
    page = _shown(qtbot, IncidentsPage(demo_services))
    threads: list[QThread] = []
    original = page.refresh
    monkeypatch.setattr(page, "refresh", lambda: (threads.append(QThread.currentThread()), original())[1])
    worker = threading.Thread(target=lambda: demo_services.changes.publish(Change.INCIDENTS))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: threads != [])
    assert threads == [page.thread()]


@pytest.mark.sqlite_only
def test_closing_from_the_list_checks_the_version_the_user_saw(qtbot, demo_services, monkeypatch) -> None:  # noqa: ANN001
    """Another PC edits the incident after this list was read: closing it from the list is
    refused as a stale edit, not applied over their change."""
    page = _shown(qtbot, IncidentsPage(demo_services))
    page.status.setCurrentIndex(page.status.findData("open"))
    page.table.selectRow(0)
    seen = page.selected()
    other_pc = Database(demo_services.db.url)
    try:
        other = sign_in_admin(build_services(other_pc))
        current = other.incidents.get(seen.id)
        other.incidents.update(seen.id, current.version, replace(current.form, location=current.form.location + "（更正）"))
    finally:
        other_pc.dispose()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    page.close_selected()
    assert warnings and demo_services.incidents.get(seen.id).status == "open"
