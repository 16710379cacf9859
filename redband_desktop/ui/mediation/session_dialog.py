"""Recording a mediation session (调解记录): when and where, the mediators — volunteers
picked from the roster (so the session counts on their record) and anyone else typed in,
such as the community officer — who took part, who wrote it down, what the parties said,
what the mediators established and how it ended."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.services.mediation.types import CaseDetail, SessionForm
from redband_desktop.ui.mediation.form_dialog import FormDialog, datetime_edit, text_box
from redband_desktop.ui.widgets.volunteer_picker import VolunteerPicker

if TYPE_CHECKING:
    from redband_desktop.services.roster.service import RosterService

ID = Qt.ItemDataRole.UserRole


class SessionDialog(FormDialog):
    def __init__(self, save: Callable[[SessionForm], CaseDetail], roster: RosterService,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a mediation session"), save, parent)
        self._roster = roster
        self.picker: VolunteerPicker | None = None
        self.held_at = datetime_edit("held_at")
        self.place = QLineEdit(objectName="place")
        self.volunteers = QListWidget(objectName="mediator_volunteers")
        self.volunteers.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 10)
        self.pick_button = QPushButton(self.tr("Add volunteer…"), objectName="pick_mediator")
        self.unpick_button = QPushButton(self.tr("Remove"), objectName="unpick_mediator")
        self.others = QLineEdit(objectName="other_mediators", placeholderText=self.tr("Officers and others, e.g. 陈卿"))
        self.participants = QLineEdit(objectName="participants")
        self.recorder = QLineEdit(objectName="recorder")
        self.statements = text_box("statements", 3)
        self.facts_checked = text_box("facts_checked", 3)
        self.result = text_box("result", 2)
        self.build([
            (self.tr("Date and time"), self.held_at, "held_at"), (self.tr("Place"), self.place, "place"),
            (self.tr("Volunteer mediators"), self._volunteer_box(), "mediator_ids"),
            (self.tr("Other mediators"), self.others, "mediators"),
            (self.tr("Participants"), self.participants, "participants"),
            (self.tr("Recorder"), self.recorder, "recorder"),
            (self.tr("Statements of the parties"), self.statements, "statements"),
            (self.tr("Facts established"), self.facts_checked, "facts_checked"),
            (self.tr("Result"), self.result, "result"),
        ], 600)
        self.pick_button.clicked.connect(self.pick)
        self.unpick_button.clicked.connect(self._unpick)

    def _volunteer_box(self) -> QWidget:
        box = QWidget()
        buttons = QVBoxLayout()
        buttons.addWidget(self.pick_button)
        buttons.addWidget(self.unpick_button)
        buttons.addStretch(1)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.volunteers, 1)
        row.addLayout(buttons)
        return box

    def pick(self) -> None:
        """Search the whole roster (mediators may come from another compound) and add the
        chosen volunteer."""
        self.picker = VolunteerPicker(self._roster, self.tr("Pick a volunteer mediator"), None, parent=self)
        self.picker.accepted.connect(lambda: self.add_volunteer(self.picker.picked.id, self.picker.picked.name))
        self.picker.open()

    def add_volunteer(self, volunteer_id: int, name: str) -> None:
        if volunteer_id in self.volunteer_ids():
            return
        item = QListWidgetItem(name)
        item.setData(ID, volunteer_id)
        self.volunteers.addItem(item)

    def _unpick(self) -> None:
        for item in self.volunteers.selectedItems():
            self.volunteers.takeItem(self.volunteers.row(item))

    def volunteer_ids(self) -> tuple[int, ...]:
        return tuple(self.volunteers.item(i).data(ID) for i in range(self.volunteers.count()))

    def form(self) -> SessionForm:
        names = [self.volunteers.item(i).text() for i in range(self.volunteers.count())]
        others = self.others.text().strip()
        mediators = "、".join(dict.fromkeys([*names, *([others] if others else [])]))
        return SessionForm(
            self.held_at.dateTime().toPython().replace(second=0, microsecond=0), self.place.text(), mediators,
            self.volunteer_ids(), self.participants.text(), self.recorder.text(), self.statements.toPlainText(),
            self.facts_checked.toPlainText(), self.result.toPlainText(),
        )
