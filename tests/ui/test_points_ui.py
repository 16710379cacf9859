"""Points in the window, by keyboard: the volunteer's points tab (balance, entries,
redemption refused beyond the balance under its field, then recorded and taken back) and
the administrators' rules dialog (a new version from today; past points unchanged)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from redband_desktop.ui.admin.point_rules_dialog import PointRulesDialog
from redband_desktop.ui.roster.activity_tabs import ActivityTabs
from redband_desktop.ui.roster.points_ranking_dialog import PointsRankingDialog
from redband_desktop.ui.roster.points_tab import RedeemDialog
from tests.unit.test_points import shift


def _type_into(qtbot, widget, text: str) -> None:  # noqa: ANN001
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_points_tab_redeems_by_keyboard_and_refuses_beyond_the_balance(qtbot, services, place,
                                                                       monkeypatch) -> None:  # noqa: ANN001
    vid = place["volunteer"]
    shift(services, place, vid, date(2026, 5, 1), 6)
    tabs = ActivityTabs(services, vid)
    qtbot.addWidget(tabs)
    tabs.show()
    with qtbot.waitActive(tabs):
        tabs.activateWindow()
    tab = tabs.points
    tabs.setCurrentWidget(tab)
    assert tabs.tabText(tabs.indexOf(tab)).endswith("(6)")
    assert tab.entries.rowCount() == 1 and tab.entries.item(0, 3).text() == "+6"
    assert "6" in tab.summary.text() and not tab.cancel_button.isEnabled()
    tab.redeem_button.setFocus()
    qtbot.keyClick(tab.redeem_button, Qt.Key.Key_Space)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RedeemDialog) and w.isVisible())
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.waitUntil(dialog.prize.hasFocus)
    dialog.prize.insert("保温杯")  # what the input method commits (QTest types Latin keys only)
    qtbot.keyClick(dialog.prize, Qt.Key.Key_Tab)
    assert dialog.amount.hasFocus()
    _type_into(qtbot, dialog.amount.lineEdit(), "9")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.isVisible() and "6" in dialog._errors.text("points")
    assert services.points.account(vid).redemptions == ()
    _type_into(qtbot, dialog.amount.lineEdit(), "4")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert tab.redemptions.rowCount() == 1 and tab.redemptions.item(0, 1).text() == "保温杯"
    assert tab.account.balance == 2 and tab.cancel_button.isEnabled()
    assert tabs.tabText(tabs.indexOf(tab)).endswith("(2)")
    assert services.points.account(vid).redemptions[0].handed_by == services.access.user.display_name
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    tab.cancel_button.setFocus()
    qtbot.keyClick(tab.cancel_button, Qt.Key.Key_Space)
    assert tab.account.balance == 6 and tab.redemptions.rowCount() == 0


def test_rules_dialog_adds_a_version_from_today_by_keyboard(qtbot, services, place) -> None:  # noqa: ANN001
    vid = place["volunteer"]
    shift(services, place, vid, date(2026, 5, 1), 2)
    dialog = PointRulesDialog(services.points)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    assert dialog.kind.hasFocus() and dialog.kind.currentData() == "duty_hour" and dialog.points.value() == 1
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Tab)
    _type_into(qtbot, dialog.points.lineEdit(), "3")
    qtbot.keyClick(dialog.points, Qt.Key.Key_Tab)
    assert dialog.since.hasFocus()
    for _section in range(3):  # Tab steps through the date's year, month and day first
        if dialog.add_button.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.add_button.hasFocus()
    qtbot.keyClick(dialog.add_button, Qt.Key.Key_Space)
    duty = [r for r in dialog.rows if r.kind == "duty_hour"]
    assert [(r.points, r.in_force) for r in duty] == [(3, True), (1, False)]
    assert dialog.table.rowCount() == len(dialog.rows)
    assert services.points.account(vid).earned == 2  # the May shift keeps the rule of its day


def test_ranking_dialog_follows_the_period_and_the_district(qtbot, services, place) -> None:  # noqa: ANN001
    from tests.unit.test_activities import volunteer

    other = volunteer(services, place, "李明", 51)
    shift(services, place, place["volunteer"], date.today(), 2)
    shift(services, place, other, date.today(), 5)
    districts = [(d.id, d.name) for d in services.structure.districts()]
    dialog = PointsRankingDialog(services.points, districts)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 1).text() for r in range(2)] == ["李明", "张洁"]
    assert dialog.table.item(0, 5).text() == "5" and "7" in dialog.total.text()
    dialog.district.setCurrentIndex(dialog.district.findData(place["other"].id))
    assert dialog.table.rowCount() == 0
    dialog.district.setCurrentIndex(0)
    dialog.date_from.setDate(dialog.date_to.date().addDays(1))  # the end follows: never the wrong way round
    assert dialog.date_to.date() == dialog.date_from.date() and dialog.table.rowCount() == 0
