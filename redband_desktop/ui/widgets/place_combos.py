"""The cascade of combos that places a volunteer: district → site → building or zone.

The site list follows the chosen district; with "All districts" every site is listed and
choosing one selects its district. A residential compound offers its buildings and a
market its zones; `kind_changed` tells the dialog which of those rows to show. The combos
are created here but laid out by the dialog, so they line up with its other fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from redband_desktop.domain.enums import SiteKind
from redband_desktop.ui.i18n import label

if TYPE_CHECKING:
    from redband_desktop.services.sites.structure import SiteRow, StructureService


class PlaceCombos(QObject):
    """District, site, building and zone combos kept consistent with each other."""

    kind_changed = Signal(object)  # SiteKind of the chosen site, or None

    def __init__(self, structure: StructureService, parent: QWidget) -> None:
        super().__init__(parent)
        self._structure = structure
        self._sites: list[SiteRow] = structure.sites()
        self.district = self._combo(parent, "district")
        self.site = self._combo(parent, "site")
        self.building = self._combo(parent, "building")
        self.zone = self._combo(parent, "zone")
        self.site.setPlaceholderText(self.tr("Choose a site"))
        self.site.setMaxVisibleItems(20)
        self.district.addItem(self.tr("All districts"), None)
        for d in structure.districts():
            self.district.addItem(d.name, d.id)
        self._fill_sites()
        self.district.currentIndexChanged.connect(self._district_chosen)
        self.site.currentIndexChanged.connect(self._site_chosen)

    @staticmethod
    def _combo(parent: QWidget, name: str) -> QComboBox:
        combo = QComboBox(parent)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        return combo

    # -- reading the choice ------------------------------------------------------------
    def site_id(self) -> int | None:
        return self.site.currentData()

    def building_id(self) -> int | None:
        return self.building.currentData() if self.site_kind() is SiteKind.COMPOUND else None

    def zone_id(self) -> int | None:
        return self.zone.currentData() if self.site_kind() is SiteKind.MARKET else None

    def site_kind(self) -> SiteKind | None:
        row = self._site_row(self.site_id())
        return row.kind if row else None

    # -- setting it --------------------------------------------------------------------
    def set_place(self, site_id: int, building_id: int | None, zone_id: int | None) -> None:
        row = self._site_row(site_id)
        if row is None:
            return
        self._select(self.district, row.district_id)
        self._select(self.site, site_id)
        self._select(self.building, building_id)
        self._select(self.zone, zone_id)

    @staticmethod
    def _select(combo: QComboBox, value: int | None) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    # -- the cascade ---------------------------------------------------------------------
    def _site_row(self, site_id: int | None) -> SiteRow | None:
        return next((s for s in self._sites if s.id == site_id), None)

    def _district_chosen(self) -> None:
        keep = self.site_id()
        with QSignalBlocker(self.site):
            self._fill_sites()
            self.site.setCurrentIndex(self.site.findData(keep) if keep is not None else -1)
        self._site_changed(self._site_row(self.site_id()))

    def _fill_sites(self) -> None:
        district_id = self.district.currentData()
        self.site.clear()
        for s in self._sites:
            if district_id is None or s.district_id == district_id:
                text = self.tr("{name} ({kind})").format(name=s.name, kind=label(s.kind))
                self.site.addItem(text, s.id)

    def _site_chosen(self) -> None:
        row = self._site_row(self.site_id())
        if row is not None and self.district.currentData() is None:
            # Choosing a site under "All districts" narrows the list to its district.
            with QSignalBlocker(self.district):
                self._select(self.district, row.district_id)
            with QSignalBlocker(self.site):
                self._fill_sites()
                self._select(self.site, row.id)
        self._site_changed(row)

    def _site_changed(self, row: SiteRow | None) -> None:
        self._fill_places(row)
        self.kind_changed.emit(row.kind if row else None)

    def _fill_places(self, row: SiteRow | None) -> None:
        for combo, kind, fetch, none_text in (
            (self.building, SiteKind.COMPOUND, self._structure.buildings,
             self.tr("No particular building")),
            (self.zone, SiteKind.MARKET, self._structure.zones,
             self.tr("No particular zone")),
        ):
            combo.clear()
            if row is None or row.kind is not kind:
                continue
            combo.addItem(none_text, None)
            for place in fetch(row.id):
                combo.addItem(place.label, place.id)
