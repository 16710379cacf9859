"""The days without shifts (停班日期): for the whole station (a holiday) or one site (a market
closure), from a month ago to a year ahead. Adding one removes that day's future shifts
nobody is on; removing one lets the next generation fill the day again."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.errors import RedbandError
from redband_desktop.services.rota.types import SkippedDay
from redband_desktop.ui.widgets.feedback import show_error

if TYPE_CHECKING:
    from redband_desktop.services import Services


class SkippedDaysDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Skipped days"))
        self._services = services
        self.days: list[SkippedDay] = []
        self.table = QTableWidget(0, 3, objectName="skipped_table")
        self.table.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Where"), self.tr("Reason")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        tomorrow = date.today() + timedelta(days=1)
        self.day = QDateEdit(QDate(tomorrow), objectName="skip_day", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.site = QComboBox(objectName="skip_site")
        self.site.addItem(self.tr("Whole station"), None)
        for row in services.structure.sites():
            self.site.addItem(row.name, row.id)
        self.reason = QLineEdit(objectName="skip_reason", maxLength=100, placeholderText=self.tr("e.g. Spring Festival"))
        self.add_button = QPushButton(self.tr("Add"), objectName="add_skip")
        self.remove_button = QPushButton(self.tr("Remove"), objectName="remove_skip")
        for button in (self.add_button, self.remove_button):
            button.setEnabled(services.access.can(Action.EDIT))
        self._layout()
        self.add_button.clicked.connect(self.add)
        self.reason.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.refresh()

    def _layout(self) -> None:
        adding = QHBoxLayout()
        for widget in (self.day, self.site):
            adding.addWidget(widget)
        adding.addWidget(self.reason, 1)
        adding.addWidget(self.add_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remove_button)
        bottom.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(adding)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(720, 440)

    def refresh(self) -> None:
        today = date.today()
        self.days = self._services.rota.skipped(today - timedelta(days=31), today + timedelta(days=366))
        self.table.setRowCount(len(self.days))
        for row, d in enumerate(self.days):
            for column, text in enumerate((d.day.isoformat(), d.site or self.tr("Whole station"), d.reason)):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def add(self) -> None:
        if not self.add_button.isEnabled():
            return
        try:
            self._services.rota.skip_day(self.day.date().toPython(), self.site.currentData(), self.reason.text())
        except RedbandError as exc:
            show_error(self, exc)
            return
        self.reason.clear()
        self.refresh()

    def remove(self) -> None:
        row = self.table.currentRow()
        if not (0 <= row < len(self.days)) or not self.remove_button.isEnabled():
            return
        try:
            self._services.rota.unskip_day(self.days[row].id)
        except RedbandError as exc:
            show_error(self, exc)
        self.refresh()
