"""Districts and sites, the simple way: add and rename them from the roster.

Full site, building and zone management is a page of its own; this dialog covers what a
clerk needs while entering volunteers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.enums import SiteKind
from redband_desktop.ui.i18n import label, ui_lang
from redband_desktop.ui.widgets.feedback import show_error

if TYPE_CHECKING:
    from redband_desktop.services.sites.structure import StructureService

ROLE = Qt.ItemDataRole.UserRole


class StructureDialog(QDialog):

    def __init__(self, structure: StructureService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._structure = structure
        self.setWindowTitle(self.tr("Districts and sites"))
        self.districts = QListWidget(objectName="districts")
        self.sites = QListWidget(objectName="sites")
        self.add_district = QPushButton(self.tr("Add district…"))
        self.rename_district = QPushButton(self.tr("Rename district…"))
        self.add_site = QPushButton(self.tr("Add site…"))
        self.rename_site = QPushButton(self.tr("Rename site…"))
        self._layout()
        self.districts.currentRowChanged.connect(lambda _row: self._load_sites())
        self.add_district.clicked.connect(self._add_district)
        self.rename_district.clicked.connect(self._rename_district)
        self.add_site.clicked.connect(self._add_site)
        self.rename_site.clicked.connect(self._rename_site)
        self._load_districts()
        self.resize(720, 480)

    def _layout(self) -> None:
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(QLabel(self.tr("Districts")))
        left.addWidget(self.districts, 1)
        left.addWidget(self.add_district)
        left.addWidget(self.rename_district)
        right.addWidget(QLabel(self.tr("Sites in the district")))
        right.addWidget(self.sites, 1)
        right.addWidget(self.add_site)
        right.addWidget(self.rename_site)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)

    def _load_districts(self, select_id: int | None = None) -> None:
        self.districts.clear()
        for d in self._structure.districts():
            officer = self.tr(" (officer {name})").format(name=d.officer_name) if d.officer_name else ""
            item = QListWidgetItem(d.name + officer)
            item.setData(ROLE, d)
            self.districts.addItem(item)
            if d.id == select_id:
                self.districts.setCurrentItem(item)
        if self.districts.currentRow() < 0 and self.districts.count():
            self.districts.setCurrentRow(0)
        self._load_sites()

    def _load_sites(self, select_id: int | None = None) -> None:
        self.sites.clear()
        district = self._current(self.districts)
        for s in self._structure.sites(district.id) if district else []:
            item = QListWidgetItem(f"{s.name}　〔{label(s.kind)}〕")
            item.setData(ROLE, s)
            self.sites.addItem(item)
            if s.id == select_id:
                self.sites.setCurrentItem(item)

    @staticmethod
    def _current(widget: QListWidget):  # noqa: ANN205 - DistrictRow | SiteRow | None
        item = widget.currentItem()
        return item.data(ROLE) if item else None

    def _ask(self, title: str, prompt: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, prompt, text=text)
        return value if ok else None

    def _run(self, action) -> object | None:  # noqa: ANN001
        try:
            result = action()
        except Exception as exc:  # noqa: BLE001 - expected errors get a message, bugs a crash dialog
            show_error(self, exc)
            return None
        return result

    def _add_district(self) -> None:
        name = self._ask(self.tr("Add district"), self.tr("Name of the new district:"))
        if name is not None and (d := self._run(lambda: self._structure.create_district(name))):
            self._load_districts(d.id)

    def _rename_district(self) -> None:
        d = self._current(self.districts)
        name = d and self._ask(self.tr("Rename district"), self.tr("New name:"), d.name)
        if d and name is not None and self._run(
            lambda: self._structure.rename_district(d.id, d.version, name)
        ):
            self._load_districts(d.id)

    def _add_site(self) -> None:
        district = self._current(self.districts)
        if district is None:
            return
        kinds = [k.label(ui_lang()) for k in SiteKind]
        kind_label, ok = QInputDialog.getItem(self, self.tr("Add site"), self.tr("Kind of site:"), kinds, 0, False)
        name = ok and self._ask(self.tr("Add site"), self.tr("Name of the new site:"))
        if not ok or name is None or name is False:
            return
        kind = list(SiteKind)[kinds.index(kind_label)].value
        if s := self._run(lambda: self._structure.create_site(district.id, kind, name)):
            self._load_sites(s.id)

    def _rename_site(self) -> None:
        s = self._current(self.sites)
        name = s and self._ask(self.tr("Rename site"), self.tr("New name:"), s.name)
        if s and name is not None and self._run(lambda: self._structure.rename_site(s.id, s.version, name)):
            self._load_sites(s.id)


