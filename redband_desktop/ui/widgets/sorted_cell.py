"""A table cell that sorts by its value — a count, a percentage — not by its text, and
reads right-aligned when that value is a number (coverage tables, statistics tables)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class SortedCell(QTableWidgetItem):
    def __init__(self, text: str, key: Any = None) -> None:
        super().__init__(text)
        self.setToolTip(text)
        self.setData(SORT_ROLE, text if key is None else key)
        if key is not None and not isinstance(key, str):
            self.setTextAlignment(RIGHT)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if type(mine) is not type(theirs):
            return str(mine) < str(theirs)
        return mine < theirs
