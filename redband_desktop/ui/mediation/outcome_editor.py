"""The outcome of a case as a form: a written agreement (terms, how, by when, where, the
amount, copies, and whether it kept a civil dispute from turning criminal — 防止民转刑),
an oral agreement, no agreement (why, and where the parties were referred, e.g. the
court) or a withdrawal. Only the rows the chosen kind uses are shown. Once recorded, the
outcome tab shows it as text instead."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from redband_desktop.domain.mediation import OutcomeKind
from redband_desktop.services.mediation.types import OutcomeForm
from redband_desktop.ui.mediation.form_dialog import add_rows, date_edit, text_box
from redband_desktop.ui.widgets.combos import enum_combo
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.read_only import set_editable

NO_AMOUNT = -1.0  # the spin box's "(none)"


class OutcomeEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = enum_combo(OutcomeKind, "outcome_kind")
        self.on = date_edit("outcome_on")
        self.terms = text_box("terms", 4)
        self.perform_method = text_box("perform_method", 2)
        self.has_perform_by = QCheckBox(self.tr("Performed by a set date"), objectName="has_perform_by")
        self.perform_by = date_edit("perform_by")
        self.perform_place = QLineEdit(objectName="perform_place")
        self.amount = QDoubleSpinBox(objectName="amount_yuan", minimum=NO_AMOUNT, maximum=99_999_999.99, decimals=2,
                                     singleStep=100, value=NO_AMOUNT)
        self.amount.setSpecialValueText(self.tr("(none)"))
        self.amount.setSuffix(self.tr(" yuan"))
        self.copies = QSpinBox(objectName="copies", minimum=1, maximum=10, value=3)
        self.prevented = QCheckBox(self.tr("Kept a civil dispute from turning criminal (防止民转刑)"),
                                   objectName="prevented_criminal")
        self.failure_reason = text_box("failure_reason", 3)
        self.referred_to = QLineEdit(objectName="referred_to", placeholderText=self.tr("e.g. 西山区人民法院"))
        for box in (self.terms, self.perform_method, self.failure_reason):  # not ~190 px each: less scrolling
            box.setMaximumHeight(box.minimumHeight() * 3 // 2)
        self.errors = FieldErrors()
        self.form_layout = QFormLayout(self)
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        add_rows(self.form_layout, self.errors, [
            (self.tr("Outcome"), self.kind, "kind"), (self.tr("Date"), self.on, "on"),
            (self.tr("Agreed terms"), self.terms, "terms"),
            (self.tr("How it is performed"), self.perform_method, "perform_method"),
            ("", self.has_perform_by, None), (self.tr("Perform by"), self.perform_by, "perform_by"),
            (self.tr("Where"), self.perform_place, "perform_place"), (self.tr("Amount"), self.amount, "amount_yuan"),
            (self.tr("Copies of the agreement"), self.copies, "copies"), ("", self.prevented, None),
            (self.tr("Why no agreement"), self.failure_reason, "failure_reason"),
            (self.tr("Parties referred to"), self.referred_to, "referred_to"),
        ])
        self._agreement_rows = (self.terms, self.perform_method, self.has_perform_by, self.perform_by,
                                self.perform_place, self.amount, self.prevented)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.has_perform_by.toggled.connect(self.perform_by.setEnabled)
        self.perform_by.setEnabled(False)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = OutcomeKind(self.kind.currentData())
        self.errors.clear()  # a message about a row now hidden must not stay behind
        for widget in self._agreement_rows:
            self.form_layout.setRowVisible(widget, kind.is_agreement)
        self.form_layout.setRowVisible(self.copies, kind is OutcomeKind.WRITTEN)
        for widget in (self.failure_reason, self.referred_to):
            self.form_layout.setRowVisible(widget, kind is OutcomeKind.NOT_REACHED)

    def form(self) -> OutcomeForm:
        kind = OutcomeKind(self.kind.currentData())
        agreed = kind.is_agreement
        amount = self.amount.value()
        return OutcomeForm(
            kind, self.on.date().toPython(),
            terms=self.terms.toPlainText() if agreed else "",
            perform_method=self.perform_method.toPlainText() if agreed else "",
            perform_by=self.perform_by.date().toPython() if agreed and self.has_perform_by.isChecked() else None,
            perform_place=self.perform_place.text() if agreed else "",
            amount_yuan=Decimal(f"{amount:.2f}") if agreed and amount > NO_AMOUNT else None,
            copies=self.copies.value(), prevented_criminal=agreed and self.prevented.isChecked(),
            failure_reason=self.failure_reason.toPlainText() if kind is OutcomeKind.NOT_REACHED else "",
            referred_to=self.referred_to.text() if kind is OutcomeKind.NOT_REACHED else "",
        )

    def set_editable(self, editable: bool) -> None:
        set_editable((self.kind, self.on, self.has_perform_by, self.perform_place, self.amount, self.copies,
                      self.prevented, self.referred_to, self.terms, self.perform_method, self.failure_reason),
                     editable)
        self.perform_by.setEnabled(editable and self.has_perform_by.isChecked())

