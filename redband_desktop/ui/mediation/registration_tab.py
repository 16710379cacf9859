"""受理 — the case as registered: date, source, dispute type, summary, facts, district
and site, who registered it and the mediators. Saving sends the version the form was
filled from, so an edit made meanwhile on another PC is reported instead of overwritten.
"Extend deadline…" records that both parties agreed to take longer.

While the clerk is typing, a reload after a change on another tab keeps what they typed
(the form is refilled only when it has no unsaved edits)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.mediation import OPEN_STATUSES, CaseSource, DisputeType
from redband_desktop.services.mediation.types import CaseDetail, CaseForm
from redband_desktop.ui.mediation.extend_dialog import ExtendDialog
from redband_desktop.ui.mediation.form_dialog import add_rows, date_edit, discard, text_box
from redband_desktop.ui.widgets.combos import enum_combo
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.read_only import set_editable

if TYPE_CHECKING:
    from collections.abc import Callable

    from redband_desktop.services import Services

SHORT_FIELD = 320


class RegistrationTab(QWidget):
    def __init__(self, services: Services, changed: Callable[[], None], reload: Callable[[], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mediation = services.mediation
        self._changed, self._reload = changed, reload
        self._districts = services.sites.tree()
        self.case: CaseDetail | None = None  # what the form was filled from (its version is sent)
        self._current: CaseDetail | None = None  # the case as last read
        self.dirty = False
        self._filling = False
        self.registered_on = date_edit("registered_on")
        self.source = enum_combo(CaseSource, "source")
        self.dispute_type = enum_combo(DisputeType, "dispute_type")
        self.summary = QLineEdit(objectName="summary")
        self.facts = text_box("facts", 8)
        self.district = QComboBox(objectName="district")
        self.district.addItem(self.tr("(none)"), None)
        for d in self._districts:
            self.district.addItem(d.name, d.id)
        self.site = QComboBox(objectName="site")
        self.registrar = QLineEdit(objectName="registrar")
        self.mediators = QLineEdit(objectName="mediators", placeholderText=self.tr("Names, separated by 、"))
        self.save_button = QPushButton(self.tr("Save changes"), objectName="save_case")
        self.revert_button = QPushButton(self.tr("Undo changes"), objectName="revert_case")
        self.extend_button = QPushButton(self.tr("Extend deadline…"), objectName="extend")
        for short in (self.registered_on, self.source, self.dispute_type, self.district, self.site):
            short.setMaximumWidth(SHORT_FIELD)  # a date or a choice need not span the window
        self.dialog: ExtendDialog | None = None
        self.errors = FieldErrors()
        self.general = FieldErrors.make_label("general")
        self.general.setVisible(False)
        self._layout()
        self.district.currentIndexChanged.connect(self._district_changed)
        self._district_changed()
        self._watch_edits()
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self._revert)
        self.extend_button.clicked.connect(self.extend)

    def _layout(self) -> None:
        form = QFormLayout()
        add_rows(form, self.errors, [
            (self.tr("Registered on"), self.registered_on, "registered_on"),
            (self.tr("Source"), self.source, "source"),
            (self.tr("Dispute type"), self.dispute_type, "dispute_type"),
            (self.tr("Summary"), self.summary, "summary"),
            (self.tr("Facts and disputed matters"), self.facts, "facts"),
            (self.tr("District"), self.district, "district_id"),
            (self.tr("Site"), self.site, "site_id"),
            (self.tr("Registered by"), self.registrar, "registrar"),
            (self.tr("Mediators"), self.mediators, "mediators"),
        ])
        buttons = QHBoxLayout()
        buttons.addWidget(self.extend_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _watch_edits(self) -> None:
        for signal in (self.registered_on.dateChanged, self.source.currentIndexChanged,
                       self.dispute_type.currentIndexChanged, self.summary.textEdited, self.facts.textChanged,
                       self.district.currentIndexChanged, self.site.currentIndexChanged, self.registrar.textEdited,
                       self.mediators.textEdited):
            signal.connect(self._edited)

    def _edited(self) -> None:
        if not self._filling:
            self.dirty = True
            self.revert_button.setEnabled(True)

    def _district_changed(self) -> None:
        current = self.site.currentData()
        self.site.clear()
        self.site.addItem(self.tr("(none)"), None)
        for d in self._districts:
            if d.id == self.district.currentData():
                for s in d.sites:
                    self.site.addItem(s.name, s.id)
        self.site.setCurrentIndex(max(self.site.findData(current), 0))

    def show_case(self, case: CaseDetail, can_edit: bool) -> None:
        keep = self.dirty and self.case is not None and self.case.id == case.id
        if not keep or case.form == self.case.form:  # nobody else touched these fields: newest version
            self.case = case
        if not keep:
            self._fill(case.form)
        set_editable((self.registered_on, self.source, self.dispute_type, self.summary, self.district, self.site,
                      self.registrar, self.mediators, self.facts, self.save_button), can_edit)
        self.revert_button.setEnabled(can_edit and self.dirty)
        self.extend_button.setEnabled(can_edit and case.status in OPEN_STATUSES)
        self._current = case

    def _fill(self, f: CaseForm) -> None:
        self._filling = True
        try:
            self.registered_on.setDate(QDate(f.registered_on))
            for combo, value in ((self.source, f.source), (self.dispute_type, f.dispute_type),
                                 (self.district, f.district_id)):
                combo.setCurrentIndex(max(combo.findData(value), 0))
            self._district_changed()
            self.site.setCurrentIndex(max(self.site.findData(f.site_id), 0))
            self.summary.setText(f.summary)
            self.facts.setPlainText(f.facts)
            self.registrar.setText(f.registrar)
            self.mediators.setText(f.mediators)
        finally:
            self._filling = False
        self.dirty = False
        self.errors.clear()
        self.general.setVisible(False)

    def form(self) -> CaseForm:
        """The typed form; the incident link is not edited here and stays as it is."""
        return replace(self.case.form, registered_on=self.registered_on.date().toPython(),
                       source=CaseSource(self.source.currentData()),
                       dispute_type=DisputeType(self.dispute_type.currentData()),
                       summary=self.summary.text(), facts=self.facts.toPlainText(),
                       district_id=self.district.currentData(), site_id=self.site.currentData(),
                       registrar=self.registrar.text(), mediators=self.mediators.text())

    def save(self) -> None:
        if self.errors.attempt(self, self.general, lambda: self._mediation.update(
                self.case.id, self.case.version, self.form())):
            self.dirty = False
            self._changed()

    def _revert(self) -> None:
        """Drop the typed changes and show the case as saved now (also by someone else)."""
        self.dirty = False
        self._reload()

    def extend(self) -> None:
        discard(self.dialog)
        self.dialog = ExtendDialog(lambda f: self._mediation.extend(self._current.id, *f), self)
        self.dialog.accepted.connect(self._changed)
        self.dialog.open()
