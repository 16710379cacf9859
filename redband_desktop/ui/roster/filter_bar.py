"""The row of filters above the roster table: search box and filter combos.

Emits `changed` whenever the search text or a filter changes; `current()` returns the
filter as the roster service takes it. The site combo follows the district and kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from redband_desktop.domain.enums import Background, SiteKind, VolunteerStatus
from redband_desktop.services.roster.types import RosterFilter
from redband_desktop.ui.i18n import ui_lang

if TYPE_CHECKING:
    from redband_desktop.services import Services


class RosterFilterBar(QWidget):
    changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("Search name, pinyin (zj), phone or ID number"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.district = self._combo("district", self.tr("All districts"))
        self.kind = self._combo("site_kind", self.tr("All site kinds"))
        self.site = self._combo("site", self.tr("All sites"))
        self.site.setMinimumContentsLength(10)
        self.status = self._combo("status", self.tr("All statuses"))
        self.background = self._combo("background", self.tr("All backgrounds"))
        self.skill = self._combo("skill", self.tr("All skills"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        for combo in (self.district, self.kind, self.site, self.status, self.background, self.skill):
            layout.addWidget(combo, 1)
        self._fill_static()
        self.reload_choices()
        self.search.textChanged.connect(self.changed)
        for combo in (self.site, self.status, self.background, self.skill):
            combo.currentIndexChanged.connect(self.changed)
        self.district.currentIndexChanged.connect(self._place_changed)
        self.kind.currentIndexChanged.connect(self._place_changed)

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _fill_static(self) -> None:
        lang = ui_lang()
        for combo, enum in ((self.kind, SiteKind), (self.status, VolunteerStatus), (self.background, Background)):
            for code, text in enum.choices(lang):
                combo.addItem(text, code)

    def reload_choices(self) -> None:
        """Refresh districts, sites and skills (after they were added or renamed)."""
        _refill(self.district, [(d.name, d.id) for d in self._services.structure.districts()])
        _refill(self.skill, [(k.name, k.id) for k in self._services.roster.skills()])
        self._fill_sites()

    def _fill_sites(self) -> None:
        sites = self._services.structure.sites(self.district.currentData(), self.kind.currentData())
        _refill(self.site, [(s.name, s.id) for s in sites])

    def _place_changed(self) -> None:
        self.site.blockSignals(True)
        self._fill_sites()
        self.site.blockSignals(False)
        self.changed.emit()

    def current(self, sort: str, descending: bool) -> RosterFilter:
        return RosterFilter(
            text=self.search.text(),
            district_id=self.district.currentData(),
            site_kind=self.kind.currentData(),
            site_id=self.site.currentData(),
            status=self.status.currentData(),
            background=self.background.currentData(),
            skill_id=self.skill.currentData(),
            sort=sort,
            descending=descending,
        )


def _refill(combo: QComboBox, items: list[tuple[str, int]]) -> None:
    """Replace all but the first ("All …") item, keeping the selection when it still exists."""
    keep = combo.currentData()
    blocked = combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(keep) if keep is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(blocked)
