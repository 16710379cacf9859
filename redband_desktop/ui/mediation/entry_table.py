"""A read-only list of a case's records (parties, investigations, sessions, checks,
visits): a few short columns and the long text last, wrapped, so a whole statement can be
read without opening anything. Rows carry the record's id for the actions beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

ID = Qt.ItemDataRole.UserRole


class EntryTable(QTableWidget):
    def __init__(self, headers: list[str], widths: list[int], name: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate(widths):
            self.setColumnWidth(col, width)

    def set_rows(self, rows: list[tuple[int, list[str]]]) -> None:
        """(record id, cell texts) per row, replacing what was shown."""
        self.setRowCount(len(rows))
        for r, (ident, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID, ident)
                item.setToolTip(text if len(text) > 20 else "")
                self.setItem(r, c, item)

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self.item(rows[0].row(), 0).data(ID) if rows else None

    def texts(self, row: int) -> list[str]:
        return [self.item(row, c).text() for c in range(self.columnCount())]
