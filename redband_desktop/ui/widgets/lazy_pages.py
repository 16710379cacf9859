"""Pages of a stacked widget built the first time they are shown or asked for.

The window has fifteen pages and a user opens a few of them in a session; building every
one (their tables, filters and first queries, and importing their modules) before the
window appears cost more than the rest of the start together. A page added here holds an
empty placeholder in its place in the stack until `page(key)` or `show(index)` needs it;
then its module is imported, it is built and wired, and it takes the placeholder's place.
`LazyPage` lets the owner name a page as an attribute (`window.roster`), built on access.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QStackedWidget, QWidget

from redband_desktop.errors import RedbandError
from redband_desktop.ui.widgets.feedback import show_error


@dataclass
class _Entry:
    where: str  # "module:Class"; the class is built with the `args` given to LazyPages
    wire: Callable[[QWidget], object] | None
    page: QWidget | None = None


class LazyPages:
    def __init__(self, stack: QStackedWidget, *args: object) -> None:
        self._stack = stack
        self._args = args
        self._entries: dict[str, _Entry] = {}
        self._keys: list[str] = []

    def add(self, key: str, where: str, wire: Callable[[QWidget], object] | None = None) -> None:
        """A page at the end of the stack, built from `where` ("package.module:Class") when
        first needed, then given to `wire` (to connect its signals)."""
        self._stack.addWidget(QWidget(objectName=f"{key}_not_built"))
        self._entries[key] = _Entry(where, wire)
        self._keys.append(key)

    def page(self, key: str) -> QWidget | None:
        """The page (built now if it was not yet); None for a page that was not added."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry.page is None:
            module, name = entry.where.split(":")
            page = getattr(importlib.import_module(module), name)(*self._args)
            index = self._keys.index(key)
            placeholder = self._stack.widget(index)
            self._stack.insertWidget(index, page)
            self._stack.removeWidget(placeholder)
            placeholder.deleteLater()
            entry.page = page
            if entry.wire is not None:
                entry.wire(page)
        return entry.page

    def show(self, index: int) -> None:
        """Show the page at `index` (the navigation's row), building it first if needed."""
        if 0 <= index < len(self._keys):
            try:
                self.page(self._keys[index])
            except RedbandError as exc:  # refused (say, the account was just deactivated: the
                show_error(self._stack, exc)  # window locks); the page is built next time it is shown
            self._stack.setCurrentIndex(index)

    def built(self) -> list[str]:
        return [k for k in self._keys if self._entries[k].page is not None]

    def clear(self) -> None:
        """Drop every page (and the dialogs opened from them)."""
        while self._stack.count():
            widget = self._stack.widget(0)
            self._stack.removeWidget(widget)
            widget.deleteLater()
        self._entries.clear()
        self._keys.clear()


class LazyPage:
    """`roster = LazyPage()` on a class whose `lazy_pages` is a LazyPages: `self.roster`
    is that page, built on first access (None when the user's role has no such page)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = name

    def __get__(self, obj: object, owner: type | None = None) -> QWidget | None:
        if obj is None:
            return self  # type: ignore[return-value]
        return obj.lazy_pages.page(self.key)  # type: ignore[attr-defined]
