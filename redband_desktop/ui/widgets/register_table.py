"""The table of a register page (roster, incidents, clue reports, mediation cases): whole
rows, one at a time, read-only, sorted by the database with the newest first at the start.

Columns are sized to what they hold (their header included, so English headers are not
cut), up to a sensible maximum; one chosen column — the free text — takes the room that is
left, instead of the last one stretching a date across half the screen. Long names are
elided in the middle, with the full text in the tooltip. Widths a user sets by dragging
are remembered for that user on this PC, per table.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from redband_desktop.ui.table_model import PagedTableModel

MAX_WIDTH = 180  # px: a column wider than this elides instead (the full text is its tooltip)
SAMPLE_ROWS = 100  # size to the first page only: further pages are not fetched for it


def set_up_register_table(table: QTableView, model: PagedTableModel, stretch: int, user: str,
                          newest_column: int = 1) -> ColumnWidths:
    """Set `table` up as a register's; `stretch` is the column that takes the room left,
    `user` whose remembered widths to use."""
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSortIndicator(newest_column, Qt.SortOrder.DescendingOrder)
    table.setSortingEnabled(True)
    return ColumnWidths(table, stretch, user)


class ColumnWidths(QObject):
    """Sizes a register table's columns once it first has rows, and remembers widths the
    user drags (QSettings, under the user's name and the table's object name)."""

    def __init__(self, table: QTableView, stretch: int, user: str) -> None:
        super().__init__(table)
        self._table, self._stretch = table, stretch
        self._key = f"tables/{user}/{table.objectName()}"
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(SAMPLE_ROWS)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self._saving = QTimer(self, singleShot=True, interval=500)
        self._saving.timeout.connect(self._save)
        self._sizing = False  # resizes of our own are not the user's to remember
        self._sized = self._restore()
        table.model().modelReset.connect(self._size_once)
        header.sectionResized.connect(lambda *_args: self._sizing or self._saving.start())

    def _size_once(self) -> None:
        if self._sized or self._table.model().rowCount() == 0:
            return
        self._sized, self._sizing = True, True
        for column in range(self._table.model().columnCount()):
            if column != self._stretch:
                self._table.resizeColumnToContents(column)
                self._table.setColumnWidth(column, min(self._table.columnWidth(column), MAX_WIDTH))
        self._sizing = False

    def _restore(self) -> bool:
        widths: Any = QSettings().value(self._key)
        if not isinstance(widths, list) or len(widths) != self._table.model().columnCount():
            return False
        for column, width in enumerate(widths):
            if column != self._stretch:
                self._table.setColumnWidth(column, int(width))
        return True

    def _save(self) -> None:
        QSettings().setValue(self._key, [self._table.columnWidth(c) for c in range(self._table.model().columnCount())])


def selected_row(table: QTableView) -> Any | None:
    """The record of the selected row, or None."""
    rows = table.selectionModel().selectedRows()
    return table.model().row_at(rows[0].row()) if rows else None
