"""当事人 — the parties of a case, applicants first, with ID numbers and phones masked as
the service returns them for the signed-in user. Parties can be added at any stage;
removing one is possible only until an outcome is recorded (the agreement names them)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from redband_desktop.domain.enums import Gender
from redband_desktop.domain.mediation import OPEN_STATUSES, IdDocument, PartyRole
from redband_desktop.services.mediation.service import MediationService
from redband_desktop.services.mediation.types import CaseDetail, Party
from redband_desktop.ui.i18n import label
from redband_desktop.ui.mediation.entry_table import EntryTable
from redband_desktop.ui.mediation.form_dialog import discard
from redband_desktop.ui.mediation.party_dialog import PartyDialog
from redband_desktop.ui.widgets.feedback import show_error


class PartiesTab(QWidget):
    def __init__(self, mediation: MediationService, changed: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mediation, self._changed = mediation, changed
        self.case: CaseDetail | None = None
        self.dialog: PartyDialog | None = None
        self.table = EntryTable(
            [self.tr("Role"), self.tr("Name"), self.tr("Gender"), self.tr("Ethnicity"), self.tr("Age"),
             self.tr("ID number"), self.tr("Occupation"), self.tr("Phone"), self.tr("Address or employer"),
             self.tr("Agent")],
            [80, 110, 50, 60, 50, 160, 90, 110, 200], "parties_table")
        self.hint = QLabel(objectName="parties_hint")
        self.hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add party…"), objectName="add_party")
        self.remove_button = QPushButton(self.tr("Remove"), objectName="remove_party")
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.table.itemSelectionChanged.connect(self._enable)
        self._can_edit = False

    def show_case(self, case: CaseDetail, can_edit: bool) -> None:
        self.case, self._can_edit = case, can_edit
        parties = sorted(case.parties, key=lambda p: p.form.role is not PartyRole.APPLICANT)
        self.table.set_rows([(p.id, self._cells(p)) for p in parties])
        missing = [label(r) for r in PartyRole if not case.of_role(r)]
        self.hint.setText(self.tr("An agreement needs at least one of each side; missing: {roles}").format(
            roles="、".join(missing)) if missing else "")
        self.add_button.setEnabled(can_edit and case.status in OPEN_STATUSES)  # before the outcome only
        self._enable()

    def _cells(self, p: Party) -> list[str]:
        f = p.form
        number = f.id_number if f.id_type is IdDocument.RESIDENT_ID or not f.id_number \
            else f"{label(f.id_type)} {f.id_number}"
        return [label(f.role), f.name, label(Gender(f.gender)) if f.gender else "", f.ethnicity,
                "" if f.age is None else str(f.age), number, f.occupation, f.phone, f.address, f.agent]

    def _enable(self) -> None:
        locked = self.case is None or self.case.outcome is not None
        self.remove_button.setEnabled(self._can_edit and not locked and self.table.selected_id() is not None)
        self.remove_button.setToolTip(self.tr("Parties named in a recorded outcome stay on file") if locked else "")

    def add(self) -> None:
        role = PartyRole.RESPONDENT if self.case.of_role(PartyRole.APPLICANT) else PartyRole.APPLICANT
        case_id = self.case.id
        discard(self.dialog)
        self.dialog = PartyDialog(lambda form: self._mediation.add_party(case_id, form), role, self)
        self.dialog.accepted.connect(self._changed)
        self.dialog.open()

    def remove(self) -> None:
        party_id = self.table.selected_id()
        party = next((p for p in self.case.parties if p.id == party_id), None)
        if party is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove party"),
                                      self.tr("Remove {name} from this case?").format(name=party.form.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._mediation.remove_party(self.case.id, party_id)
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return
        self._changed()
