"""The ID cards page: the register, batch printing and the card design, as three tabs.
It refreshes when cards, volunteers, heads (printed roles), places or the card design
change — whether from this page, a batch finishing in the background, or another page
(a volunteer marked as left has their card revoked)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from redband_desktop.domain.access import Action
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.cards.design_panel import CardDesignPanel
from redband_desktop.ui.cards.print_panel import PrintPanel
from redband_desktop.ui.cards.register_panel import CardRegisterPanel
from redband_desktop.ui.changes import watch

if TYPE_CHECKING:
    from redband_desktop.services import Services

SHOWS = Change.CARDS | Change.VOLUNTEERS | Change.HEADS | Change.PLACES | Change.SETTINGS


class CardsPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = CardRegisterPanel(services.cards, can_export=services.access.can(Action.EXPORT))
        self.printing = PrintPanel(services)
        self.design = CardDesignPanel(services.cards)
        self.tabs = QTabWidget(objectName="card_tabs")
        self.tabs.addTab(self.register, self.tr("Card register"))
        self.tabs.addTab(self.printing, self.tr("Print cards"))
        self.tabs.addTab(self.design, self.tr("Card design"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)
        watch(self, services.changes, SHOWS, self._changed)

    def print_for(self, volunteer_ids: list[int]) -> None:
        """Open the print tab with these volunteers chosen."""
        self.tabs.setCurrentWidget(self.printing)
        self.printing.print_for(volunteer_ids)

    def _changed(self, _kinds: Change) -> None:
        self.register.refresh()
        self.printing.refresh()
