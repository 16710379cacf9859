"""The points tab (积分) on a volunteer's page in the roster: the balance, every entry that
makes it up (date, what earned it, the record — a shift's place and time, a clue's number,
an activity — and the points, newest first), and the prizes exchanged, with a button that
records a redemption (兑换奖品) and one that takes a wrong one back.

Earned points are counted from the records by the rules in force on each record's day
(services/points), so the tab shows what the station's records say, never a kept copy.
The redemption dialog refuses more points than the balance, naming the field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.points import RULE_KINDS
from redband_desktop.services.points.service import MAX_REDEMPTION
from redband_desktop.services.points.types import PointsAccount, RedemptionForm
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.form_inputs import date_edit, line_edit

if TYPE_CHECKING:
    from redband_desktop.services.points.service import PointsService
    from redband_desktop.services.shared.access import AccessControl

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class PointsTab(QWidget):
    balance_changed = Signal(int)

    def __init__(self, points: PointsService, access: AccessControl, volunteer_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activity_points")
        self._points = points
        self._access = access
        self._volunteer_id = volunteer_id
        self._handed_by = access.user.display_name if access.user else ""
        self.summary = QLabel(self, objectName="points_summary")
        self.entries = _table(self, "points_entries", (self.tr("Date"), self.tr("Points for"), self.tr("Record"),
                                                        self.tr("Points")))
        self.entries.horizontalHeader().setStretchLastSection(False)
        self.entries.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.redemptions = _table(self, "points_redemptions", (self.tr("Date"), self.tr("Prize"), self.tr("Points"),
                                                                self.tr("Handed over by")))
        self.redeem_button = QPushButton(self.tr("&Redeem a prize…"), self, objectName="redeem")
        self.redeem_button.clicked.connect(self.redeem)
        self.cancel_button = QPushButton(self.tr("Take back"), self, objectName="cancel_redemption")
        self.cancel_button.setToolTip(self.tr("Take back the chosen redemption"))
        self.cancel_button.clicked.connect(self.cancel_chosen)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Prizes exchanged"), self))
        right.addWidget(self.redemptions, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.redeem_button)
        buttons.addWidget(self.cancel_button)
        right.addLayout(buttons)
        tables = QHBoxLayout()
        tables.addWidget(self.entries, 3)
        tables.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(tables, 1)
        QWidget.setTabOrder(self.entries, self.redemptions)
        QWidget.setTabOrder(self.redemptions, self.redeem_button)
        QWidget.setTabOrder(self.redeem_button, self.cancel_button)
        self.account: PointsAccount | None = None
        self.reload()

    def reload(self) -> None:
        self.account = a = self._points.account(self._volunteer_id)
        self.summary.setText(self.tr("Balance {balance} points (earned {earned}, redeemed {redeemed})").format(
            balance=a.balance, earned=a.earned, redeemed=a.redeemed))
        lang = ui_lang()
        _fill(self.entries, [(f"{e.day:%Y-%m-%d}", RULE_KINDS[e.kind].label(lang) if e.kind in RULE_KINDS else e.kind,
                              e.what, f"+{e.points}") for e in a.entries], numbers=(3,))
        _fill(self.redemptions, [(f"{r.day:%Y-%m-%d}", r.prize, f"-{r.points}", r.handed_by)
                                 for r in a.redemptions], numbers=(2,))
        self.redeem_button.setEnabled(self._access.can(Action.EDIT, a.district_id))
        self.cancel_button.setEnabled(bool(a.redemptions) and self._access.can(Action.DELETE, a.district_id))
        self.balance_changed.emit(a.balance)

    def redeem(self) -> RedeemDialog:
        dialog = RedeemDialog(self._points, self.account, self._handed_by, self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def cancel_chosen(self) -> None:
        row = self.redemptions.currentRow()
        if self.account is None or not 0 <= row < len(self.account.redemptions):
            return
        chosen = self.account.redemptions[row]
        answer = QMessageBox.question(self, self.tr("Take back a redemption"), self.tr(
            "Take back “{prize}” ({points} points, {day})? The points return to the balance.").format(
            prize=chosen.prize, points=chosen.points, day=chosen.day.isoformat()))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._points.cancel_redemption(chosen.id)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.reload()


class RedeemDialog(QDialog):
    """Record a prize handed over for points: prize, points (no more than the balance),
    date (today by default, never in the future) and who handed it over."""

    def __init__(self, points: PointsService, account: PointsAccount, handed_by: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redeem_dialog")
        self.setWindowTitle(self.tr("Redeem points: {name}").format(name=account.name))
        self._points = points
        self._account = account
        self._errors = FieldErrors()
        self.prize = line_edit(self, "prize", 100)
        self.amount = QSpinBox(self, objectName="points")
        self.amount.setRange(1, MAX_REDEMPTION)
        self.amount.setValue(max(1, min(10, account.balance)))
        self.day = date_edit(self, "day", QDate.currentDate(), QDate(2000, 1, 1))
        self.handed_by = line_edit(self, "handed_by", 40)
        self.handed_by.setText(handed_by)
        self.notes = line_edit(self, "notes", 200)
        self.general_error = FieldErrors.make_label("form")
        self.general_error.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setObjectName("save")
        ok.setText(self.tr("Redeem"))
        ok.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget, field in ((self.tr("Prize"), self.prize, "prize"),
                                    (self.tr("Points"), self.amount, "points"),
                                    (self.tr("Date"), self.day, "day"),
                                    (self.tr("Handed over by"), self.handed_by, "handed_by"),
                                    (self.tr("Notes"), self.notes, "notes")):
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            self._errors.add_to_form(field, form, widget)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{name} ({number}) has {balance} points.").format(
            name=account.name, number=account.volunteer_no, balance=account.balance), self))
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.resize(440, 0)
        self.prize.setFocus()

    def save(self) -> None:
        def save() -> None:
            self._points.redeem(RedemptionForm(self._account.volunteer_id, self.prize.text(), self.amount.value(),
                                               self.day.date().toPython(), self.handed_by.text(), self.notes.text()))

        if self._errors.attempt(self, self.general_error, save):
            self.accept()


def _table(parent: QWidget, name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent, objectName=name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table, the arrows move in it
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]], numbers: tuple[int, ...]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c in numbers:
                item.setTextAlignment(RIGHT)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    if rows and table.currentRow() < 0:
        table.setCurrentCell(0, 0)

