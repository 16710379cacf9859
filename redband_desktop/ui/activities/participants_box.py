"""The volunteers who took part in an activity, each with their hours: a small table of
name, volunteer number and hours, with Add… (the roster's volunteer picker: name, pinyin,
initials or phone; the activity's site's volunteers first) and Remove. Hours left at
"whole activity" count the activity's whole span; a number of hours counts that (the
service refuses none, and more than the span)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.services.activities.types import Participant, ParticipantInfo
from redband_desktop.ui.widgets.volunteer_picker import VolunteerPicker

if TYPE_CHECKING:
    from collections.abc import Callable

    from redband_desktop.services.roster.service import RosterService

MAX_HOURS = 24.0


class ParticipantsBox(QWidget):
    def __init__(self, roster: RosterService, site_of: Callable[[], int | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._roster, self._site_of = roster, site_of
        self._ids: list[int] = []
        self.table = QTableWidget(0, 3, objectName="participants")
        self.table.setHorizontalHeaderLabels([self.tr("Volunteer"), self.tr("Volunteer number"), self.tr("Hours")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(110)
        self.table.setMaximumHeight(170)
        self.add_button = QPushButton(self.tr("Add volunteer…"), objectName="add_participant")
        self.remove_button = QPushButton(self.tr("Remove"), objectName="remove_participant")
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.pick)
        self.remove_button.clicked.connect(self.remove_selected)

    def set_participants(self, people: tuple[ParticipantInfo, ...], span_minutes: int) -> None:
        self.table.setRowCount(0)
        self._ids = []
        for p in people:
            self.add(p.volunteer_id, p.name, p.volunteer_no, None if p.minutes == span_minutes else p.minutes)

    def add(self, volunteer_id: int, name: str, number: str, minutes: int | None = None) -> None:
        """A row for the volunteer (once); `minutes` None: the whole activity."""
        if volunteer_id in self._ids:
            self.table.selectRow(self._ids.index(volunteer_id))
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._ids.append(volunteer_id)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(number))
        hours = QDoubleSpinBox(objectName=f"hours_{volunteer_id}")
        hours.setRange(0.0, MAX_HOURS)
        hours.setDecimals(1)
        hours.setSingleStep(0.5)
        hours.setSpecialValueText(self.tr("whole activity"))  # 0 stands for the whole span
        hours.setValue(0.0 if minutes is None else minutes / 60)
        self.table.setCellWidget(row, 2, hours)
        self.table.selectRow(row)

    def participants(self) -> tuple[Participant, ...]:
        out = []
        for row, vid in enumerate(self._ids):
            value = self.table.cellWidget(row, 2).value()
            out.append(Participant(vid, None if value == 0 else round(value * 60)))
        return tuple(out)

    def names(self) -> list[str]:
        return [self.table.item(row, 0).text() for row in range(self.table.rowCount())]

    def pick(self) -> None:
        picker = VolunteerPicker(self._roster, self.tr("Add a volunteer to the activity"), None, parent=self,
                                 site_first=self._site_of())
        if picker.exec() and picker.picked is not None:
            v = self._roster.get(picker.picked.id)
            self.add(v.id, v.name, v.volunteer_no)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
            del self._ids[row]
