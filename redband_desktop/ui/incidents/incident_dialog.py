"""Recording or editing one incident: times, channel, caller, place, category with its
subtype or fraud method and loss, summary and handling officer. Wrong fields are shown in
red under the field itself; nothing is saved until every field is right. A new incident may
start prefilled (`initial`, with the names of its volunteers: e.g. from a patrol)."""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.coverage import PlaceKind
from redband_desktop.domain.incidents import (
    SUBTYPES,
    FraudMethod,
    IncidentCategory,
    IncidentChannel,
)
from redband_desktop.services.incidents.service import IncidentService
from redband_desktop.services.incidents.types import IncidentDetail, IncidentForm
from redband_desktop.services.roster.service import RosterService
from redband_desktop.services.sites.types import DistrictNode
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.incidents.volunteer_list import VolunteerList
from redband_desktop.ui.widgets.combos import enum_combo
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.fitting import fit_to_screen, scrolling_body
from redband_desktop.ui.widgets.required import field_caption, save_footer


def _time_edit(name: str) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime.currentDateTime().addSecs(-60), objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


_ERROR_FIELDS = {"place": ("building_id", "zone_id")}  # one combo answers for both service fields


_REQUIRED = {"received_at", "channel", "category", "district_id"}  # what the service refuses without


class IncidentDialog(QDialog):
    def __init__(self, incidents: IncidentService, roster: RosterService, districts: list[DistrictNode],
                 existing: IncidentDetail | None = None, parent: QWidget | None = None,
                 initial: IncidentForm | None = None, names: dict[int, str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit incident") if existing else self.tr("Record an incident"))
        self._incidents, self._districts, self._existing = incidents, districts, existing
        self.saved: IncidentDetail | None = None
        self.received_at, self.occurred_at = _time_edit("received_at"), _time_edit("occurred_at")
        self.occurred_known = QCheckBox(self.tr("Time of occurrence known"), objectName="occurred_known")
        self.channel = enum_combo(IncidentChannel, "channel")
        self.category = enum_combo(IncidentCategory, "category")
        self.subcategory = QComboBox(objectName="subcategory")
        self.fraud_method = enum_combo(FraudMethod, "fraud_method", self.tr("(none)"))
        self.loss = QLineEdit(objectName="loss_yuan", placeholderText=self.tr("yuan"))
        self.district, self.site = QComboBox(objectName="district"), QComboBox(objectName="site")
        self.place = QComboBox(objectName="place")
        for d in districts:
            self.district.addItem(d.name, d.id)
        self.location = QLineEdit(objectName="location")
        self.caller_name, self.caller_phone = QLineEdit(objectName="caller_name"), QLineEdit(objectName="caller_phone")
        self.confidential = QCheckBox(self.tr("Keep the caller confidential"), objectName="caller_confidential")
        self.summary, self.officer = QPlainTextEdit(objectName="summary"), QLineEdit(objectName="handling_officer")
        self.volunteers = VolunteerList(roster, self)
        self.general = FieldErrors.make_label("general")
        self.errors = FieldErrors()
        self._layout()
        self.category.currentIndexChanged.connect(self._category_changed)
        self.district.currentIndexChanged.connect(self._district_changed)
        self.site.currentIndexChanged.connect(self._site_changed)
        self.occurred_known.toggled.connect(self.occurred_at.setEnabled)
        self._category_changed()
        self._district_changed()
        self.occurred_at.setEnabled(False)
        if existing is not None:
            self._fill(existing.form, existing.volunteer_names)
        elif initial is not None:
            self._fill(initial, names or {})

    def _layout(self) -> None:
        """Two columns (what happened | where and who) above the summary and volunteers,
        so the form fits a laptop screen; it scrolls when errors make it taller."""
        when = (
            (self.tr("Received at"), self.received_at, "received_at"), ("", self.occurred_known, None),
            (self.tr("Occurred at"), self.occurred_at, "occurred_at"), (self.tr("Channel"), self.channel, "channel"),
            (self.tr("Category"), self.category, "category"), (self.tr("Subtype"), self.subcategory, "subcategory"),
            (self.tr("Fraud method"), self.fraud_method, "fraud_method"), (self.tr("Loss"), self.loss, "loss_yuan"),
        )
        where = (
            (self.tr("District"), self.district, "district_id"), (self.tr("Site"), self.site, "site_id"),
            (self.tr("Building or zone"), self.place, "place"), (self.tr("Location"), self.location, "location"),
            (self.tr("Caller"), self.caller_name, "caller_name"),
            (self.tr("Caller phone"), self.caller_phone, "caller_phone"), ("", self.confidential, None),
            (self.tr("Handling officer"), self.officer, "handling_officer"),
        )
        below = ((self.tr("Summary"), self.summary, "summary"), (self.tr("Volunteers"), self.volunteers, "volunteers"))
        body = QWidget()
        columns = QHBoxLayout()
        columns.addLayout(self._form(when), 1)
        columns.addLayout(self._form(where), 1)
        rest = self._form(below)
        if self._existing is not None and self._existing.mediation_cases:
            cases = "、".join(number for _id, number in self._existing.mediation_cases)
            rest.addRow(self.tr("Mediation case"), QLabel(cases, objectName="mediation_cases"))
        rest.addRow(self.general)
        outer = QVBoxLayout(body)
        outer.addLayout(columns)
        outer.addLayout(rest)
        self.summary.setMinimumHeight(80)
        scrolling_body(self, body, save_footer(self))
        fit_to_screen(self, 980, 680)

    def _form(self, rows) -> QFormLayout:  # noqa: ANN001 - (title, widget, field) triples
        form = QFormLayout()
        for title, widget, field in rows:
            form.addRow(field_caption(title, field in _REQUIRED, self), widget)
            for name in _ERROR_FIELDS.get(field, (field,) if field else ()):
                self.errors.add_to_form(name, form, widget)
        return form

    def _category_changed(self) -> None:
        kind = SUBTYPES.get(IncidentCategory(self.category.currentData()))
        self.subcategory.clear()
        self.subcategory.addItem(self.tr("(none)"), "")
        for member in kind or ():
            self.subcategory.addItem(member.label(ui_lang()), member.value)
        self.subcategory.setEnabled(kind is not None)
        is_fraud = self.category.currentData() == IncidentCategory.FRAUD
        self.fraud_method.setEnabled(is_fraud)
        if not is_fraud:
            self.fraud_method.setCurrentIndex(0)

    def _district_changed(self) -> None:
        self.site.clear()
        self.site.addItem(self.tr("(none)"), None)
        for d in self._districts:
            if d.id == self.district.currentData():
                for s in d.sites:
                    self.site.addItem(s.name, s.id)

    def _site_changed(self) -> None:
        """A compound offers its buildings, a market its zones; other sites have neither."""
        self.place.clear()
        self.place.addItem(self.tr("(none)"), None)
        site = next((s for d in self._districts for s in d.sites if s.id == self.site.currentData()), None)
        for p in site.places if site else ():
            self.place.addItem(p.label, f"{p.kind.value}:{p.id}")
        self.place.setEnabled(self.place.count() > 1)

    def _place_id(self, kind: PlaceKind) -> int | None:
        kind_code, _, ident = (self.place.currentData() or "").partition(":")
        return int(ident) if kind_code == kind.value else None

    def _fill(self, f: IncidentForm, names: dict[int, str]) -> None:
        self.received_at.setDateTime(QDateTime(f.received_at))
        self.occurred_known.setChecked(f.occurred_at is not None)
        if f.occurred_at is not None:
            self.occurred_at.setDateTime(QDateTime(f.occurred_at))
        for combo, value in ((self.channel, f.channel), (self.category, f.category), (self.district, f.district_id)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        for combo, value in ((self.subcategory, f.subcategory), (self.fraud_method, f.fraud_method),
                             (self.site, f.site_id)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        place = f"{PlaceKind.BUILDING.value}:{f.building_id}" if f.building_id else f"{PlaceKind.ZONE.value}:{f.zone_id}"
        self.place.setCurrentIndex(max(self.place.findData(place), 0))
        self.loss.setText("" if f.loss_yuan is None else str(f.loss_yuan))
        self.location.setText(f.location)
        self.caller_name.setText(f.caller_name)
        hidden = f.caller_confidential and not f.caller_name  # the service keeps it from this user
        self.caller_name.setPlaceholderText(self.tr("(confidential)") if hidden else "")
        self.caller_phone.setText(f.caller_phone)
        self.confidential.setChecked(f.caller_confidential)
        self.summary.setPlainText(f.summary)
        self.officer.setText(f.handling_officer)
        self.volunteers.set_links(f.volunteers, names)

    def form(self) -> IncidentForm:
        # the loss goes as typed: the service reads it ("1,200.50") and names what is wrong
        # with it beside every other wrong field
        return IncidentForm(
            received_at=self.received_at.dateTime().toPython().replace(second=0, microsecond=0),
            occurred_at=(self.occurred_at.dateTime().toPython().replace(second=0, microsecond=0)
                         if self.occurred_known.isChecked() else None),
            channel=self.channel.currentData(), category=self.category.currentData(),
            subcategory=self.subcategory.currentData() or "", fraud_method=self.fraud_method.currentData() or "",
            loss_yuan=self.loss.text().strip() or None,
            district_id=self.district.currentData(), site_id=self.site.currentData(),
            building_id=self._place_id(PlaceKind.BUILDING), zone_id=self._place_id(PlaceKind.ZONE),
            location=self.location.text(), caller_name=self.caller_name.text(), caller_phone=self.caller_phone.text(),
            caller_confidential=self.confidential.isChecked(), summary=self.summary.toPlainText(),
            handling_officer=self.officer.text(), volunteers=self.volunteers.links(),
        )

    def accept(self) -> None:
        if self.errors.attempt(self, self.general, self._save):
            super().accept()

    def _save(self) -> None:
        form = self.form()
        if self._existing is None:
            self.saved = self._incidents.create(form)
        else:
            self.saved = self._incidents.update(self._existing.id, self._existing.version, form)



