"""A read-only table of a volunteer's status changes: date, from → to, and reason.

Shown at the bottom of the edit dialog so the clerk sees when someone joined, was
suspended or left, and why, without opening another window.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from redband_desktop.services.roster.types import StatusEntry
from redband_desktop.ui.i18n import label


class StatusHistoryTable(QTableWidget):
    """One row per `StatusEntry`, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("history")
        self.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Change"), self.tr("Reason")]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def set_entries(self, entries: tuple[StatusEntry, ...] | list[StatusEntry]) -> None:
        rows = list(reversed(entries))
        self.setRowCount(len(rows))
        for i, entry in enumerate(rows):
            if entry.old_status is None:
                change = self.tr("Joined ({new})").format(new=label(entry.new_status))
            else:
                change = self.tr("{old} → {new}").format(
                    old=label(entry.old_status), new=label(entry.new_status)
                )
            for col, text in enumerate((entry.changed_on.isoformat(), change, entry.reason)):
                self.setItem(i, col, QTableWidgetItem(text))
