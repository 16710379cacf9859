"""Choosing who reported a clue by typing: name, pinyin, initials or phone, searched with
the roster's own search among active volunteers; the choice is shown under the list and
announced with `picked(volunteer id)` so the dialog can offer the volunteer's own site."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.services.roster.types import RosterFilter
from redband_desktop.ui.i18n import bracketed, label

if TYPE_CHECKING:
    from redband_desktop.services.roster.service import RosterService

ROW = Qt.ItemDataRole.UserRole
LIMIT = 30


class ReporterField(QWidget):
    picked = Signal(int)

    def __init__(self, roster: RosterService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._roster = roster
        self._id: int | None = None
        self.search = QLineEdit(objectName="reporter_search",
                                placeholderText=self.tr("Type a name, pinyin, initials or phone"))
        self.candidates = QListWidget(objectName="reporter_candidates")
        self.candidates.setMaximumHeight(96)
        self.chosen = QLabel(objectName="reporter_chosen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.search, self.candidates, self.chosen):
            layout.addWidget(widget)
        self.search.textChanged.connect(self.refresh)
        self.candidates.itemClicked.connect(self._choose)
        self.candidates.itemActivated.connect(self._choose)
        self.search.installEventFilter(self)
        self._show_choice("")
        self.candidates.setVisible(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter in the search picks the first match and is kept from the dialog (no save)."""
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._choose(self.candidates.item(0))
            return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        text = self.search.text().strip()
        self.candidates.clear()
        self.candidates.setVisible(bool(text))  # the list shows only while someone is being looked up
        if not text:
            return
        f = RosterFilter(text=text, status=VolunteerStatus.ACTIVE.value)
        for r in self._roster.search(f, LIMIT).first_page:
            where = "　".join(x for x in (r.site, r.place) if x)
            item = QListWidgetItem(f"{r.name}　{label(r.background)}　{where}")
            item.setData(ROW, (r.id, r.name + bracketed(r.site)))
            self.candidates.addItem(item)

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        ident, text = item.data(ROW)
        self.set_reporter(ident, text)
        self.picked.emit(ident)

    def set_reporter(self, volunteer_id: int | None, text: str) -> None:
        self._id = volunteer_id
        self._show_choice(text)

    def _show_choice(self, text: str) -> None:
        self.chosen.setText(self.tr("Reported by: {name}").format(name=text) if text
                            else self.tr("No reporter chosen yet"))

    def reporter_id(self) -> int | None:
        return self._id
