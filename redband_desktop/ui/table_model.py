"""A table model that shows a huge result set one page at a time.

The view believes it has `total` rows; when it asks for a row that is not cached, the
model fetches the page holding it (`fetch_page(offset, limit)`, a service call) and keeps
the last few pages. Sorting is done by the database: the model keeps the chosen
`sort_order` (key, descending) and a header click that changes it calls
`sort_changed(key, descending)` so the owner re-queries with it. This keeps a keystroke in the
search box to one count query and one page query, whatever the size of the roster
(a QSortFilterProxyModel over 100,000 rows costs ~0.7 s per keystroke).

A cell's full text is also its tooltip (long names are elided in the middle), and a
column may flag rows that need attention (`Column.flag`: an overdue case, a critical
clue): the cell is drawn in the flag's colour with its icon, never by colour alone.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_SERVED_ROLES = frozenset({_DISPLAY, _ALIGNMENT, _DECORATION, _TOOLTIP, _FOREGROUND})

DANGER, WARNING = "danger", "warning"  # what a flag means: act now / soon
_FLAG_COLOURS = {DANGER: "#c62828", WARNING: "#b26a00"}


@cache
def flag_icon(flag: str) -> QIcon:
    """The icon that goes with a flag's colour (so it is not told by colour alone)."""
    from PySide6.QtWidgets import QApplication, QStyle

    pixmap = QStyle.StandardPixmap.SP_MessageBoxCritical if flag == DANGER else QStyle.StandardPixmap.SP_MessageBoxWarning
    return QApplication.style().standardIcon(pixmap)


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], Any]
    sort_key: str | None = None
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    flag: Callable[[Any], str | None] | None = None  # DANGER, WARNING or None for a row


class PagedTableModel(QAbstractTableModel):
    PAGE_SIZE = 100
    KEEP_PAGES = 12

    def __init__(
        self,
        columns: Sequence[Column],
        sort_changed: Callable[[str, bool], None],
        decorate: Callable[[list[Any]], dict[int, Any]] | None = None,
        parent=None,  # noqa: ANN001
        sort_order: tuple[str | None, bool] = (None, False),
    ) -> None:
        super().__init__(parent)
        self.sort_order = sort_order
        self._columns = list(columns)
        self._alignments = [int(c.align) for c in self._columns]
        self._sort_changed = sort_changed
        self._decorate = decorate
        self._fetch: Callable[[int, int], list[Any]] = lambda _o, _l: []
        self._total = 0
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self._decorations: dict[int, Any] = {}

    # -- feeding -----------------------------------------------------------------
    def reset(
        self, total: int, fetch_page: Callable[[int, int], list[Any]], first_page: list[Any] | None = None
    ) -> None:
        """Show a new result set of `total` rows (optionally with its first page already
        fetched, saving a query)."""
        self.beginResetModel()
        self._total, self._fetch = total, fetch_page
        self._pages.clear()
        self._decorations.clear()
        if first_page is not None:
            self._store(0, first_page)
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        if not 0 <= row < self._total:
            return None
        number = row // self.PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self._load(number)
        else:
            self._pages.move_to_end(number)
        offset = row - number * self.PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def _load(self, number: int) -> list[Any]:
        return self._store(number, self._fetch(number * self.PAGE_SIZE, self.PAGE_SIZE))

    def _store(self, number: int, page: list[Any]) -> list[Any]:
        self._pages[number] = page
        if self._decorate is not None:
            self._decorations.update(self._decorate(page))
        while len(self._pages) > self.KEEP_PAGES:
            self._pages.popitem(last=False)
        return page

    # -- Qt model API ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting asks ~8 roles of every visible cell on each keystroke; answer the ones
        # we do not serve first and cheaply.
        if role not in _SERVED_ROLES or not index.isValid():
            return None
        if role == _DISPLAY:
            item = self.row_at(index.row())
            return None if item is None else self._columns[index.column()].value(item)
        if role == _ALIGNMENT:
            return self._alignments[index.column()]
        column = self._columns[index.column()]
        if role == _TOOLTIP:
            item = self.row_at(index.row())
            value = None if item is None else column.value(item)
            return None if value in (None, "") else str(value)
        if column.flag is not None:
            item = self.row_at(index.row())
            flag = None if item is None else column.flag(item)
            if flag is not None:
                return QColor(_FLAG_COLOURS[flag]) if role == _FOREGROUND else flag_icon(flag)
        if role == _DECORATION and index.column() == 0 and self._decorate:
            item = self.row_at(index.row())
            return None if item is None else self._decorations.get(item.id)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._columns[column].sort_key
        if key is not None:
            self.sort_by(key, order == Qt.SortOrder.DescendingOrder)

    def sort_by(self, key: str, descending: bool) -> None:
        """Choose the order; the owner re-queries only when it changed (the view
        re-announces the same order at times, e.g. when sorting is switched on)."""
        if (key, descending) != self.sort_order:
            self.sort_order = (key, descending)
            self._sort_changed(key, descending)

    def is_sortable(self, column: int) -> bool:
        return self._columns[column].sort_key is not None
