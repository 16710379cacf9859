"""The volunteers who reported or helped with an incident: a short list of "name — role"
with Add… (search the roster by name, pinyin or phone and choose the role) and Remove."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.incidents import VolunteerRole
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.volunteer_picker import VolunteerPicker

if TYPE_CHECKING:
    from redband_desktop.services.roster.service import RosterService

LINK = Qt.ItemDataRole.UserRole


class VolunteerList(QWidget):
    def __init__(self, roster: RosterService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._roster = roster
        self.list = QListWidget(objectName="incident_volunteers")
        self.list.setMaximumHeight(90)
        self.add_button = QPushButton(self.tr("Add volunteer…"), objectName="add_volunteer")
        self.remove_button = QPushButton(self.tr("Remove"), objectName="remove_volunteer")
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.pick)
        self.remove_button.clicked.connect(self.remove_selected)

    def set_links(self, links: tuple[tuple[int, str], ...], names: dict[int, str]) -> None:
        self.list.clear()
        for volunteer_id, role in links:
            self.add(volunteer_id, names.get(volunteer_id, str(volunteer_id)), role)

    def add(self, volunteer_id: int, name: str, role: str) -> None:
        if (volunteer_id, role) in self.links():
            return
        item = QListWidgetItem(f"{name} — {VolunteerRole(role).label(ui_lang())}")
        item.setData(LINK, (volunteer_id, role))
        self.list.addItem(item)

    def links(self) -> tuple[tuple[int, str], ...]:
        return tuple(self.list.item(i).data(LINK) for i in range(self.list.count()))

    def pick(self) -> None:
        picker = VolunteerPicker(self._roster, self.tr("Add a volunteer to the incident"), None,
                                 VolunteerRole.choices(ui_lang()), self)
        if picker.exec() and picker.picked is not None:
            self.add(picker.picked.id, picker.picked.name, picker.role())

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
