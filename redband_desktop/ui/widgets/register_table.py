"""The table of a register page (incidents, clue reports, mediation cases): whole rows,
one at a time, read-only, sorted by the database with the newest first at the start."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from redband_desktop.ui.table_model import PagedTableModel


def set_up_register_table(table: QTableView, model: PagedTableModel, widths: Sequence[int],
                          newest_column: int = 1) -> None:
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSortIndicator(newest_column, Qt.SortOrder.DescendingOrder)
    table.setSortingEnabled(True)
    for col, width in enumerate(widths):
        table.setColumnWidth(col, width)


def selected_row(table: QTableView) -> Any | None:
    """The record of the selected row, or None."""
    rows = table.selectionModel().selectedRows()
    return table.model().row_at(rows[0].row()) if rows else None
