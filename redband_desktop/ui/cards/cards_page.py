"""The ID cards page: the register, batch printing and the card design, as three tabs.
After printing or a change in the register the other tabs reload."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from redband_desktop.ui.cards.design_panel import CardDesignPanel
from redband_desktop.ui.cards.print_panel import PrintPanel
from redband_desktop.ui.cards.register_panel import CardRegisterPanel

if TYPE_CHECKING:
    from redband_desktop.services import Services


class CardsPage(QWidget):
    data_changed = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = CardRegisterPanel(services.cards)
        self.printing = PrintPanel(services)
        self.design = CardDesignPanel(services.cards)
        self.tabs = QTabWidget(objectName="card_tabs")
        self.tabs.addTab(self.register, self.tr("Card register"))
        self.tabs.addTab(self.printing, self.tr("Print cards"))
        self.tabs.addTab(self.design, self.tr("Card design"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)
        self.register.changed.connect(self._changed)
        self.printing.printed.connect(self._changed)
        self.design.saved.connect(lambda: self.data_changed.emit("settings"))

    def _changed(self) -> None:
        self.register.refresh()
        self.data_changed.emit("cards")
