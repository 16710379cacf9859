"""Pages refresh when a service action changed what they show — once, and only when seen.

`watch(page, feed, kinds, refresh)` subscribes a page to the service layer's change feed
(`services.shared.changes`). A notice may come from a background job's thread; it is
carried to the page's thread by a queued signal. A visible page calls `refresh(kinds)`
at once, with the kinds that changed; a hidden page only remembers them and refreshes
once when it is shown, with everything that changed meanwhile. No page knows another.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from redband_desktop.services.shared.changes import Change, ChangeFeed


class _Watcher(QObject):
    arrived = Signal(object)  # Change

    def __init__(self, page: QWidget, kinds: Change, refresh: Callable[[Change], None]) -> None:
        super().__init__(page)
        self._page, self._kinds, self._refresh = page, kinds, refresh
        self._pending = kinds & ~kinds  # nothing yet
        self.arrived.connect(self._on_change)
        page.installEventFilter(self)

    def _on_change(self, kinds: Change) -> None:
        relevant = kinds & self._kinds
        if not relevant:
            return
        if self._page.isVisible():
            self._refresh(relevant)
        else:
            self._pending |= relevant

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self._page and event.type() == QEvent.Type.Show and self._pending:
            pending, self._pending = self._pending, self._pending & ~self._pending
            self._refresh(pending)
        return False


def watch(page: QWidget, feed: ChangeFeed, kinds: Change, refresh: Callable[[Change], None]) -> None:
    """Call `refresh(changed kinds)` on `page` after any action that changed `kinds`."""
    watcher = _Watcher(page, kinds, refresh)

    def deliver(changed: Change) -> None:
        with contextlib.suppress(RuntimeError):  # the page closed while a background job committed
            watcher.arrived.emit(changed)

    unsubscribe = feed.subscribe(deliver)
    watcher.destroyed.connect(lambda _obj=None: unsubscribe())
