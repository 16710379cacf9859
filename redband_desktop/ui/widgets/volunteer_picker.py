"""Picking one volunteer by typing: name, pinyin, initials or phone, searched with the
roster's own search (optionally within one district), with an optional role combo — used
wherever a record names the volunteers who took part in it. Given a site (the rota: a
shift's place), that site's own volunteers are offered first, then the others."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.services.roster.types import RosterFilter, RosterRow
from redband_desktop.ui.i18n import label

if TYPE_CHECKING:
    from redband_desktop.services.roster.service import RosterService

ROW = Qt.ItemDataRole.UserRole
LIMIT = 50


class VolunteerPicker(QDialog):
    """`picked` holds the chosen row after `exec()` returns true; `role()` the role code."""

    def __init__(self, roster: RosterService, title: str, district_id: int | None = None,
                 roles: list[tuple[str, str]] | None = None, parent: QWidget | None = None,
                 site_first: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._roster, self._district_id, self._site_first = roster, district_id, site_first
        self.picked: RosterRow | None = None
        self.search = QLineEdit(objectName="picker_search",
                                placeholderText=self.tr("Name, pinyin, initials or phone"))
        self.candidates = QListWidget(objectName="picker_candidates")
        self.role_combo = QComboBox(objectName="picker_role")
        for code, text in roles or ():
            self.role_combo.addItem(text, code)
        self.hint = QLabel(objectName="picker_hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        for widget in (self.search, self.candidates, self.hint):
            layout.addWidget(widget)
        if roles:
            layout.addWidget(self.role_combo)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.refresh)
        self.candidates.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.resize(440, 520)
        self.refresh()

    def refresh(self) -> None:
        f = RosterFilter(text=self.search.text(), district_id=self._district_id,
                         status=VolunteerStatus.ACTIVE.value)
        found = self._roster.search(f, LIMIT)
        rows = list(found.first_page)
        if self._site_first is not None:
            own = self._roster.search(replace(f, site_id=self._site_first), LIMIT).first_page
            ids = {r.id for r in own}
            rows = (list(own) + [r for r in rows if r.id not in ids])[:LIMIT]
        self.candidates.clear()
        for r in rows:
            where = "　".join(x for x in (r.site, r.place) if x)
            item = QListWidgetItem(f"{r.name}　{label(r.background)}　{where}")
            item.setData(ROW, r)
            self.candidates.addItem(item)
        if self.candidates.count():
            self.candidates.setCurrentRow(0)
        more = found.total - self.candidates.count()
        self.hint.setText(self.tr("{count} more: type more of the name").format(count=more) if more > 0 else "")

    def role(self) -> str:
        return self.role_combo.currentData() or ""

    def accept(self) -> None:
        item = self.candidates.currentItem()
        if item is None:
            self.hint.setText(self.tr("Choose a volunteer"))
            return
        self.picked = item.data(ROW)
        super().accept()
