"""A read-only table of volunteers (name, background, status, building/zone)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from redband_desktop.services.sites.types import PersonRow
from redband_desktop.ui.i18n import label


class PersonTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Background"), self.tr("Status"), self.tr("Building / zone")]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def set_people(self, people: tuple[PersonRow, ...]) -> None:
        self.setRowCount(len(people))
        for r, p in enumerate(people):
            for c, text in enumerate((p.name, label(p.background), label(p.status), p.place)):
                self.setItem(r, c, QTableWidgetItem(text))
