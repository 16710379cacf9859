"""Recording a performance check (履行情况): was the agreement carried out — fully, in
part or not — on which date, and what shows it (a receipt, a transfer slip…)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from redband_desktop.domain.mediation import Performance
from redband_desktop.services.mediation.types import CaseDetail, PerformanceForm
from redband_desktop.ui.mediation.form_dialog import FormDialog, date_edit, text_box
from redband_desktop.ui.widgets.combos import enum_combo


class PerformanceDialog(FormDialog):
    def __init__(self, save: Callable[[PerformanceForm], CaseDetail], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Check performance"), save, parent)
        self.status = enum_combo(Performance, "performance_status")
        self.checked_on = date_edit("checked_on")
        self.proof = text_box("proof", 3)
        self.proof.setPlaceholderText(self.tr("Receipt, transfer slip, what the parties said…"))
        self.build([(self.tr("Performed"), self.status, "status"), (self.tr("Checked on"), self.checked_on, "checked_on"),
                    (self.tr("Proof"), self.proof, "proof")], 480)

    def form(self) -> PerformanceForm:
        return PerformanceForm(Performance(self.status.currentData()), self.checked_on.date().toPython(), self.proof.toPlainText())
