"""Recording or editing one activity: its type (the type's own fields appear with it),
theme, day and time span, place (district → site → building or zone, and a free-text
location), organiser, the volunteers who took part with each one's hours, notes and
photos. An anti-fraud talk names the real cases it used by their incident numbers.
Wrong fields are shown in red under the field; nothing is saved until every field is
right. The form scrolls on a small screen; Save and Cancel stay in sight."""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.activities import (
    ActivityType,
    OrganiserKind,
    extra_fields,
    span_minutes,
)
from redband_desktop.domain.enums import SiteKind
from redband_desktop.services.activities.types import ActivityDetail, ActivityForm
from redband_desktop.services.incidents.types import IncidentFilter
from redband_desktop.ui.activities.participants_box import ParticipantsBox
from redband_desktop.ui.clues.attachments_box import AttachmentsBox
from redband_desktop.ui.widgets.combos import enum_combo
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.fitting import fit_to_screen, scrolling_body
from redband_desktop.ui.widgets.place_combos import PlaceCombos
from redband_desktop.ui.widgets.required import field_caption, save_footer

if TYPE_CHECKING:
    from redband_desktop.services import Services

_REQUIRED = {"activity_type", "day", "start_time", "end_time", "district_id", "organiser_kind"}
_COUNTS = ("audience", "leaflets", "households", "needs_raised")


def _count(edit: QLineEdit) -> str | None:
    """What was typed into a figure's box (the service checks it); empty is no figure."""
    text = edit.text().strip()
    return text or None


class ActivityDialog(QDialog):
    def __init__(self, services: Services, existing: ActivityDetail | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit activity") if existing else self.tr("Record an activity"))
        self._services, self._activities, self._existing = services, services.activities, existing
        self.saved: ActivityDetail | None = None
        self.activity_type = enum_combo(ActivityType, "activity_type")
        self.theme = QLineEdit(objectName="theme", placeholderText=self.tr("e.g. spotting fake customer-service refunds"))
        self.day = QDateEdit(QDate.currentDate(), objectName="day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.start_time = QTimeEdit(QTime(9, 0), objectName="start_time")
        self.end_time = QTimeEdit(QTime(11, 0), objectName="end_time")
        for edit in (self.start_time, self.end_time):
            edit.setDisplayFormat("HH:mm")
        self.places = PlaceCombos(services.structure, self)
        self.location = QLineEdit(objectName="location", placeholderText=self.tr("e.g. the square by gate 2"))
        self.organiser_kind = enum_combo(OrganiserKind, "organiser_kind")
        self.organiser = QLineEdit(objectName="organiser", placeholderText=self.tr("Name of the unit or operator"))
        self.counts = {name: QLineEdit(objectName=name) for name in _COUNTS}
        self.incident_numbers = QLineEdit(objectName="incident_ids",
                                          placeholderText=self.tr("Incident numbers, separated by spaces"))
        self.cases_note = QLineEdit(objectName="cases_note",
                                    placeholderText=self.tr("Cases from elsewhere, not in the register"))
        self.subject = QLineEdit(objectName="subject")
        self.counts_as_training = QCheckBox(self.tr("Counts as training in the service record"),
                                            objectName="counts_as_training")
        self.participants = ParticipantsBox(services.roster, self.places.site_id, self)
        self.notes = QPlainTextEdit(objectName="notes")
        self.notes.setMaximumHeight(70)
        self.photos = AttachmentsBox(self._activities.photo, self)
        self.general = FieldErrors.make_label("general")
        self.errors = FieldErrors()
        self._rows: dict[str, tuple[QFormLayout, QWidget]] = {}
        self._layout()
        self.activity_type.currentIndexChanged.connect(self._type_changed)
        self.places.kind_changed.connect(self._kind_changed)
        self.organiser_kind.currentIndexChanged.connect(self._organiser_changed)
        if existing is not None:
            self._fill(existing)
        self._type_changed()
        self._kind_changed(self.places.site_kind())
        self._organiser_changed()

    # -- layout --------------------------------------------------------------------
    def _layout(self) -> None:
        """Two columns (what and when | where and who organised it) above the type's own
        figures, the participants, notes and photos."""
        what = (
            (self.tr("Type"), self.activity_type, "activity_type"), (self.tr("Theme"), self.theme, "theme"),
            (self.tr("Day"), self.day, "day"), (self.tr("Starts"), self.start_time, "start_time"),
            (self.tr("Ends"), self.end_time, "end_time"),
            (self.tr("Organised by"), self.organiser_kind, "organiser_kind"),
            (self.tr("Organiser"), self.organiser, "organiser"),
        )
        where = (
            (self.tr("District"), self.places.district, "district_id"), (self.tr("Site"), self.places.site, "site_id"),
            (self.tr("Building"), self.places.building, "building_id"),
            (self.tr("Market zone"), self.places.zone, "zone_id"), (self.tr("Location"), self.location, "location"),
        )
        figures = (
            (self.tr("Audience"), self.counts["audience"], "audience"),
            (self.tr("Leaflets handed out"), self.counts["leaflets"], "leaflets"),
            (self.tr("Real cases used"), self.incident_numbers, "incident_ids"),
            (self.tr("Other cases"), self.cases_note, "cases_note"),
            (self.tr("Households visited"), self.counts["households"], "households"),
            (self.tr("Needs raised"), self.counts["needs_raised"], "needs_raised"),
            (self.tr("Training subject"), self.subject, "subject"), ("", self.counts_as_training, "counts_as_training"),
        )
        rest = (
            (self.tr("Participants"), self.participants, "participants"), (self.tr("Notes"), self.notes, "notes"),
            (self.tr("Photos"), self.photos, "attachments"),
        )
        body = QWidget()
        columns = QHBoxLayout()
        columns.addLayout(self._form(what), 1)
        columns.addLayout(self._form(where), 1)
        self._figures = self._form(figures)
        below = self._form(rest)
        below.addRow(self.general)
        self.general.setVisible(False)
        outer = QVBoxLayout(body)
        outer.addLayout(columns)
        outer.addLayout(self._figures)
        outer.addLayout(below)
        scrolling_body(self, body, save_footer(self))
        fit_to_screen(self, 900, 680)

    def _form(self, rows) -> QFormLayout:  # noqa: ANN001 - (title, widget, field) triples
        form = QFormLayout()
        for title, widget, field in rows:
            form.addRow(field_caption(title, field in _REQUIRED, self), widget)
            self.errors.add_to_form(field, form, widget)
            self._rows[field] = (form, widget)
        return form

    def _show_row(self, field: str, visible: bool) -> None:
        form, widget = self._rows[field]
        form.setRowVisible(widget, visible)

    def _type_changed(self) -> None:
        own = extra_fields(self.activity_type.currentData() or "")
        for field in ("audience", "leaflets", "incident_ids", "cases_note", "households", "needs_raised", "subject",
                      "counts_as_training"):
            self._show_row(field, field in own)

    def _kind_changed(self, kind: SiteKind | None) -> None:
        self._show_row("building_id", kind is SiteKind.COMPOUND)
        self._show_row("zone_id", kind is SiteKind.MARKET)

    def _organiser_changed(self) -> None:
        self.organiser.setEnabled(self.organiser_kind.currentData() != OrganiserKind.STATION)

    # -- values --------------------------------------------------------------------
    def _fill(self, d: ActivityDetail) -> None:
        f = d.form
        for combo, value in ((self.activity_type, f.activity_type), (self.organiser_kind, f.organiser_kind),
                             (self.places.district, f.district_id)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        if f.site_id is not None:
            self.places.set_place(f.site_id, f.building_id, f.zone_id)
        self.theme.setText(f.theme)
        self.day.setDate(QDate(f.day))
        self.start_time.setTime(QTime(f.start_time.hour, f.start_time.minute))
        self.end_time.setTime(QTime(f.end_time.hour, f.end_time.minute))
        self.location.setText(f.location)
        self.organiser.setText(f.organiser)
        for name, edit in self.counts.items():
            value = getattr(f, name)
            edit.setText("" if value is None else str(value))
        self.incident_numbers.setText(" ".join(number for _id, number in d.incidents))
        self.cases_note.setText(f.cases_note)
        self.subject.setText(f.subject)
        self.counts_as_training.setChecked(f.counts_as_training)
        span = span_minutes(datetime.combine(f.day, f.start_time), datetime.combine(f.day, f.end_time))
        self.participants.set_participants(d.participants, span)
        self.notes.setPlainText(f.notes)
        self.photos.set_stored(d.photos)

    def incident_ids(self) -> tuple[tuple[int, ...], list[str]]:
        """The incidents named by number, and the numbers not in the register."""
        if "incident_ids" not in extra_fields(self.activity_type.currentData() or ""):
            return (), []
        found, missing = [], []
        for number in re.split(r"[\s,，、;；]+", self.incident_numbers.text().strip()):
            if not number:
                continue
            rows = self._services.incidents.search(IncidentFilter(text=number), 20).first_page
            match = next((r.id for r in rows if r.number.upper() == number.upper()), None)
            if match is None:
                missing.append(number)
            else:
                found.append(match)
        return tuple(found), missing

    def form(self, incident_ids: tuple[int, ...] = ()) -> ActivityForm:
        kind = self.activity_type.currentData() or ""
        own = extra_fields(kind)
        counts = {name: _count(edit) if name in own else None for name, edit in self.counts.items()}
        start, end = self.start_time.time().toPython(), self.end_time.time().toPython()
        return ActivityForm(
            activity_type=kind, day=self.day.date().toPython(), start_time=time(start.hour, start.minute),
            end_time=time(end.hour, end.minute), district_id=self.places.district.currentData(),
            site_id=self.places.site_id(), building_id=self.places.building_id(), zone_id=self.places.zone_id(),
            location=self.location.text(), organiser_kind=self.organiser_kind.currentData() or "",
            organiser=self.organiser.text() if self.organiser.isEnabled() else "", theme=self.theme.text(),
            notes=self.notes.toPlainText(), participants=self.participants.participants(),
            incident_ids=incident_ids, cases_note=self.cases_note.text() if "cases_note" in own else "",
            subject=self.subject.text() if "subject" in own else "",
            counts_as_training="counts_as_training" in own and self.counts_as_training.isChecked(),
            **counts,
        )

    def accept(self) -> None:
        ids, missing = self.incident_ids()
        if missing:
            self.errors.clear()
            self.errors.set("incident_ids", self.tr("Not in the incident register: {numbers}").format(
                numbers="、".join(missing)))
            self.incident_numbers.setFocus()
            return
        if self.errors.attempt(self, self.general, lambda: self._save(self.form(ids))):
            super().accept()

    def _save(self, form: ActivityForm) -> None:
        if self._existing is None:
            self.saved = self._activities.create(form, self.photos.new_photos())
        else:
            self.saved = self._activities.update(self._existing.id, self._existing.version, form,
                                                 self.photos.new_photos(), self.photos.removed)
