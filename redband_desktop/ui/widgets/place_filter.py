"""The district and site filter combos of the register pages: the site list follows the
chosen district ("All sites" of every district under "All districts")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QWidget

if TYPE_CHECKING:
    from redband_desktop.services.sites.types import DistrictNode


class PlaceFilter(QObject):
    """Owns the two combos (laid out by the page); `changed` after either changes."""

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._tree: list[DistrictNode] = []
        self.district = QComboBox(parent, objectName="filter_district")
        self.site = QComboBox(parent, objectName="filter_site")
        self.district.currentIndexChanged.connect(self._district_chosen)
        self.site.currentIndexChanged.connect(self.changed)

    def reload(self, tree: list[DistrictNode]) -> None:
        """Fill from the structure tree, keeping the chosen district and site where they
        still exist. Quiet: the page refreshes itself after reloading its choices."""
        self._tree, keep, keep_site = tree, self.district.currentData(), self.site.currentData()
        with QSignalBlocker(self.district):
            self.district.clear()
            self.district.addItem(self.tr("All districts"), None)
            for d in tree:
                self.district.addItem(d.name, d.id)
            self.district.setCurrentIndex(max(self.district.findData(keep), 0))
        self._fill_sites(keep_site)

    def select(self, district_id: int | None, site_id: int | None) -> None:
        """Choose a district (or the site's district) and a site, quietly: the page refreshes."""
        if site_id is not None and district_id is None:
            district_id = next((d.id for d in self._tree for x in d.sites if x.id == site_id), None)
        with QSignalBlocker(self.district):
            self.district.setCurrentIndex(max(self.district.findData(district_id), 0))
        self._fill_sites(site_id)

    def district_id(self) -> int | None:
        return self.district.currentData()

    def site_id(self) -> int | None:
        return self.site.currentData()

    def _district_chosen(self) -> None:
        self._fill_sites(None)
        self.changed.emit()

    def _fill_sites(self, keep: int | None) -> None:
        with QSignalBlocker(self.site):
            self.site.clear()
            self.site.addItem(self.tr("All sites"), None)
            for d in self._tree:
                if self.district.currentData() in (None, d.id):
                    for site in d.sites:
                        self.site.addItem(site.name, site.id)
            self.site.setCurrentIndex(max(self.site.findData(keep), 0))
