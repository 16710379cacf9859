"""The rota for people, from the keyboard: a volunteer's page in the roster has a duty tab
(the last twelve months and every shift with the attendance and hours), and a shift's
patrol log opens from the week page and the attendance dialog (Ctrl+J), lists its entries,
takes a new one, links an existing clue, and reports a clue or records an incident through
their usual forms filled in with the volunteer, the place and the time, the saved record
linked to the entry. Chinese text is set with setText (keyClicks takes ASCII only)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from redband_desktop.services.clues.types import ClueForm
from redband_desktop.services.rota.types import AttendanceForm as A
from redband_desktop.services.rota.types import PatrolLogForm, TemplateForm
from redband_desktop.ui.clues.clue_dialog import ClueDialog
from redband_desktop.ui.incidents.incident_dialog import IncidentDialog
from redband_desktop.ui.roster.activity_tabs import ActivityTabs
from redband_desktop.ui.roster.volunteer_dialog import VolunteerDialog
from redband_desktop.ui.rota.attendance_dialog import AttendanceDialog
from redband_desktop.ui.rota.patrol_log_dialog import PatrolLogDialog
from redband_desktop.ui.rota.rota_page import RotaPage
from tests.ui.staff import sign_in_as
from tests.unit.rota_helpers import shifts_on, volunteer

YESTERDAY = date.today() - timedelta(days=1)
CTRL = Qt.KeyboardModifier.ControlModifier


def _show(qtbot, widget) -> None:  # noqa: ANN001
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()


def _auto(monkeypatch, cls, fill) -> None:  # noqa: ANN001
    """Run a dialog without showing it: fill it in, press OK, return its result."""
    def run(self) -> int:  # noqa: ANN001
        fill(self)
        self.accept()
        return self.result()
    monkeypatch.setattr(cls, "exec", run)


def _tab_to(qtbot, widget) -> None:  # noqa: ANN001
    """Tab along the focus chain to `widget`."""
    for _ in range(20):
        if QApplication.focusWidget() is widget:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget


def _press(qtbot, button) -> None:  # noqa: ANN001
    """Tab along the focus chain to `button` and press it with the space bar."""
    _tab_to(qtbot, button)
    qtbot.keyClick(button, Qt.Key.Key_Space)


@pytest.fixture
def patrol(services, place) -> dict:  # noqa: ANN001
    """Yesterday's 08:00–10:00 patrol at the compound with 张洁 and 王芳 on it; 王芳 was
    swapped out (孙丽 stood in), 张洁 came late."""
    services.rota.create_template(TemplateForm(place["compound"].id, "patrol", time(8), time(10), needed=2))
    services.rota.generate(YESTERDAY, YESTERDAY)
    shift = shifts_on(services, YESTERDAY)[0]
    wang, sun = (volunteer(services, place["compound"].id, n) for n in ("王芳", "孙丽"))
    for vid in (place["volunteer"], wang):
        services.rota.assign(shift.id, vid)
    services.rota.record_attendance(shift.id, [
        A(place["volunteer"], "late", signed_in_at=datetime.combine(YESTERDAY, time(8, 30))),
        A(wang, "swapped", swapped_with_id=sun)])
    return {"shift": services.rota.shift(shift.id), "me": place["volunteer"], "wang": wang, "sun": sun}


def test_the_duty_tab_from_the_keyboard(qtbot, services, patrol) -> None:  # noqa: ANN001
    tabs = ActivityTabs(services, patrol["me"])
    dialog = VolunteerDialog(services.roster, services.structure, services.roster.get(patrol["me"]), None, tabs)
    _show(qtbot, dialog)
    tabs.tabBar().setFocus()
    while tabs.currentWidget() is not tabs.duty:  # the arrows move along the tabs
        qtbot.keyClick(tabs.tabBar(), Qt.Key.Key_Right)
    assert tabs.tabText(tabs.currentIndex()) == "Duty (1)"
    qtbot.keyClick(tabs.tabBar(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tabs.duty.months
    qtbot.keyClick(tabs.duty.months, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tabs.duty.shifts
    shifts = tabs.duty.shifts
    assert [shifts.item(0, c).text() for c in range(6)] == [
        f"{YESTERDAY:%Y-%m-%d}", "金色家园", "Patrol", "08:00–10:00", "Late", "1.5"]
    months = tabs.duty.months
    assert months.rowCount() == 12
    row = next(r for r in range(12) if months.item(r, 0).text() == f"{YESTERDAY:%Y-%m}")
    assert [months.item(row, c).text() for c in range(1, 5)] == ["1", "1", "0", "1.5"]
    swapped = ActivityTabs(services, patrol["wang"]).duty
    assert [swapped.shifts.item(0, c).text() for c in (4, 5)] == ["Swapped (孙丽 served)", ""]
    stood_in = ActivityTabs(services, patrol["sun"]).duty
    assert [stood_in.shifts.item(0, c).text() for c in (4, 5)] == ["Stood in for 王芳", "2"]


def test_the_patrol_log_from_the_week_page(qtbot, services, place, patrol, monkeypatch) -> None:  # noqa: ANN001
    sh = patrol["shift"]
    earlier = services.clues.create(ClueForm(
        reporter_id=patrol["wang"], reported_at=datetime.combine(YESTERDAY, time(8, 10)),
        district_id=place["district"].id, site_id=place["compound"].id, clue_type="suspicious_vehicle",
        content="3栋楼下一辆无牌面包车"))
    seen: dict = {}
    opened: list[PatrolLogDialog] = []
    monkeypatch.setattr(PatrolLogDialog, "exec", lambda self: opened.append(self) or 0)
    page = RotaPage(services)
    _show(qtbot, page)
    page.go_to(YESTERDAY)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, YESTERDAY.weekday()))
    qtbot.keyClick(page.table, Qt.Key.Key_J, CTRL)
    assert [d.shift.id for d in opened] == [sh.id]  # the log of the shift under the cursor
    dialog = PatrolLogDialog(services, opened[0].shift)  # the same, as a window of its own for the test
    _show(qtbot, dialog)
    assert [dialog.volunteer.itemText(i) for i in range(dialog.volunteer.count())] == [
        "(nobody named)", "张洁", "王芳", "孙丽"]  # the stand-in may write it up too
    assert QApplication.focusWidget() is dialog.route
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)  # nothing typed: named under the field, nothing saved
    assert dialog.errors.text("note") and services.rota.patrol_logs(sh.id) == []
    assert QApplication.focusWidget() is dialog.note  # the wrong field is focused
    qtbot.keyClick(dialog.note, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is dialog.route
    qtbot.keyClicks(dialog.route, "1-6")
    qtbot.keyClick(dialog.route, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.note
    dialog.note.setPlainText("东门外可疑车辆")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.clue
    qtbot.keyClick(dialog.clue, Qt.Key.Key_Down)  # the clue already recorded there that morning
    assert dialog.clue.currentData() == earlier.id
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert dialog.entries.rowCount() == 1 and dialog.entries.item(0, 4).text() == earlier.number

    def fill_clue(d: ClueDialog) -> None:  # the form comes filled in
        seen["clue"] = (d.reporter.reporter_id(), d.places.site_id(), d.reported_at.dateTime().toPython(),
                        d.content.toPlainText())
        d.content.setPlainText("2栋楼道堆放杂物")
    _auto(monkeypatch, ClueDialog, fill_clue)
    _press(qtbot, dialog.report_clue_button)
    saved = services.clues.for_volunteer(patrol["me"])[0]
    assert dialog.clue.currentData() == saved.id and dialog.note.toPlainText() == "2栋楼道堆放杂物"
    assert saved.content == "2栋楼道堆放杂物" and saved.site == "金色家园"
    _press(qtbot, dialog.add_button)

    def fill_incident(d: IncidentDialog) -> None:
        seen["incident"] = (d.district.currentData(), d.site.currentData(), d.volunteers.links(),
                            d.received_at.dateTime().toPython(), d.occurred_known.isChecked())
        d.summary.setPlainText("两户居民因停车争吵")
    _auto(monkeypatch, IncidentDialog, fill_incident)
    _press(qtbot, dialog.record_incident_button)
    _tab_to(qtbot, dialog.route)
    qtbot.keyClicks(dialog.route, "east gate")
    qtbot.keyClick(dialog.route, Qt.Key.Key_Return)  # Enter in the route adds the entry
    assert dialog.entries.rowCount() == 3
    reporter, site, at, content = seen["clue"]
    assert (reporter, site, content) == (patrol["me"], place["compound"].id, "")
    assert at == sh.ends_at  # now, kept within the shift: its end, the day after
    district, site, links, received, known = seen["incident"]
    assert (district, site, links, received, known) == (
        place["district"].id, place["compound"].id, ((patrol["me"], "reported"),), sh.ends_at, True)
    logs = services.rota.patrol_logs(sh.id)
    incident = services.incidents.for_volunteer(patrol["me"])[0].row
    assert [(r.volunteer, r.route, r.clue_id, r.incident_number) for r in logs] == [
        ("张洁", "1-6", earlier.id, ""), ("张洁", "", services.clues.for_volunteer(patrol["me"])[0].id, ""),
        ("张洁", "east gate", None, incident.number)]
    assert logs[2].note == "两户居民因停车争吵"


def test_the_patrol_log_from_the_attendance_dialog_and_for_a_viewer(qtbot, services, patrol,
                                                                    monkeypatch) -> None:  # noqa: ANN001
    opened: list[PatrolLogDialog] = []
    monkeypatch.setattr(PatrolLogDialog, "exec", lambda self: opened.append(self) or 0)
    dialog = AttendanceDialog(services, YESTERDAY, None)
    _show(qtbot, dialog)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_J, CTRL)
    assert [d.shift.id for d in opened] == [patrol["shift"].id]
    services.rota.add_patrol_log(patrol["shift"].id, PatrolLogForm(route="1-6"))
    sign_in_as(services, "viewer")
    log = PatrolLogDialog(services, patrol["shift"])
    qtbot.addWidget(log)
    assert log.entries.rowCount() == 1 and log.entries.item(0, 1).text() == "—"
    assert not any(b.isEnabled() for b in (log.add_button, log.report_clue_button, log.record_incident_button,
                                           log.route))
