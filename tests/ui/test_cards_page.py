"""The ID cards page driven like a clerk would: make a batch in the background (and
cancel one), see it in the QtPdf preview, save it; the register with its warnings and a
revoke; the card design's live preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel

from redband_desktop.ui.cards.cards_page import CardsPage


@pytest.fixture(autouse=True)
def _no_card_yet(demo_without_cards) -> None:  # noqa: ANN001 - these tests count the cards they issue
    pass


@pytest.fixture
def page(qtbot, demo_services):  # noqa: ANN001, ANN201
    widget = CardsPage(demo_services)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


def _select_site(panel) -> None:  # noqa: ANN001
    panel.kind.setCurrentIndex(panel.kind.findData("site"))
    panel.site.setCurrentIndex(0)


def test_make_preview_and_save_a_batch(page, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    panel = page.printing
    _select_site(panel)
    assert "selected" in panel.count.text() or "名" in panel.count.text() or panel.count.text()
    panel.layout_combo.setCurrentIndex(panel.layout_combo.findData("a4"))
    panel.make()
    qtbot.waitUntil(lambda: not panel.busy, timeout=60_000)
    assert panel.result is not None and panel.result.cards > 0
    assert panel.preview.page_count() == 2  # one sheet: fronts, then mirrored backs
    assert panel.print_button.isEnabled()
    out = tmp_path / "cards.pdf"
    panel.save(str(out))
    assert out.read_bytes() == panel.result.pdf
    assert page.register.table.rowCount() == panel.result.cards  # the register reloaded


def test_cancel_issues_nothing(page, qtbot) -> None:  # noqa: ANN001
    panel = page.printing
    panel.make()
    panel.cancel()
    qtbot.waitUntil(lambda: not panel.busy, timeout=60_000)
    assert panel.result is None
    assert page.register.table.rowCount() == 0


def test_cancel_while_drawing_revokes_the_new_cards(page, qtbot, monkeypatch) -> None:  # noqa: ANN001
    import threading

    from redband_desktop.services.cards.service import CardService
    from redband_desktop.ui.cards.print_panel import PrintPanel

    panel = page.printing
    pressed = threading.Event()  # the drawing waits at its first card until Cancel is pressed
    first_step, real_batch = PrintPanel._on_step, CardService.print_batch

    def cancel_on_first_card(self, done: int, total: int) -> None:  # noqa: ANN001
        first_step(self, done, total)
        self.cancel()  # the clerk presses Cancel once the drawing shows progress
        pressed.set()

    def batch(self, sel, layout, start, progress, cancelled):  # noqa: ANN001, ANN202
        def step(done: int, total: int) -> None:
            progress(done, total)
            pressed.wait(30)
        return real_batch(self, sel, layout, start, step, cancelled)

    monkeypatch.setattr(PrintPanel, "_on_step", cancel_on_first_card)
    monkeypatch.setattr(CardService, "print_batch", batch)
    panel.make()
    qtbot.waitUntil(lambda: not panel.busy, timeout=60_000)
    assert panel.result is None and not panel.print_button.isEnabled()
    assert "revoked" in panel.count.text() or "作废" in panel.count.text()
    rows = page.register.rows  # reloaded by the change notice: the batch's cards, none valid
    assert rows and {r.shown_status for r in rows} == {"revoked"}


def test_register_warns_and_revokes(page, qtbot, demo_services, monkeypatch) -> None:  # noqa: ANN001
    register = page.register
    assert register.warnings.text()  # every active volunteer is still without a card
    _select_site(page.printing)
    page.printing.make()
    qtbot.waitUntil(lambda: not page.printing.busy, timeout=60_000)
    assert str(len(register.rows)) in register.count.text()
    register.table.sortItems(1, Qt.SortOrder.DescendingOrder)  # by name, from the header
    register.table.selectRow(0)
    chosen = register.selected()
    assert chosen.name == register.table.item(0, 1).text()  # the row shown, whatever the order
    assert register.revoke_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("违反纪律", True))
    register.revoke_button.click()
    revoked = [r for r in register.rows if r.card_no == chosen.card_no][0]
    assert revoked.status.value == "revoked"


def test_design_preview_follows_the_text(page, qtbot) -> None:  # noqa: ANN001
    design = page.design
    page.tabs.setCurrentWidget(design)  # the preview is drawn when the tab is shown
    assert design.preview.page_count() == 2
    before = design.preview.pdf
    design.phone.setText("0871-68123456")
    qtbot.waitUntil(lambda: design.preview.pdf != before, timeout=5_000)
    design.save()
    assert page.design._cards.settings().phone == "0871-68123456"


def test_print_tab_starts_with_those_without_a_valid_card_and_takes_chosen_volunteers(
        page, qtbot, demo_services) -> None:  # noqa: ANN001
    from redband_desktop.services.roster.types import RosterFilter

    panel = page.printing
    assert panel.kind.currentData() == "without_card"  # not "everyone", one click from issuing them all
    ids = [r.id for r in demo_services.roster.search(RosterFilter(), 2).first_page]
    page.print_for(ids)
    assert page.tabs.currentWidget() is panel and panel.kind.currentData() == "ids"
    assert "2" in panel.kind.currentText() and "2" in panel.count.text()
    panel.make()
    qtbot.waitUntil(lambda: not panel.busy, timeout=60_000)
    assert panel.result.cards == 2
    assert sorted(r.volunteer_id for r in page.register.rows) == sorted(ids)


def test_an_empty_station_phone_is_warned_before_printing(page, qtbot, demo_services) -> None:  # noqa: ANN001
    from dataclasses import replace

    cards = demo_services.cards
    cards.update_settings(replace(cards.settings(), phone=""))
    assert page.printing.no_phone.isVisibleTo(page.printing)
    cards.update_settings(replace(cards.settings(), phone="0871-68123456"))
    qtbot.waitUntil(lambda: not page.printing.no_phone.isVisibleTo(page.printing))
    assert "{station}" in " ".join(w.text() for w in page.design.findChildren(QLabel))


def test_the_preview_is_dated_like_a_card_printed_today(demo_services) -> None:  # noqa: ANN001
    from redband_desktop.services.cards.design import chinese_date, sample_card
    from redband_desktop.services.cards.types import CardSelection
    from redband_desktop.services.roster.types import RosterFilter

    cards = demo_services.cards
    first = demo_services.roster.search(RosterFilter(), 1).first_page[0].id
    cards.print_batch(CardSelection("ids", ids=(first,)), "cr80")
    printed = next(r for r in cards.register() if r.volunteer_id == first)
    sample = sample_card(cards._today(), cards.settings().validity_years)
    assert (sample.issued_on, sample.valid_until) == (chinese_date(printed.issued_on), chinese_date(printed.valid_until))
