"""回访 — visits to the parties after an agreement: whether it was carried out, how
satisfied they are and any sign of the dispute flaring up again. The tab says when the
first visit is due (a month after the agreement) and warns once it is overdue."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from redband_desktop.domain.mediation import AFTER_AGREEMENT, Satisfaction, follow_up_due_on
from redband_desktop.services.mediation.service import MediationService
from redband_desktop.services.mediation.types import CaseDetail, FollowUpForm
from redband_desktop.ui.i18n import label
from redband_desktop.ui.mediation.entry_table import EntryTable
from redband_desktop.ui.mediation.follow_up_dialog import FollowUpDialog
from redband_desktop.ui.mediation.form_dialog import discard

DUE_STYLE = "color:#b26a00;font-weight:bold"


class FollowUpsTab(QWidget):
    def __init__(self, mediation: MediationService, changed: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mediation, self._changed = mediation, changed
        self.case: CaseDetail | None = None
        self.dialog: FollowUpDialog | None = None
        self.due = QLabel(objectName="follow_up_due")
        self.due.setWordWrap(True)
        self.table = EntryTable([self.tr("Visited on"), self.tr("Party"), self.tr("Visitor"), self.tr("Performed"),
                                 self.tr("Satisfaction"), self.tr("Signs of escalation"), self.tr("Notes")],
                                [95, 90, 90, 70, 90, 180], "follow_ups_table")
        self.add_button = QPushButton(self.tr("Add visit…"), objectName="add_follow_up")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.due)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)

    def show_case(self, case: CaseDetail, can_edit: bool) -> None:
        self.case = case
        self.table.set_rows([(e.id, self._cells(e.form)) for e in case.follow_ups])
        self.add_button.setEnabled(can_edit and case.status in AFTER_AGREEMENT)
        self.due.setStyleSheet(DUE_STYLE if case.follow_up_due else "")
        self.due.setText(self._due_text(case))

    def _due_text(self, case: CaseDetail) -> str:
        agreed = case.outcome is not None and case.outcome.kind.is_agreement
        if not agreed:
            return self.tr("Visits follow an agreement; this case has none (yet).")
        if case.follow_ups:
            return self.tr("{count} visit(s) on file.").format(count=len(case.follow_ups))
        due = f"{follow_up_due_on(case.outcome.on):%Y-%m-%d}"
        if case.follow_up_due:
            return self.tr("Follow-up visit due since {date}.").format(date=due)
        return self.tr("First follow-up visit due on {date}.").format(date=due)

    def _cells(self, f: FollowUpForm) -> list[str]:
        satisfaction = label(Satisfaction(f.satisfaction)) if f.satisfaction else ""
        performed = self.tr("Yes") if f.performed else self.tr("No")
        return [f"{f.visited_on:%Y-%m-%d}", f.party, f.visitor, performed, satisfaction, f.escalation_signs, f.notes]

    def add(self) -> None:
        case_id = self.case.id
        visitor = self.case.form.mediators.split("、")[0] if self.case.form.mediators else ""
        discard(self.dialog)
        self.dialog = FollowUpDialog(lambda form: self._mediation.add_follow_up(case_id, form),
                                     [p.form.name for p in self.case.parties], visitor, self)
        self.dialog.accepted.connect(self._changed)
        self.dialog.open()
