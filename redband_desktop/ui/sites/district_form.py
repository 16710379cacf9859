"""A district's details: its name and its community officer (name, police number, phone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.errors import RedbandError, ValidationError
from redband_desktop.services.sites.types import DistrictDetail, DistrictForm
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from redband_desktop.services.sites.service import SitesService


class DistrictFormWidget(QWidget):

    def __init__(self, sites: SitesService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sites = sites
        self._detail: DistrictDetail | None = None
        self.title = QLabel(objectName="district_title")
        self.title.setStyleSheet("font-size:18px;font-weight:bold")
        self.counts = QLabel()
        self.inputs = {name: QLineEdit(objectName=name) for name in
                       ("name", "officer_name", "officer_police_no", "officer_phone")}
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self._errors = FieldErrors()
        form = QFormLayout()
        for name, text in (("name", self.tr("District")), ("officer_name", self.tr("Community officer")),
                           ("officer_police_no", self.tr("Police number")),
                           ("officer_phone", self.tr("Officer phone"))):
            form.addRow(text, self.inputs[name])
            self._errors.add_to_form(name, form, self.inputs[name])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.counts)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setMaximumWidth(720)  # a form to read, not a line across the whole screen

    def load(self, district_id: int) -> None:
        d = self._detail = self._sites.district(district_id)
        self.title.setText(d.form.name)
        self.counts.setText(self.tr("{sites} sites, {volunteers} volunteers").format(
            sites=d.sites, volunteers=d.volunteers))
        for name, edit in self.inputs.items():
            edit.setText(getattr(d.form, name))
        editable = self._sites.can(Action.EDIT, d.id)
        for edit in self.inputs.values():
            edit.setReadOnly(not editable)
        self.inputs["name"].setReadOnly(not self._sites.can(Action.STRUCTURE))
        self.save_button.setEnabled(editable)
        self._errors.clear()

    def save(self) -> None:
        if self._detail is None:
            return
        form = DistrictForm(**{name: edit.text() for name, edit in self.inputs.items()})
        try:
            self._sites.update_district(self._detail.id, self._detail.version, form)
        except ValidationError as exc:
            self._errors.show(exc.field_messages(ui_lang()))
            return
        except RedbandError as exc:
            show_error(self, exc)
            return
