"""The keyboard of a register page, the same on every one: Ctrl+N adds, Ctrl+F goes to the
search box, Esc there clears it, Enter in the table opens the selected record."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QTableView, QWidget


def add_page_keys(page: QWidget, new_button: QAbstractButton, search: QLineEdit, table: QTableView,
                  open_selected: Callable[[], None]) -> None:
    page_keys = Qt.ShortcutContext.WidgetWithChildrenShortcut  # other pages keep their own Ctrl+N
    QShortcut(QKeySequence.StandardKey.New, page, new_button.click, context=page_keys)
    QShortcut(QKeySequence.StandardKey.Find, page, search.setFocus, context=page_keys)
    QShortcut(QKeySequence(Qt.Key.Key_Return), table, open_selected, context=Qt.ShortcutContext.WidgetShortcut)
    QShortcut(QKeySequence(Qt.Key.Key_Escape), search, search.clear, context=Qt.ShortcutContext.WidgetShortcut)
