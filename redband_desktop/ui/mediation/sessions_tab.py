"""调解 — the mediation sessions of a case, each with its mediators, who took part and
what was said, established and agreed. A session can be added while the case is open;
it moves the case to 调解."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from redband_desktop.domain.mediation import OPEN_STATUSES
from redband_desktop.services.mediation.types import CaseDetail, SessionForm
from redband_desktop.ui.i18n import label
from redband_desktop.ui.mediation.entry_table import EntryTable
from redband_desktop.ui.mediation.form_dialog import discard
from redband_desktop.ui.mediation.session_dialog import SessionDialog

if TYPE_CHECKING:
    from redband_desktop.services import Services


class SessionsTab(QWidget):
    def __init__(self, services: Services, changed: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mediation, self._roster, self._changed = services.mediation, services.roster, changed
        self.case: CaseDetail | None = None
        self.dialog: SessionDialog | None = None
        self.table = EntryTable([self.tr("Date and time"), self.tr("Place"), self.tr("Mediators"),
                                 self.tr("Participants"), self.tr("Recorder"), self.tr("What was said and agreed")],
                                [125, 120, 140, 150, 70], "sessions_table")
        self.hint = QLabel(objectName="sessions_hint")
        self.add_button = QPushButton(self.tr("Add session…"), objectName="add_session")
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)

    def show_case(self, case: CaseDetail, can_edit: bool) -> None:
        self.case = case
        self.table.set_rows([(e.id, self._cells(e.form)) for e in case.sessions])
        is_open = case.status in OPEN_STATUSES
        self.add_button.setEnabled(can_edit and is_open)
        self.hint.setText("" if is_open else self.tr("The case is at “{stage}”: no more sessions.").format(
            stage=label(case.status)))

    def _cells(self, s: SessionForm) -> list[str]:
        said = "\n".join(f"{title}：{text}" for title, text in (
            (self.tr("Statements"), s.statements), (self.tr("Established"), s.facts_checked),
            (self.tr("Result"), s.result)) if text)
        return [f"{s.held_at:%Y-%m-%d %H:%M}", s.place, s.mediators, s.participants, s.recorder, said]

    def add(self) -> None:
        case_id = self.case.id
        discard(self.dialog)
        self.dialog = SessionDialog(lambda form: self._mediation.add_session(case_id, form), self._roster, self)
        self.dialog.participants.setText("、".join(p.form.name for p in self.case.parties))
        self.dialog.accepted.connect(self._changed)
        self.dialog.open()
