"""A read-only table of figures that sorts by value (numbers as numbers, changes by their
percentage) and remembers, per row, the incident filter behind it so a double-click can
open that list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QWidget,
)

from redband_desktop.ui.widgets.sorted_cell import SortedCell


class FigureTable(QTableWidget):
    """Rows of (cells, what opens on a double-click — any object, or None)."""

    open_requested = Signal(object)

    def __init__(self, headers: list[str], name: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent, objectName=name)
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setSortingEnabled(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order until a click
        self._targets: dict[int, object] = {}
        self.doubleClicked.connect(self._open)

    def fill(self, rows: list[tuple[list[SortedCell], object]], bold: int = 0) -> None:
        """The rows in order; the first `bold` rows (totals, groups) are set in bold."""
        self.setSortingEnabled(False)
        self.setRowCount(len(rows))
        self._targets.clear()
        for r, (cells, target) in enumerate(rows):
            for c, cell in enumerate(cells):
                if r < bold:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.setItem(r, c, cell)
            cells[0].setData(Qt.ItemDataRole.UserRole, r)
            self._targets[r] = target
        self.setSortingEnabled(True)

    def target_of(self, row: int) -> object:
        item = self.item(row, 0)
        return self._targets.get(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _open(self, index) -> None:  # noqa: ANN001 - QModelIndex
        target = self.target_of(index.row())
        if target is not None:
            self.open_requested.emit(target)
