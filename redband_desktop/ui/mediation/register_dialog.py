"""Registering a dispute (受理): date, source, type, summary, facts, district, registrar
and mediators. The service gives the case its number and deadline. Choices that matter
(source, dispute type) start empty rather than guessed; the registrar is the signed-in
user unless changed; wrong or missing fields are said under themselves."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from redband_desktop.domain.mediation import CaseSource, DisputeType
from redband_desktop.services.mediation.service import MediationService
from redband_desktop.services.mediation.types import CaseDetail, CaseForm
from redband_desktop.ui.widgets.combos import enum_combo
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.required import field_caption, required_note


class RegisterDialog(QDialog):
    def __init__(self, mediation: MediationService, districts: list[tuple[int, str]], registrar: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register a dispute"))
        self._mediation = mediation
        self.created: CaseDetail | None = None
        self.registered_on = QDateEdit(QDate.currentDate(), objectName="registered_on")
        self.registered_on.setCalendarPopup(True)
        self.registered_on.setDisplayFormat("yyyy-MM-dd")
        self.source = enum_combo(CaseSource, "source", placeholder=self.tr("Choose"))
        self.dispute_type = enum_combo(DisputeType, "dispute_type", placeholder=self.tr("Choose"))
        self.summary = QLineEdit(objectName="summary")
        self.facts = QPlainTextEdit(objectName="facts")
        self.district = QComboBox(objectName="district")
        self.district.addItem(self.tr("(none)"), None)
        for ident, name in districts:
            self.district.addItem(name, ident)
        self.registrar = QLineEdit(registrar, objectName="registrar")
        self.mediators = QLineEdit(objectName="mediators")
        self.errors = FieldErrors()
        self.general = FieldErrors.make_label("general")
        self.general.hide()
        self._layout()

    def _layout(self) -> None:
        form = QFormLayout(self)
        for text, widget, field, required in (
            (self.tr("Registered on"), self.registered_on, "registered_on", True),
            (self.tr("Source"), self.source, "source", True),
            (self.tr("Dispute type"), self.dispute_type, "dispute_type", True),
            (self.tr("Summary"), self.summary, "summary", True),
            (self.tr("Facts and disputed matters"), self.facts, "facts", False),
            (self.tr("District"), self.district, "district_id", False),
            (self.tr("Registered by"), self.registrar, "registrar", False),
            (self.tr("Mediators"), self.mediators, "mediators", False),
        ):
            form.addRow(field_caption(text, required, self), widget)
            self.errors.add_to_form(field, form, widget)
        form.addRow(self.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(required_note(self), buttons)
        self.resize(520, 460)

    def form(self) -> CaseForm:
        return CaseForm(
            self.registered_on.date().toPython(), self.source.currentData(), self.dispute_type.currentData(),
            self.summary.text(), self.facts.toPlainText(), self.district.currentData(),
            registrar=self.registrar.text(), mediators=self.mediators.text(),
        )

    def accept(self) -> None:
        def save() -> None:
            self.created = self._mediation.register(self.form())

        if self.errors.attempt(self, self.general, save):
            super().accept()
