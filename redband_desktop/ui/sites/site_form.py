"""A site's details, with the fields that apply to its kind (compound: property company
and households; market: operator and the market's own contact; organization: type and
in-house security lead), and the volunteers of the site (an organization's security staff)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.enums import SiteKind
from redband_desktop.errors import RedbandError, ValidationError
from redband_desktop.services.sites.types import SiteDetail, SiteForm
from redband_desktop.ui.i18n import bracketed, label, ui_lang
from redband_desktop.ui.sites.person_table import PersonTable
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from redband_desktop.services.sites.service import SitesService

KIND_FIELDS = {
    SiteKind.COMPOUND: ("property_company", "households"),
    SiteKind.MARKET: ("operator", "contact_name", "contact_phone"),
    SiteKind.ORGANIZATION: ("org_type", "security_lead"),
}
TEXT_FIELDS = ("name", "address", "property_company", "operator", "contact_name", "contact_phone",
               "org_type", "security_lead")


class SiteFormWidget(QWidget):
    remove_requested = Signal(int)

    def __init__(self, sites: SitesService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sites = sites
        self._detail: SiteDetail | None = None
        self.title = QLabel(objectName="site_title")
        self.title.setStyleSheet("font-size:18px;font-weight:bold")
        self.inputs: dict[str, QWidget] = {n: QLineEdit(objectName=n) for n in TEXT_FIELDS}
        self.inputs["households"] = QSpinBox(objectName="households", maximum=100_000)
        self.inputs["notes"] = QPlainTextEdit(objectName="notes")
        self.inputs["notes"].setMaximumHeight(60)
        self.save_button = QPushButton(self.tr("Save"))
        self.remove_button = QPushButton(self.tr("Remove site…"))
        self.people_title = QLabel()
        self.people = PersonTable()
        self._errors = FieldErrors()
        self._form = QFormLayout()
        self._build()
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(lambda: self._detail and self.remove_requested.emit(self._detail.id))

    def _labels(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"), "address": self.tr("Address"),
            "property_company": self.tr("Property company"), "households": self.tr("Households"),
            "operator": self.tr("Operator"), "contact_name": self.tr("Market contact"),
            "contact_phone": self.tr("Contact phone"), "org_type": self.tr("Type"),
            "security_lead": self.tr("Security lead"), "notes": self.tr("Notes"),
        }

    def _build(self) -> None:
        for name, text in self._labels().items():
            self._form.addRow(text, self.inputs[name])
            self._errors.add_to_form(name, self._form, self.inputs[name])
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self._form)
        layout.addLayout(buttons)
        layout.addWidget(self.people_title)
        layout.addWidget(self.people, 1)

    def load(self, site_id: int) -> None:
        d = self._detail = self._sites.site(site_id)
        self.title.setText(d.form.name + bracketed(f"{label(d.kind)}, {d.district_name}"))
        for name in TEXT_FIELDS:
            self.inputs[name].setText(getattr(d.form, name))
        self.inputs["households"].setValue(d.form.households)
        self.inputs["notes"].setPlainText(d.form.notes)
        shown = KIND_FIELDS[d.kind]
        for fields in KIND_FIELDS.values():
            for name in fields:
                self._form.setRowVisible(self.inputs[name], name in shown)
        self._errors.clear()
        editable = self._sites.can(Action.EDIT, d.district_id)
        self.save_button.setEnabled(editable)
        self.remove_button.setEnabled(self._sites.can(Action.DELETE, d.district_id))
        staff = d.kind is SiteKind.ORGANIZATION
        self.people_title.setText((self.tr("Security staff on the team: {n}") if staff
                                   else self.tr("Volunteers: {n}")).format(n=len(d.volunteers)))
        self.people.set_people(d.volunteers)

    def form(self) -> SiteForm:
        values = {name: self.inputs[name].text() for name in TEXT_FIELDS}
        return SiteForm(**values, households=self.inputs["households"].value(),
                        notes=self.inputs["notes"].toPlainText())

    def save(self) -> None:
        if self._detail is None:
            return
        try:
            self._sites.update_site(self._detail.id, self._detail.version, self.form())
        except ValidationError as exc:
            self._errors.show(exc.field_messages(ui_lang()))
            return
        except RedbandError as exc:
            show_error(self, exc)
            return
