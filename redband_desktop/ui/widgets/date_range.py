"""The date-range filter of the register pages (incidents, clues, mediation cases): a tick
box that switches it on ("Received from" …) and two calendar dates, this year by default.
While the box is unticked the dates are greyed out and take no input, so the filter never
looks active when it is not."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QWidget


def _date_edit(name: str, value: QDate) -> QDateEdit:
    edit = QDateEdit(value, objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class DateRange(QWidget):
    changed = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = QDate.currentDate()
        self.use_dates = QCheckBox(caption, objectName="filter_use_dates")
        self.date_from = _date_edit("filter_from", QDate(today.year(), 1, 1))
        self.date_to = _date_edit("filter_to", today)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.use_dates, self.date_from, QLabel("—"), self.date_to):
            layout.addWidget(widget)
        self.use_dates.toggled.connect(self._switched)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._date_changed)
        self._switched(False)

    def _switched(self, on: bool) -> None:
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(on)
        self.changed.emit()

    def _date_changed(self) -> None:
        if self.use_dates.isChecked():
            self.changed.emit()

    def set_range(self, first, last) -> None:  # noqa: ANN001 - dates or None
        """These dates (both None: no range), quietly (the page refreshes itself after)."""
        if first is None and last is None:
            self.switch_off()
            return
        for edit, day in ((self.date_from, first), (self.date_to, last)):
            edit.blockSignals(True)
            if day is not None:
                edit.setDate(QDate(day.year, day.month, day.day))
            edit.setEnabled(True)
            edit.blockSignals(False)
        self.use_dates.blockSignals(True)
        self.use_dates.setChecked(True)
        self.use_dates.blockSignals(False)

    def switch_off(self) -> None:
        """No date range, quietly (the page refreshes itself after setting its filters)."""
        self.use_dates.blockSignals(True)
        self.use_dates.setChecked(False)
        self.use_dates.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(False)

    def bounds(self) -> tuple[date | None, date | None]:
        """(from, to), both None while the range is switched off."""
        if not self.use_dates.isChecked():
            return None, None
        return self.date_from.date().toPython(), self.date_to.date().toPython()
