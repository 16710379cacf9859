"""Recording or editing one clue report: who reported it (typed, searched in the roster),
when, where (district → site → building or zone, and a free-text location), its type,
urgency and content, and its photos. Wrong fields are shown in red under the field
itself; nothing is saved until every field is right (photos included). A new report may
start prefilled (`initial`: e.g. the volunteer, place and time of a patrol)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from redband_desktop.domain.clues import ClueClosing, ClueStatus, ClueType, ClueUrgency
from redband_desktop.domain.enums import SiteKind
from redband_desktop.services.clues.types import ClueDetail, ClueForm
from redband_desktop.ui.clues.attachments_box import AttachmentsBox
from redband_desktop.ui.clues.reporter_field import ReporterField
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.combos import enum_combo
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.place_combos import PlaceCombos
from redband_desktop.ui.widgets.required import field_caption, required_note

if TYPE_CHECKING:
    from redband_desktop.services import Services


class ClueDialog(QDialog):
    def __init__(self, services: Services, existing: ClueDetail | None = None, parent: QWidget | None = None,
                 initial: ClueForm | None = None, reporter_name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit clue {number}").format(number=existing.number) if existing
                            else self.tr("New clue report"))
        self._services, self._clues, self._existing = services, services.clues, existing
        self.saved: ClueDetail | None = None
        self.reporter = ReporterField(services.roster, self)
        self.reported_at = QDateTimeEdit(QDateTime.currentDateTime().addSecs(-60), objectName="reported_at")
        self.reported_at.setCalendarPopup(True)
        self.reported_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.clue_type = enum_combo(ClueType, "clue_type")
        self.urgency = enum_combo(ClueUrgency, "urgency")
        self.places = PlaceCombos(services.structure, self)
        self.location = QLineEdit(objectName="location", placeholderText=self.tr("e.g. the gate of building 3"))
        self.content = QPlainTextEdit(objectName="content")
        self.content.setPlaceholderText(self.tr("What the volunteer saw or heard"))
        self.content.setMaximumHeight(160)
        self.photos = AttachmentsBox(self._clues.attachment, self)
        self.general = FieldErrors.make_label("general")
        self.errors = FieldErrors()
        self._form = QFormLayout(self)
        self._layout()
        self.places.kind_changed.connect(self._kind_changed)
        self.reporter.picked.connect(self._reporter_picked)
        self._kind_changed(self.places.site_kind())
        if existing is not None:
            self._fill(existing)
        elif initial is not None:
            self._fill_form(initial, reporter_name)

    def _layout(self) -> None:
        form = self._form
        if self._existing is not None:
            form.addRow(self.tr("State"), QLabel(flow_text(self._existing), objectName="flow_state"))
        rows = (
            (self.tr("Reported by"), self.reporter, "reporter_id"),
            (self.tr("Reported at"), self.reported_at, "reported_at"),
            (self.tr("Type"), self.clue_type, "clue_type"), (self.tr("Urgency"), self.urgency, "urgency"),
            (self.tr("District"), self.places.district, "district_id"), (self.tr("Site"), self.places.site, "site_id"),
            (self.tr("Building"), self.places.building, "building_id"),
            (self.tr("Market zone"), self.places.zone, "zone_id"),
            (self.tr("Location"), self.location, "location"), (self.tr("Content"), self.content, "content"),
            (self.tr("Photos"), self.photos, "attachments"),
        )
        required = {"reporter_id", "reported_at", "clue_type", "urgency", "district_id", "content"}
        for title, widget, field in rows:
            form.addRow(field_caption(title, field in required, self), widget)
            self.errors.add_to_form(field, form, widget)
        form.addRow(self.general)
        self.general.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(required_note(self), buttons)
        self.resize(620, 640)

    def _kind_changed(self, kind: SiteKind | None) -> None:
        self._form.setRowVisible(self.places.building, kind is SiteKind.COMPOUND)
        self._form.setRowVisible(self.places.zone, kind is SiteKind.MARKET)

    def _reporter_picked(self, volunteer_id: int) -> None:
        """A new clue usually happened where the volunteer serves: offer their site."""
        if self._existing is None and self.places.site_id() is None:
            v = self._services.roster.get(volunteer_id)
            self.places.set_place(v.site_id, v.building_id, v.zone_id)

    def _fill(self, d: ClueDetail) -> None:
        self._fill_form(d.form, d.reporter_name)
        self.photos.set_stored(d.attachments)

    def _fill_form(self, f: ClueForm, reporter_name: str) -> None:
        if f.reporter_id is not None:
            self.reporter.set_reporter(f.reporter_id, reporter_name)
        self.reported_at.setDateTime(QDateTime(f.reported_at))
        for combo, value in ((self.clue_type, f.clue_type), (self.urgency, f.urgency),
                             (self.places.district, f.district_id)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        if f.site_id is not None:
            self.places.set_place(f.site_id, f.building_id, f.zone_id)
        self.location.setText(f.location)
        self.content.setPlainText(f.content)

    def form(self) -> ClueForm:
        return ClueForm(
            reporter_id=self.reporter.reporter_id(),
            reported_at=self.reported_at.dateTime().toPython().replace(second=0, microsecond=0),
            district_id=self.places.district.currentData(), site_id=self.places.site_id(),
            building_id=self.places.building_id(), zone_id=self.places.zone_id(),
            clue_type=self.clue_type.currentData(), urgency=self.urgency.currentData(),
            location=self.location.text(), content=self.content.toPlainText(),
        )

    def accept(self) -> None:
        if self.errors.attempt(self, self.general, self._save):
            super().accept()

    def _save(self) -> None:
        if self._existing is None:
            self.saved = self._clues.create(self.form(), self.photos.new_photos())
        else:
            self.saved = self._clues.update(self._existing.id, self._existing.version, self.form(),
                                            self.photos.new_photos(), self.photos.removed)


def flow_text(d: ClueDetail) -> str:
    """Where a clue stands, in one line: status, who verified it, to whom it went, how it ended."""
    lang = ui_lang()
    parts = [f"{d.number}　{ClueStatus(d.status).label(lang)}"]
    if d.verified_at:
        parts.append(f"{d.verified_at:%m-%d %H:%M} {d.verified_by}")
    if d.transferred_to:
        parts.append(f"→ {d.transferred_to}")
    if d.closing:
        parts.append(ClueClosing(d.closing).label(lang) + (f" {d.incident_number}" if d.incident_number else ""))
    return "　".join(parts)
