"""The base of the four register pages (roster, incidents, clue reports, mediation cases).

A register page has a search box and filters, a paged, sortable table fed by its service
(`services.shared.register`: one `search(filter, limit)` per keystroke gives the totals,
the ordered ids and the first page; further pages come by id, or by offset when there
are too many ids to list), a totals line, and buttons. It refreshes when an action
changed the kinds of record it shows (`ui.changes.watch`) — never because it acted
itself — so one action is one refresh, whichever page or dialog took it.

A page makes its own search box and filters, and specialises `columns()`, `current_filter()` (the filter dataclass from its widgets and the
model's sort order), `totals_text(totals)`, and optionally `reload_choices()` (filter
combos that list districts and sites) and `selection_changed()` (buttons that follow the
selected row).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QTableView, QWidget

from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.changes import watch
from redband_desktop.ui.table_model import Column, PagedTableModel
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.register_table import selected_row

if TYPE_CHECKING:
    from redband_desktop.services import Services


class RegisterPage(QWidget):
    """See the module docstring. `register` is the capability's service (its `search`,
    `rows` and, for registers whose `search` may return no ids, `page`)."""

    def __init__(self, services: Services, register: Any, sort_order: tuple[str, bool], shows: Change,
                 names: tuple[str, str],
                 decorate: Callable[[list[Any]], dict[int, Any]] | None = None,
                 parent: QWidget | None = None) -> None:
        """`shows`: the kinds of change that refresh the page; `names`: the object names
        of the table and the totals label."""
        super().__init__(parent)
        self._services, self._register = services, register
        self.model = PagedTableModel(self.columns(), lambda _key, _desc: self.refresh(), decorate, self,
                                     sort_order=sort_order)
        self.table = QTableView(objectName=names[0])
        self.count = QLabel(objectName=names[1])
        self.count.setWordWrap(True)
        watch(self, services.changes, shows, self._changed)

    # -- to specialise -----------------------------------------------------------
    def columns(self) -> Sequence[Column]:
        raise NotImplementedError

    def current_filter(self) -> Any:
        raise NotImplementedError

    def totals_text(self, totals: Any) -> str:
        raise NotImplementedError

    def reload_choices(self) -> None:
        """Refill filter combos that list places (kept quiet: the caller refreshes)."""

    def selection_changed(self) -> None:
        """Enable the buttons that need a selected row (and the user's right to it)."""

    # -- shared behaviour ---------------------------------------------------------
    def refresh(self) -> None:
        """Re-run the search with the current text, filters and sort order."""
        f, chosen = self.current_filter(), self.selected()
        try:
            found = self._register.search(f, PagedTableModel.PAGE_SIZE)
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return
        register, ids = self._register, found.ids
        if ids is None:
            fetch = lambda offset, limit: register.page(f, offset, limit)  # noqa: E731
        else:
            fetch = lambda offset, limit: register.rows(list(ids[offset:offset + limit]))  # noqa: E731
        self.model.reset(found.total, fetch, list(found.first_page))
        self.count.setText(self.totals_text(found.totals))
        if chosen is not None:
            self.select_id(chosen.id)
        self.selection_changed()

    def select_id(self, ident: int | None) -> None:
        """Select the record with this id if it is on the first page (the record just
        saved, or the one selected before a refresh)."""
        for row in range(min(self.model.rowCount(), self.model.PAGE_SIZE)):
            item = self.model.row_at(row)
            if item is not None and item.id == ident:
                self.table.selectRow(row)
                return

    def user_name(self) -> str:
        """Whose remembered column widths the table uses."""
        user = self._services.access.user
        return user.username if user is not None else ""

    def selected(self) -> Any | None:
        """The row the user selected (as it was read, with its version), or None."""
        return selected_row(self.table)

    def act(self, action: Callable[[], object]) -> bool:
        """Run a service action from the page; a refusal or failure is shown. The page
        refreshes through the change it caused, not here."""
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return False
        return True

    def _changed(self, kinds: Change) -> None:
        if kinds & Change.PLACES:
            self.reload_choices()
        self.refresh()
