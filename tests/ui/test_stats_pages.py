"""The home page and the statistics page on the demo station: the home page's figures
open the lists behind them; a statistics row opens the incident register filtered to
exactly the incidents it counts; a wrong custom range names its field; the 治安成绩单 is
made in the background; both pages refresh when an incident is recorded."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from redband_desktop.domain.stats import IncidentGroup
from redband_desktop.messages import field_label
from redband_desktop.paths import UserDirs
from redband_desktop.services.incidents.types import IncidentFilter, IncidentForm
from redband_desktop.ui.i18n import ui_lang


@pytest.fixture
def window(qtbot, demo_services, tmp_path: Path):  # noqa: ANN001, ANN201
    from redband_desktop.ui.main_window import AppInfo, MainWindow

    w = MainWindow(demo_services, AppInfo("t", demo_services.db.url, UserDirs.under(tmp_path)))
    qtbot.addWidget(w)
    w.resize(1366, 728)
    w.show()
    return w


def test_home_is_first_and_its_figures_open_their_lists(window, demo_services, qtbot) -> None:  # noqa: ANN001
    assert window.pages.currentWidget() is window.home
    open_now = demo_services.incidents.search(IncidentFilter(status="open"), limit=0).total
    assert window.home.figure_values["open_incidents"] == open_now > 0
    assert window.home.figures["open_incidents"].figure.text() == f"{open_now:,}"
    assert window.home.figure_values["cards_expiring"] > 0
    qtbot.mouseClick(window.home.figures["open_incidents"], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.incidents
    assert window.incidents.model.rowCount() == open_now
    assert window.incidents.preset_note.isVisible()
    qtbot.mouseClick(window.incidents.clear_preset_button, Qt.MouseButton.LeftButton)
    assert window.incidents.model.rowCount() == demo_services.incidents.search(IncidentFilter(), limit=0).total
    qtbot.mouseClick(window.home.figures["cases_overdue"], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.mediation and window.mediation.overdue.isChecked()


def _row(table, text: str) -> int:  # noqa: ANN001
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == text)


def test_a_statistics_row_opens_exactly_what_it_counts(window, demo_services, qtbot) -> None:  # noqa: ANN001
    window.nav.setCurrentRow(window.pages.indexOf(window.stats))
    page = window.stats
    qtbot.waitUntil(lambda: page.figures is not None and not page.computing, timeout=30_000)
    f = page.figures
    lang = ui_lang()  # whichever language an earlier test left installed
    assert page.headline.text() == demo_services.stats.headline(f, lang)
    table = page.tabs.categories
    group = _row(table, page.tabs.tr("{group} (group)").format(group=IncidentGroup.CRIME_AND_FRAUD.label(lang)))
    assert table.item(group, 1).text() == f"{f.by_group['crime_fraud'].current:,}"
    table.open_requested.emit(table.target_of(group))
    assert window.pages.currentWidget() is window.incidents
    assert window.incidents.model.rowCount() == f.by_group["crime_fraud"].current
    sites = page.tabs.sites
    busiest = max(range(sites.rowCount()), key=lambda r: int(sites.item(r, 3).text().replace(",", "")))
    sites.open_requested.emit(sites.target_of(busiest))
    assert window.incidents.model.rowCount() == int(sites.item(busiest, 3).text().replace(",", ""))
    assert window.incidents.site.currentText() == sites.item(busiest, 0).text()


def test_a_wrong_range_names_the_field_and_a_changed_register_refreshes(window, demo_services, qtbot) -> None:  # noqa: ANN001
    window.nav.setCurrentRow(window.pages.indexOf(window.stats))
    page = window.stats
    page.kind.setCurrentIndex(page.kind.findData("custom"))
    page.date_from.setDate(QDate(2026, 5, 1))
    page.date_to.setDate(QDate(2026, 3, 1))
    assert page.error.isVisible() and field_label("date_to", ui_lang()) in page.error.text()
    page.date_to.setDate(QDate(2026, 5, 31))
    assert not page.error.isVisible()
    qtbot.waitUntil(lambda: not page.computing and page.figures.period.end.isoformat() == "2026-05-31",
                    timeout=30_000)
    before = page.figures.total.current
    district = demo_services.sites.tree()[0]
    demo_services.incidents.create(IncidentForm(received_at=datetime(2026, 5, 20, 10), category="dispute",
                                                district_id=district.id, summary="邻里纠纷"))
    qtbot.waitUntil(lambda: page.figures.total.current == before + 1, timeout=5000)


def test_the_report_is_made_in_the_background(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    page = window.stats
    qtbot.waitUntil(lambda: page.figures is not None and not page.computing, timeout=30_000)
    out = tmp_path / "成绩单.pdf"
    page.generate("pdf", out)
    assert page.busy
    qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
    assert out.read_bytes().startswith(b"%PDF") and "成绩单.pdf" in page.error.text()
    page.generate("xlsx", tmp_path / "成绩单.xlsx")
    qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
    assert (tmp_path / "成绩单.xlsx").read_bytes()[:2] == b"PK"



def test_the_report_prints_through_the_print_dialog(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    """Print makes the PDF in the background and hands it to the system print dialog, as
    the cards and the mediation documents are printed."""
    from redband_desktop.ui.stats import stats_page

    printed = []
    monkeypatch.setattr(stats_page, "print_document",
                        lambda preview, parent, title, report: printed.append((preview.pdf, preview.page_count(), title)))
    page = window.stats
    qtbot.waitUntil(lambda: page.figures is not None and not page.computing, timeout=30_000)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert page.busy and not page.print_button.isEnabled()
    qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
    pdf, pages, title = printed[0]
    assert pdf.startswith(b"%PDF") and pages >= 2 and title.startswith("治安成绩单_")
    assert page.print_button.isEnabled()


def test_the_page_counts_on_a_worker_and_stays_responsive(window, demo_services, qtbot, monkeypatch) -> None:  # noqa: ANN001
    """The figures are computed off the GUI thread: while they are counted the page says
    so, its controls answer, the report buttons wait, and the figures then fill in; asked
    twice meanwhile, the page shows the last asked for."""
    import threading

    window.nav.setCurrentRow(window.pages.indexOf(window.stats))
    page = window.stats
    qtbot.waitUntil(lambda: page.figures is not None and not page.computing, timeout=30_000)
    gate, threads = threading.Event(), []
    figures = demo_services.stats.figures

    def slow(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        threads.append(threading.current_thread() is not threading.main_thread())
        gate.wait(10)
        return figures(*args, **kwargs)

    monkeypatch.setattr(demo_services.stats, "figures", slow)
    page.kind.setCurrentIndex(page.kind.findData("month"))
    assert page.computing and page.calculating.isVisible() and page.calculating.text() == page.tr("Calculating…")
    assert not page.pdf_button.isEnabled() and not page.print_button.isEnabled()
    page.compare.setCurrentIndex(page.compare.findData("pop"))  # the GUI answers while the worker waits
    assert page.compare.currentData() == "pop" and page.figures.period.start.month == 1  # the old ones still shown
    gate.set()
    qtbot.waitUntil(lambda: not page.computing and not page.calculating.isVisible(), timeout=30_000)
    assert all(threads) and len(threads) == 2
    assert page.figures.comparison.value == "pop" and page.figures.period.start.day == 1
    assert page.figures.period.start.month == page.figures.period.end.month
    assert page.tabs.categories.rowCount() > 0 and page.pdf_button.isEnabled()
