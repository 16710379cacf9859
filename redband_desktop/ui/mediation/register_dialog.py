"""Registering a dispute (受理): date, source, type, summary, facts, district, registrar
and mediators. The service gives the case its number and deadline."""

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
from redband_desktop.ui.widgets.feedback import show_error


class RegisterDialog(QDialog):
    def __init__(self, mediation: MediationService, districts: list[tuple[int, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register a dispute"))
        self._mediation = mediation
        self.created: CaseDetail | None = None
        self.registered_on = QDateEdit(QDate.currentDate(), objectName="registered_on")
        self.registered_on.setCalendarPopup(True)
        self.registered_on.setDisplayFormat("yyyy-MM-dd")
        self.source = enum_combo(CaseSource, "source")
        self.dispute_type = enum_combo(DisputeType, "dispute_type")
        self.summary = QLineEdit(objectName="summary")
        self.facts = QPlainTextEdit(objectName="facts")
        self.district = QComboBox(objectName="district")
        self.district.addItem(self.tr("(none)"), None)
        for ident, name in districts:
            self.district.addItem(name, ident)
        self.registrar = QLineEdit(objectName="registrar")
        self.mediators = QLineEdit(objectName="mediators")
        self._layout()

    def _layout(self) -> None:
        form = QFormLayout(self)
        form.addRow(self.tr("Registered on"), self.registered_on)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Dispute type"), self.dispute_type)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Facts and disputed matters"), self.facts)
        form.addRow(self.tr("District"), self.district)
        form.addRow(self.tr("Registered by"), self.registrar)
        form.addRow(self.tr("Mediators"), self.mediators)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 460)

    def form(self) -> CaseForm:
        return CaseForm(
            self.registered_on.date().toPython(), self.source.currentData(), self.dispute_type.currentData(),
            self.summary.text(), self.facts.toPlainText(), self.district.currentData(),
            registrar=self.registrar.text(), mediators=self.mediators.text(),
        )

    def accept(self) -> None:
        try:
            self.created = self._mediation.register(self.form())
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return
        super().accept()
