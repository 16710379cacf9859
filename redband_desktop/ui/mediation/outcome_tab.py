"""结果 — how the case ended, whether the agreement was carried out, and closing the file.

The outcome can be recorded while the case is open; an agreement is refused (with the
reason shown in red) until both an applicant and a respondent are on file. Performance
checks belong to an agreement; a case with any outcome can be closed (结案)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.mediation import (
    AFTER_AGREEMENT,
    CLOSABLE,
    OPEN_STATUSES,
    CaseStatus,
    OutcomeKind,
)
from redband_desktop.services.mediation.service import MediationService
from redband_desktop.services.mediation.types import CaseDetail, OutcomeForm
from redband_desktop.ui.i18n import label
from redband_desktop.ui.mediation.entry_table import EntryTable
from redband_desktop.ui.mediation.form_dialog import date_edit, discard
from redband_desktop.ui.mediation.outcome_editor import OutcomeEditor
from redband_desktop.ui.mediation.performance_dialog import PerformanceDialog
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.field_errors import FieldErrors


class OutcomeTab(QWidget):
    def __init__(self, mediation: MediationService, changed: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mediation, self._changed = mediation, changed
        self.case: CaseDetail | None = None
        self.dialog: PerformanceDialog | None = None
        self.editor = OutcomeEditor()
        self.recorded = QLabel(objectName="recorded_outcome")  # the outcome once on file, as text
        self.recorded.setWordWrap(True)
        self.recorded.setTextFormat(Qt.TextFormat.RichText)
        self.recorded.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.general = FieldErrors.make_label("outcome_general")
        self.general.setVisible(False)
        self.record_button = QPushButton(self.tr("Record outcome"), objectName="record_outcome")
        self.performances = EntryTable([self.tr("Checked on"), self.tr("Performed"), self.tr("Proof")], [95, 110],
                                       "performances_table")
        self.performances.setMinimumHeight(110)
        self.perform_button = QPushButton(self.tr("Add performance check…"), objectName="add_performance")
        self.closed_on = date_edit("closed_on")
        self.close_button = QPushButton(self.tr("Close case (结案)…"), objectName="close_case")
        self.close_hint = QLabel(objectName="close_hint")
        self.close_hint.setWordWrap(True)
        self._layout()
        self.record_button.clicked.connect(self.record)
        self.perform_button.clicked.connect(self.add_performance)
        self.close_button.clicked.connect(self.close_case)

    def _layout(self) -> None:
        outcome = QGroupBox(self.tr("Outcome"))
        box = QVBoxLayout(outcome)
        box.addWidget(self.editor)
        box.addWidget(self.recorded)
        box.addWidget(self.general)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.record_button)
        box.addLayout(row)
        performance = self.performance_group = QGroupBox(self.tr("Performance of the agreement"))
        box = QVBoxLayout(performance)
        box.addWidget(self.performances, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.perform_button)
        box.addLayout(row)
        closing = QGroupBox(self.tr("Closing the file"))
        row = QHBoxLayout(closing)
        row.addWidget(self.close_hint, 1)
        row.addWidget(QLabel(self.tr("Closed on")))
        row.addWidget(self.closed_on)
        row.addWidget(self.close_button)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        for group in (outcome, performance, closing):
            layout.addWidget(group)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def show_case(self, case: CaseDetail, can_edit: bool) -> None:
        self.case = case
        is_open = case.status in OPEN_STATUSES
        recorded = case.outcome is not None
        self.editor.setVisible(not recorded)
        self.record_button.setVisible(not recorded)
        self.recorded.setVisible(recorded)
        self.recorded.setText(self._outcome_html(case.outcome) if recorded else "")
        self.editor.set_editable(can_edit and is_open)
        self.record_button.setEnabled(can_edit and is_open)
        self.performances.set_rows([(e.id, [f"{e.form.checked_on:%Y-%m-%d}", label(e.form.status), e.form.proof])
                                    for e in case.performances])
        self.perform_button.setEnabled(can_edit and case.status in AFTER_AGREEMENT)
        self.performance_group.setVisible(recorded and case.outcome.kind.is_agreement)  # nothing to perform else
        self.close_button.setEnabled(can_edit and case.status in CLOSABLE)
        self.closed_on.setEnabled(can_edit and case.status in CLOSABLE)
        self.close_hint.setText(self._close_hint(case))

    def _outcome_html(self, o: OutcomeForm) -> str:
        """The recorded outcome as a two-column table of what it holds."""
        rows = [(self.tr("Outcome"), label(o.kind)), (self.tr("Date"), f"{o.on:%Y-%m-%d}")]
        if o.kind.is_agreement:
            amount = "" if o.amount_yuan is None else self.tr("{amount} yuan").format(amount=o.amount_yuan)
            rows += [(self.tr("Agreed terms"), o.terms), (self.tr("How it is performed"), o.perform_method),
                     (self.tr("Perform by"), f"{o.perform_by:%Y-%m-%d}" if o.perform_by else ""),
                     (self.tr("Where"), o.perform_place), (self.tr("Amount"), amount),
                     (self.tr("Kept a civil dispute from turning criminal (防止民转刑)"),
                      self.tr("Yes") if o.prevented_criminal else self.tr("No"))]
            if o.kind is OutcomeKind.WRITTEN:
                rows.append((self.tr("Copies of the agreement"), str(o.copies)))
        elif o.kind is OutcomeKind.NOT_REACHED:
            rows += [(self.tr("Why no agreement"), o.failure_reason), (self.tr("Parties referred to"), o.referred_to)]
        cells = "".join(
            f"<tr><td style='padding:2px 14px 2px 0;color:#555'>{escape(k)}</td>"
            f"<td style='padding:2px 0'>{escape(v).replace(chr(10), '<br>') or '—'}</td></tr>" for k, v in rows)
        return f"<table>{cells}</table>"

    def _close_hint(self, case: CaseDetail) -> str:
        if case.status is CaseStatus.CLOSED:
            return self.tr("Closed on {date}.").format(date=f"{case.closed_on:%Y-%m-%d}")
        if case.status in OPEN_STATUSES:
            return self.tr("A case is closed once its outcome is recorded.")
        if case.status in AFTER_AGREEMENT and not case.follow_ups:
            return self.tr("No follow-up visit yet: visit the parties before closing if you can.")
        return ""

    def record(self) -> None:
        if self.editor.errors.attempt(self, self.general, lambda: self._mediation.record_outcome(
                self.case.id, self.editor.form())):
            self._changed()

    def add_performance(self) -> None:
        case_id = self.case.id
        discard(self.dialog)
        self.dialog = PerformanceDialog(lambda form: self._mediation.record_performance(case_id, form), self)
        self.dialog.accepted.connect(self._changed)
        self.dialog.open()

    def close_case(self) -> None:
        on = self.closed_on.date().toPython()
        answer = QMessageBox.question(self, self.tr("Close case"), self.tr(
            "Close {number} on {date}? Nothing more can be recorded afterwards.").format(
            number=self.case.number, date=f"{on:%Y-%m-%d}"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._mediation.close(self.case.id, on)
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return
        self._changed()
