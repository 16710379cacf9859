"""Recording an investigation (调查记录): when and where, who investigated, who was
asked, and what was found."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QWidget

from redband_desktop.services.mediation.types import CaseDetail, InvestigationForm
from redband_desktop.ui.mediation.form_dialog import FormDialog, date_edit, text_box


class InvestigationDialog(FormDialog):
    def __init__(self, save: Callable[[InvestigationForm], CaseDetail], investigator: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add an investigation"), save, parent)
        self.on = date_edit("on")
        self.place = QLineEdit(objectName="place")
        self.investigator = QLineEdit(investigator, objectName="investigator")
        self.interviewed = QLineEdit(objectName="interviewed", placeholderText=self.tr("Who was asked"))
        self.findings = text_box("findings", 6)
        self.build([
            (self.tr("Date"), self.on, "on"), (self.tr("Place"), self.place, "place"),
            (self.tr("Investigator"), self.investigator, "investigator"),
            (self.tr("Interviewed"), self.interviewed, "interviewed"),
            (self.tr("Findings"), self.findings, "findings"),
        ], 540)

    def form(self) -> InvestigationForm:
        return InvestigationForm(self.on.date().toPython(), self.place.text(), self.investigator.text(),
                                 self.interviewed.text(), self.findings.toPlainText())
