"""The filters above the audit trail: user, action, date range, record id, free text.

Emits `changed` (text fields after a short pause while typing) and builds the
`AuditFilter` the audit service searches with.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from redband_desktop.services.audit.types import AuditFilter

NO_DATE = QDate(2000, 1, 1)  # the minimum of the date boxes, shown as "any"


class AuditFilterBar(QWidget):
    changed = Signal()

    def __init__(self, action_label: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._action_label = action_label
        self._pause = QTimer(self, singleShot=True, interval=250)
        self._pause.timeout.connect(self.changed)
        self.username = self._line("filter_user", self.tr("User name"), 110)
        self.action = QComboBox(objectName="filter_action")
        self.action.setMinimumContentsLength(12)
        self.date_from = self._date("filter_from")
        self.date_to = self._date("filter_to")
        self.record = self._line("filter_record", self.tr("Record id"), 80)
        self.text = self._line("filter_text", self.tr("Search summary and changes"), 180)
        self.clear_button = QPushButton(self.tr("Clear filters"), objectName="clear_filters")
        self.clear_button.clicked.connect(self.clear)
        self.action.currentIndexChanged.connect(self.changed)
        self.date_from.dateChanged.connect(self.changed)
        self.date_to.dateChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.username, self.action, QLabel(self.tr("From")), self.date_from,
                       QLabel(self.tr("to")), self.date_to, self.record, self.text):
            layout.addWidget(widget)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)

    def _line(self, name: str, placeholder: str, width: int) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.setMinimumWidth(width)
        edit.textChanged.connect(lambda _text: self._pause.start())
        return edit

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit(objectName=name, calendarPopup=True, displayFormat="yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(NO_DATE)
        return edit

    def set_actions(self, actions: list[str]) -> None:
        current = self.action.currentData()
        self.action.blockSignals(True)
        self.action.clear()
        self.action.addItem(self.tr("All actions"), "")
        for code in actions:
            self.action.addItem(self._action_label(code), code)
        self.action.setCurrentIndex(max(0, self.action.findData(current)))
        self.action.blockSignals(False)

    def clear(self) -> None:
        for widget in (self.username, self.action, self.date_from, self.date_to, self.record, self.text):
            widget.blockSignals(True)
        self.username.clear()
        self.record.clear()
        self.text.clear()
        self.action.setCurrentIndex(0)
        self.date_from.setDate(NO_DATE)
        self.date_to.setDate(NO_DATE)
        for widget in (self.username, self.action, self.date_from, self.date_to, self.record, self.text):
            widget.blockSignals(False)
        self.changed.emit()

    def current(self) -> AuditFilter:
        def day(edit: QDateEdit):  # noqa: ANN202
            return None if edit.date() == NO_DATE else edit.date().toPython()

        return AuditFilter(
            username=self.username.text().strip().lower(), action=self.action.currentData() or "",
            entity_id=self.record.text().strip(), date_from=day(self.date_from), date_to=day(self.date_to),
            text=self.text.text().strip(),
        )
