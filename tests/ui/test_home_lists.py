"""Each home-page figure opens its list with exactly its filter: the list shows as many
rows as the figure says — for the station (administrator) and for an officer, whose
figures and lists are their own district's. Volunteers who left this
month make that figure non-zero."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from redband_desktop.paths import UserDirs
from tests.ui.staff import sign_in_as

KEYS = ("active", "joined", "left", "open_incidents", "clues_to_verify", "clues_feedback", "cards_expiring",
        "heads_without_card")


def _window(qtbot, services, tmp_path: Path):  # noqa: ANN001, ANN202
    from redband_desktop.ui.main_window import AppInfo, MainWindow

    w = MainWindow(services, AppInfo("t", services.db.url, UserDirs.under(tmp_path)))
    qtbot.addWidget(w)
    w.resize(1366, 728)
    w.show()
    return w


def _rows(w, key: str) -> int:  # noqa: ANN001
    page = w.pages.currentWidget()
    if key in ("active", "joined", "left"):
        assert page is w.roster and w.roster.preset_note.isVisible()
        return w.roster.model.rowCount()
    if key == "open_incidents":
        assert page is w.incidents
        return w.incidents.model.rowCount()
    if key.startswith("clues"):
        assert page is w.clues
        return w.clues.model.rowCount()
    if key == "cards_expiring":
        assert page is w.cards and w.cards.register.preset_note.isVisible()
        return w.cards.register.table.rowCount()
    assert page is w.coverage and w.coverage.preset_note.isVisible()
    return w.coverage.gaps.rowCount()


def _this_month_changes(services) -> None:  # noqa: ANN001
    """A volunteer of each district leaves today (the demo may have no one who left this month)."""
    from redband_desktop.services.roster.types import RosterFilter

    for d in services.sites.tree():
        v = services.roster.search(RosterFilter(status="active", district_id=d.id), limit=1).first_page[0]
        services.roster.change_status(v.id, v.version, "left", date.today(), "搬离本辖区")


@pytest.mark.parametrize("role", ["admin", "officer"])
def test_every_figure_opens_a_list_of_its_size(qtbot, demo_services, tmp_path: Path, role: str) -> None:  # noqa: ANN001
    services = demo_services
    _this_month_changes(services)
    if role == "officer":
        district = services.sites.tree()[0].id
        sign_in_as(services, "officer", district)
    w = _window(qtbot, services, tmp_path)
    h = w.home.shown
    assert (h.district_id is not None) == (role == "officer")
    assert w.home.figure_values["left"] >= 1
    assert any(w.home.figure_values[k] for k in KEYS)
    for key in KEYS:
        w.home.figures[key].click()
        assert _rows(w, key) == w.home.figure_values[key], key
    # "Show all" drops the figure's dates: the roster lists more than those who left this month
    w.home.figures["left"].click()
    w.roster.preset_note.clear_button.click()
    assert not w.roster.preset_note.isVisible()
    assert w.roster.model.rowCount() > w.home.figure_values["left"]
