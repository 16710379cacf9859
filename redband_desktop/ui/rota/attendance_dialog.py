"""A day's attendance (考勤) from the keyboard: every volunteer on the day's shifts, one row
each. P marks present, L late, A absent (each moves to the next row), S a swap (the picker
names who served instead); the sign-in and sign-out times (the shift's own by default) are
typed over as HH:MM. Ctrl+S saves: each shift's rows are recorded in one go, a shift that
cannot be saved says why and keeps its rows, the others are saved. "Patrol log…" (Ctrl+J)
opens the patrol log of the current row's shift."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.rota import AttendanceStatus, DutyType
from redband_desktop.errors import RedbandError
from redband_desktop.services.rota.types import AttendanceForm, ShiftInfo
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.rota.patrol_log_dialog import PatrolLogDialog
from redband_desktop.ui.widgets.volunteer_picker import VolunteerPicker

if TYPE_CHECKING:
    from redband_desktop.services import Services

KEYS = {Qt.Key.Key_P: AttendanceStatus.PRESENT, Qt.Key.Key_L: AttendanceStatus.LATE,
        Qt.Key.Key_A: AttendanceStatus.ABSENT}
STATUS, SIGNED_IN, SIGNED_OUT, STOOD_IN = 2, 3, 4, 5


@dataclass
class Line:
    shift: ShiftInfo
    volunteer_id: int
    status: str
    swapped_with_id: int | None
    times: tuple[str, str]  # as shown when the list was read
    changed: bool = False


def _at(shift: ShiftInfo, text: str) -> datetime | str:
    """HH:MM on the day that puts it nearest the shift (the next day for the hours after
    midnight of an overnight shift). Text that is no time goes to the service as it is,
    which names it as a wrong field rather than quietly taking the shift's own time."""
    try:
        t = time.fromisoformat(text.strip())
    except ValueError:
        return text

    def distance(at: datetime) -> timedelta:
        return max(shift.starts_at - at, at - shift.ends_at, timedelta(0))

    return min((datetime.combine(shift.day + timedelta(days=n), t) for n in (0, 1)), key=distance)


class AttendanceDialog(QDialog):
    def __init__(self, services: Services, day: date, district_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attendance"))
        self._services, self._district_id = services, district_id
        self.lines: list[Line] = []
        self.day = QDateEdit(QDate(day), objectName="attendance_day", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.table = QTableWidget(0, 6, objectName="attendance_table")
        self.table.setHorizontalHeaderLabels([self.tr("Shift"), self.tr("Volunteer"), self.tr("Status"),
                                              self.tr("Signed in"), self.tr("Signed out"), self.tr("Stood in by")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.installEventFilter(self)
        self.hint = QLabel(self.tr("P present · L late · A absent · S swap · type the times as HH:MM · "
                                   "Ctrl+S saves"), wordWrap=True)
        self.notice = QLabel(objectName="attendance_notice", wordWrap=True)
        self.save_button = QPushButton(self.tr("Save"), objectName="save_attendance")
        self.save_button.setEnabled(services.access.can(Action.EDIT))
        self.patrol_button = QPushButton(self.tr("Patrol log…"), objectName="attendance_patrol_log")
        self._layout()
        self.day.dateChanged.connect(self.refresh)
        self.save_button.clicked.connect(self.save)
        self.patrol_button.clicked.connect(self.patrol_log)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_button.click)
        QShortcut(QKeySequence("Ctrl+J"), self, self.patrol_button.click)
        self.refresh()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.day)
        top.addWidget(self.hint, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.notice, 1)
        bottom.addWidget(self.patrol_button)
        bottom.addWidget(self.save_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(960, 520)

    def refresh(self) -> None:
        lang = ui_lang()
        shifts = self._services.rota.day_attendance(self.day.date().toPython(), self._district_id)
        self.lines = [Line(sa.shift, r.volunteer_id, r.status, r.swapped_with_id, (
            f"{r.signed_in_at or sa.shift.starts_at:%H:%M}", f"{r.signed_out_at or sa.shift.ends_at:%H:%M}"))
            for sa in shifts for r in sa.rows]
        self.table.setRowCount(len(self.lines))
        row = 0
        for sa in shifts:
            sh = sa.shift
            title = f"{sh.place} {sh.starts_at:%H:%M}–{sh.ends_at:%H:%M} {DutyType(sh.duty_type).label(lang)}"
            for r in sa.rows:
                signed_in, signed_out = r.signed_in_at or sh.starts_at, r.signed_out_at or sh.ends_at
                for column, text in enumerate((title, r.name, "", f"{signed_in:%H:%M}", f"{signed_out:%H:%M}",
                                               r.swapped_with)):
                    item = QTableWidgetItem(text)
                    if column not in (SIGNED_IN, SIGNED_OUT):
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.table.setItem(row, column, item)
                self._show_status(row)
                row += 1
        if self.lines:
            self.table.setCurrentCell(0, STATUS)

    def patrol_log(self) -> None:
        """The patrol log of the shift on the current row."""
        row = self.table.currentRow()
        if 0 <= row < len(self.lines):
            PatrolLogDialog(self._services, self.lines[row].shift, self).exec()

    def _show_status(self, row: int) -> None:
        status = self.lines[row].status
        self.table.item(row, STATUS).setText(AttendanceStatus(status).label(ui_lang()) if status else "—")

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802 - Qt API
        if watched is self.table and event.type() == event.Type.KeyPress and self.table.state() != \
                QAbstractItemView.State.EditingState and self.save_button.isEnabled():
            row = self.table.currentRow()
            if 0 <= row < len(self.lines) and event.key() in KEYS:
                self._set(row, KEYS[event.key()].value, None, "")
                self.table.setCurrentCell(min(row + 1, len(self.lines) - 1), STATUS)
                return True
            if 0 <= row < len(self.lines) and event.key() == Qt.Key.Key_S:
                self._swap(row)
                return True
        return super().eventFilter(watched, event)

    def _set(self, row: int, status: str, swapped_with_id: int | None, swapped_with: str) -> None:
        line = self.lines[row]
        line.status, line.swapped_with_id, line.changed = status, swapped_with_id, True
        self._show_status(row)
        self.table.item(row, STOOD_IN).setText(swapped_with)

    def _swap(self, row: int) -> None:
        line = self.lines[row]
        picker = VolunteerPicker(self._services.roster, self.tr("Who served instead?"), None, parent=self,
                                 site_first=line.shift.site_id)
        if picker.exec() and picker.picked is not None:
            self._set(row, AttendanceStatus.SWAPPED.value, picker.picked.id, picker.picked.name)

    def _form(self, row: int) -> AttendanceForm:
        line = self.lines[row]
        signed_in = _at(line.shift, self.table.item(row, SIGNED_IN).text())
        signed_out = _at(line.shift, self.table.item(row, SIGNED_OUT).text())
        return AttendanceForm(line.volunteer_id, line.status, line.swapped_with_id, signed_in,  # type: ignore[arg-type]
                              signed_out)  # type: ignore[arg-type]

    def save(self) -> None:
        lang = ui_lang()
        by_shift: dict[int, list[int]] = {}
        for row, line in enumerate(self.lines):
            if line.status and (line.changed or self._times_changed(row)):
                by_shift.setdefault(line.shift.id, []).append(row)
        saved, failed = 0, []
        for rows in by_shift.values():
            shift = self.lines[rows[0]].shift
            try:
                self._services.rota.record_attendance(shift.id, [self._form(r) for r in rows])
                saved += 1
            except RedbandError as exc:
                failed.append(f"{shift.place} {shift.starts_at:%H:%M}: {exc.message(lang)}")
        self.notice.setText("\n".join([self.tr("{count} shifts saved").format(count=saved), *failed]))
        if not failed:
            self.refresh()

    def _times_changed(self, row: int) -> bool:
        shown = (self.table.item(row, SIGNED_IN).text(), self.table.item(row, SIGNED_OUT).text())
        return shown != self.lines[row].times
