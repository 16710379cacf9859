"""Adding a party (当事人) to a case: applicant or respondent, name, gender, ethnicity, age,
identity document and its number, occupation, phone, address or employer and an agent. A
company as party has just its name and address; everything but the name may stay empty.
The number is checked as an identity card's (GB 11643) unless another document — a
passport, a home-return permit … — is chosen in the document combo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from redband_desktop.domain.enums import Gender
from redband_desktop.domain.mediation import IdDocument, PartyRole
from redband_desktop.services.mediation.types import CaseDetail, PartyForm
from redband_desktop.ui.mediation.form_dialog import FormDialog
from redband_desktop.ui.widgets.combos import enum_combo

# the groups most often met in Kunming first; any other can be typed
ETHNICITIES = ("汉族", "彝族", "白族", "回族", "哈尼族", "傣族", "苗族", "壮族", "纳西族", "藏族")


class PartyDialog(FormDialog):
    def __init__(self, save: Callable[[PartyForm], CaseDetail], role: PartyRole = PartyRole.APPLICANT,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a party"), save, parent)
        self.role = enum_combo(PartyRole, "role")
        self.role.setCurrentIndex(self.role.findData(role))
        self.name = QLineEdit(objectName="name", placeholderText=self.tr("Person or organisation"))
        self.gender = enum_combo(Gender, "gender", self.tr("(not given)"))
        self.ethnicity = QComboBox(objectName="ethnicity", editable=True)
        self.ethnicity.addItems(("", *ETHNICITIES))
        self.age = QSpinBox(objectName="age", minimum=-1, maximum=120, value=-1)
        self.age.setSpecialValueText(self.tr("(not given)"))
        self.id_type = enum_combo(IdDocument, "id_type")
        self.id_number = QLineEdit(objectName="id_number", maxLength=18)
        self.id_type.currentIndexChanged.connect(self._document_chosen)
        self.occupation = QLineEdit(objectName="occupation")
        self.phone = QLineEdit(objectName="phone")
        self.address = QLineEdit(objectName="address")
        self.agent = QLineEdit(objectName="agent", placeholderText=self.tr("Name and relation, e.g. 王丽（妻子）"))
        self.build([
            (self.tr("Role"), self.role, "role"), (self.tr("Name"), self.name, "name"),
            (self.tr("Gender"), self.gender, "gender"), (self.tr("Ethnicity"), self.ethnicity, "ethnicity"),
            (self.tr("Age"), self.age, "age"), (self.tr("Document"), self.id_type, "id_type"),
            (self.tr("Document number"), self.id_number, "id_number"),
            (self.tr("Occupation"), self.occupation, "occupation"), (self.tr("Phone"), self.phone, "phone"),
            (self.tr("Address or employer"), self.address, "address"), (self.tr("Agent"), self.agent, "agent"),
        ], 500)

    def _document_chosen(self) -> None:
        """An identity card number has 18 characters; other documents' numbers up to 30."""
        self.id_number.setMaxLength(18 if IdDocument(self.id_type.currentData()).gb11643 else 30)

    def form(self) -> PartyForm:
        return PartyForm(
            PartyRole(self.role.currentData()), self.name.text(), self.gender.currentData() or "",
            self.ethnicity.currentText(), None if self.age.value() < 0 else self.age.value(),
            self.id_number.text().strip(), self.occupation.text(), self.phone.text(), self.address.text(),
            self.agent.text(), IdDocument(self.id_type.currentData()),
        )
