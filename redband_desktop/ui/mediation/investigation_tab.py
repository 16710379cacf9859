"""调查 — what the mediators found out before the sessions: one row per investigation.
New ones can be added while the case is open (the first moves it to 调查)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from redband_desktop.domain.mediation import OPEN_STATUSES
from redband_desktop.services.mediation.service import MediationService
from redband_desktop.services.mediation.types import CaseDetail
from redband_desktop.ui.i18n import label
from redband_desktop.ui.mediation.entry_table import EntryTable
from redband_desktop.ui.mediation.form_dialog import discard
from redband_desktop.ui.mediation.investigation_dialog import InvestigationDialog


class InvestigationTab(QWidget):
    def __init__(self, mediation: MediationService, changed: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mediation, self._changed = mediation, changed
        self.case: CaseDetail | None = None
        self.dialog: InvestigationDialog | None = None
        self.table = EntryTable([self.tr("Date"), self.tr("Place"), self.tr("Investigator"), self.tr("Interviewed"),
                                 self.tr("Findings")], [95, 150, 110, 150], "investigations_table")
        self.hint = QLabel(objectName="investigation_hint")
        self.add_button = QPushButton(self.tr("Add investigation…"), objectName="add_investigation")
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)

    def show_case(self, case: CaseDetail, can_edit: bool) -> None:
        self.case = case
        self.table.set_rows([(e.id, [f"{e.form.on:%Y-%m-%d}", e.form.place, e.form.investigator,
                                     e.form.interviewed, e.form.findings]) for e in case.investigations])
        is_open = case.status in OPEN_STATUSES
        self.add_button.setEnabled(can_edit and is_open)
        self.hint.setText("" if is_open else self.tr("The case is at “{stage}”: no more investigations.").format(
            stage=label(case.status)))

    def add(self) -> None:
        case_id = self.case.id
        discard(self.dialog)
        self.dialog = InvestigationDialog(lambda form: self._mediation.add_investigation(case_id, form),
                                          self.case.form.mediators, self)
        self.dialog.accepted.connect(self._changed)
        self.dialog.open()
