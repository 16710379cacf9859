"""A small "show" button beside a masked personal value (ID number, phone).

Seeing the full value asks for a reason, which the roster service records in the audit
trail together with who asked and from which PC.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QToolButton, QWidget

from redband_desktop.ui.widgets.feedback import show_error

if TYPE_CHECKING:
    from redband_desktop.services.roster.service import RosterService


class RevealButton(QToolButton):
    revealed = Signal(str)

    def __init__(self, roster: RosterService, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._roster = roster
        self._field = field
        self._volunteer_id: int | None = None
        self.setObjectName(f"reveal_{field}")
        self.setText(self.tr("Show…"))
        self.setToolTip(self.tr("Show the full value (you will be asked for a reason; this is recorded)"))
        self.clicked.connect(self.ask)
        self.hide()

    def set_volunteer(self, volunteer_id: int | None, allowed: bool) -> None:
        self._volunteer_id = volunteer_id
        self.setVisible(volunteer_id is not None and allowed)

    def reasons(self) -> list[str]:
        return [self.tr("Verify identity"), self.tr("Make an ID card"), self.tr("Correct a mistake")]

    def ask(self) -> None:
        reason, ok = QInputDialog.getItem(
            self, self.tr("Show full value"), self.tr("Why do you need to see it? (recorded)"),
            self.reasons(), 0, True,
        )
        if ok:
            self.reveal(reason)

    def reveal(self, reason: str) -> None:
        if self._volunteer_id is None:
            return
        try:
            value = self._roster.reveal(self._volunteer_id, self._field, reason)
        except Exception as exc:  # noqa: BLE001 - expected errors get a message, bugs a crash dialog
            show_error(self, exc)
            return
        self.hide()
        self.revealed.emit(value)
