"""The duty tab (值班) on a volunteer's page in the roster: the last twelve months one by
one (shifts, attended, absent, hours) beside every shift they were on, newest first (date,
place, duty type, time, attendance, hours). Hours come from attendance only, so a shift
they were swapped out of gives them none and the stand-in's row says whom they stood in for.
Both tables take the keyboard focus (Tab) and scroll with the arrows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from redband_desktop.domain.rota import AttendanceStatus, DutyType
from redband_desktop.services.rota.types import VolunteerDuty, VolunteerShift
from redband_desktop.ui.i18n import ui_lang

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class DutyTab(QWidget):
    def __init__(self, duty: VolunteerDuty, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activity_duty")
        self.shifts_shown = duty.shifts
        self.months = self._table("duty_months", (self.tr("Month"), self.tr("Shifts"), self.tr("Attended"),
                                                  self.tr("Absent"), self.tr("Hours")),
                                  [(f"{m.month:%Y-%m}", str(m.shifts), str(m.attended), str(m.absent),
                                    f"{m.hours:g}") for m in duty.months], numbers_from=1)
        self.months.horizontalHeader().setStretchLastSection(False)
        self.months.resizeColumnsToContents()
        lang = ui_lang()
        self.shifts = self._table("duty_shifts", (self.tr("Date"), self.tr("Place"), self.tr("Duty type"),
                                                  self.tr("Time"), self.tr("Attendance"), self.tr("Hours")),
                                  [(f"{r.day:%Y-%m-%d}", r.place, DutyType(r.duty_type).label(lang),
                                    f"{r.starts_at:%H:%M}–{r.ends_at:%H:%M}", self.attendance_text(r),
                                    f"{r.hours:g}" if r.minutes else "") for r in duty.shifts], numbers_from=5)
        self.shifts.horizontalHeader().setStretchLastSection(False)
        self.shifts.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.months)
        layout.addWidget(self.shifts, 1)
        # Just wide enough for its columns and a scroll bar; the shifts take the rest.
        self.months.setFixedWidth(self.months.horizontalHeader().length() + self.months.frameWidth() * 2
                                  + self.months.verticalScrollBar().sizeHint().width())
        QWidget.setTabOrder(self.months, self.shifts)

    def attendance_text(self, r: VolunteerShift) -> str:
        if r.stood_in_for:
            return self.tr("Stood in for {name}").format(name=r.stood_in_for)
        if not r.status:
            return self.tr("Not recorded")
        text = AttendanceStatus(r.status).label(ui_lang())
        if r.swapped_with:
            text = self.tr("{status} ({name} served)").format(status=text, name=r.swapped_with)
        return text

    def _table(self, name: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
               numbers_from: int) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers), objectName=name)
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)  # Tab leaves the table, the arrows move in it
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c >= numbers_from:
                    item.setTextAlignment(RIGHT)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        return table
