"""The mediation committee's name, asked for before the first mediation document.

Every form carries the committee's name under its seal, and the committee is rarely the
police station itself (it is the community's, the street's, or a committee's office at
the station), so "<station>人民调解委员会" is only a suggestion. While the station setting
is empty, the first document made asks an administrator for the name with that
suggestion filled in and saves the answer to the station settings (File → Station
settings… changes it later); Cancel prints with the suggestion this time. A user who may
not change settings is not held up: the document is made with the suggestion and the note
says an administrator can set the name. One prompt is shared by the mediation page and its
case windows, so it asks once a session at most.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from redband_desktop.domain.access import Action
from redband_desktop.errors import RedbandError
from redband_desktop.ui.widgets.feedback import show_error

if TYPE_CHECKING:
    from redband_desktop.services.shared.access import AccessControl
    from redband_desktop.services.station.service import StationService


class CommitteePrompt(QObject):
    def __init__(self, station: StationService, access: AccessControl, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._station = station
        self._access = access
        self.asked = False

    def settle(self, parent: QWidget | None) -> str:
        """Call before a mediation document is made. Returns "" when the committee's own
        name is set (now or before), else a note to show beside the document."""
        current = self._station.settings()
        if current.committee:
            return ""
        suggestion = current.suggested_committee
        if not self._access.can(Action.SETTINGS):
            return self.tr("Printed for “{name}”; an administrator can set the committee's own name in "
                           "File → Station settings….").format(name=suggestion)
        if not self.asked:
            self.asked = True
            if self._ask(parent, current.name, current.incident_prefix, suggestion):
                return ""
        return self.tr("Printed for “{name}” (the suggestion); set the committee's own name in "
                       "File → Station settings….").format(name=suggestion)

    def _ask(self, parent: QWidget | None, station: str, prefix: str, suggestion: str) -> bool:
        name, ok = QInputDialog.getText(
            parent, self.tr("Mediation committee"),
            self.tr("The people's mediation committee whose name and seal go on mediation documents\n"
                    "(often the community's or the street's). Asked once; it can be changed later\n"
                    "in File → Station settings…."),
            QLineEdit.EchoMode.Normal, suggestion)
        if not ok:
            return False
        try:
            self._station.update_station(station, prefix, name.strip() or suggestion)
        except RedbandError as exc:  # too long, or the right was taken away meanwhile
            show_error(parent, exc)
            return False
        return True
