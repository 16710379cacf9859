"""A shift template, new or edited: the place (district → site → building or zone), the duty type,
the weekdays, the time span (the end follows the duty type's default length until it is
changed; an end before the start runs past midnight), people needed, an optional leader
(带班人, picked like any volunteer, the place's own first) and notes. Wrong
fields are shown in red under the field itself; nothing is saved until every one is right.
An edit reaches only the template's future shifts nobody is on yet (`saved_counts` says how
many were changed, removed and added)."""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from redband_desktop.domain.enums import SiteKind
from redband_desktop.domain.rota import DutyType, default_end
from redband_desktop.services.rota.types import TemplateForm, TemplateInfo, TemplateSaved
from redband_desktop.ui.widgets.combos import enum_combo
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.place_combos import PlaceCombos
from redband_desktop.ui.widgets.required import field_caption, required_note
from redband_desktop.ui.widgets.volunteer_picker import VolunteerPicker

if TYPE_CHECKING:
    from redband_desktop.services import Services


class TemplateDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None,
                 existing: TemplateInfo | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit shift template") if existing else self.tr("New shift template"))
        self._rota, self._roster, self._existing = services.rota, services.roster, existing
        self.saved: TemplateInfo | None = None
        self.saved_counts: TemplateSaved | None = None
        self.places = PlaceCombos(services.structure, self)
        self.duty = enum_combo(DutyType, "duty_type")
        names = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                 self.tr("Sat"), self.tr("Sun"))
        self.days = [QCheckBox(name, objectName=f"weekday_{n}", checked=True) for n, name in enumerate(names)]
        self.start = QTimeEdit(QTime(19, 0), objectName="start_time", displayFormat="HH:mm")
        self.end = QTimeEdit(objectName="end_time", displayFormat="HH:mm")
        self.needed = QSpinBox(objectName="needed", minimum=1, maximum=50, value=2)
        self.notes = QLineEdit(objectName="notes", maxLength=500)
        self.leader = QPushButton(objectName="leader")
        self.leader_clear = QPushButton(self.tr("No leader"), objectName="no_leader")
        self._leader_id: int | None = None
        self._show_leader(None, "")
        self.general = FieldErrors.make_label("general")
        self.errors = FieldErrors()
        self._end_touched = False
        self._form = QFormLayout(self)
        self._layout()
        self._follow_default()
        self.duty.currentIndexChanged.connect(self._follow_default)
        self.start.timeChanged.connect(self._follow_default)
        self.end.editingFinished.connect(self._end_edited)
        self.places.kind_changed.connect(self._kind_changed)
        self.leader.clicked.connect(self._pick_leader)
        self.leader_clear.clicked.connect(lambda: self._show_leader(None, ""))
        self._kind_changed(self.places.site_kind())
        if existing is not None:
            self._fill(existing.form)

    def _fill(self, f: TemplateForm) -> None:
        self._show_leader(f.leader_id, self._existing.leader if self._existing else "")
        self.places.set_place(f.site_id, f.building_id, f.zone_id)
        self.duty.setCurrentIndex(max(self.duty.findData(f.duty_type), 0))
        for n, box in enumerate(self.days):
            box.setChecked(n in f.weekdays)
        self.start.setTime(QTime(f.start_time.hour, f.start_time.minute))
        self._end_touched = True  # keep the saved end
        self.end.setTime(QTime(f.end_time.hour, f.end_time.minute))
        self.needed.setValue(f.needed)
        self.notes.setText(f.notes)

    def _layout(self) -> None:
        week = QWidget(objectName="weekdays")
        row = QHBoxLayout(week)
        row.setContentsMargins(0, 0, 0, 0)
        for box in self.days:
            row.addWidget(box)
        leader = QWidget(objectName="leader_row")
        pick = QHBoxLayout(leader)
        pick.setContentsMargins(0, 0, 0, 0)
        pick.addWidget(self.leader, 1)
        pick.addWidget(self.leader_clear)
        rows = (
            (self.tr("District"), self.places.district, "district_id"), (self.tr("Site"), self.places.site, "site_id"),
            (self.tr("Building"), self.places.building, "building_id"),
            (self.tr("Market zone"), self.places.zone, "zone_id"),
            (self.tr("Duty type"), self.duty, "duty_type"), (self.tr("Weekdays"), week, "weekdays"),
            (self.tr("Starts at"), self.start, "start_time"), (self.tr("Ends at"), self.end, "end_time"),
            (self.tr("People needed"), self.needed, "needed"), (self.tr("Leader"), leader, "leader_id"),
            (self.tr("Notes"), self.notes, "notes"),
        )
        required = {"site_id", "duty_type", "weekdays", "start_time", "end_time", "needed"}
        for title, widget, field in rows:
            self._form.addRow(field_caption(title, field in required, self), widget)
            self.errors.add_to_form(field, self._form, widget)
        self._form.addRow(self.general)
        self.general.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._form.addRow(required_note(self), buttons)

    def _kind_changed(self, kind: SiteKind | None) -> None:
        self._form.setRowVisible(self.places.building, kind is SiteKind.COMPOUND)
        self._form.setRowVisible(self.places.zone, kind is SiteKind.MARKET)

    def _show_leader(self, volunteer_id: int | None, name: str) -> None:
        self._leader_id = volunteer_id
        self.leader.setText(name if volunteer_id is not None else self.tr("(none) — choose…"))
        self.leader_clear.setEnabled(volunteer_id is not None)

    def _pick_leader(self) -> None:
        picker = VolunteerPicker(self._roster, self.tr("Leader of these shifts"), None, parent=self,
                                 site_first=self.places.site_id())
        if picker.exec() and picker.picked is not None:
            self._show_leader(picker.picked.id, picker.picked.name)

    def _end_edited(self) -> None:
        self._end_touched = True

    def _follow_default(self) -> None:
        """The end follows the duty type's default length until the clerk sets it."""
        if self._end_touched:
            return
        end = default_end(self.start.time().toPython(), DutyType(self.duty.currentData()))
        self.end.setTime(QTime(end.hour, end.minute))

    def form(self) -> TemplateForm:
        start: time = self.start.time().toPython()
        end: time = self.end.time().toPython()
        return TemplateForm(
            site_id=self.places.site_id(), duty_type=self.duty.currentData(), start_time=start, end_time=end,
            weekdays=tuple(n for n, box in enumerate(self.days) if box.isChecked()), needed=self.needed.value(),
            building_id=self.places.building_id(), zone_id=self.places.zone_id(), leader_id=self._leader_id,
            notes=self.notes.text(),
        )

    def accept(self) -> None:
        if self.errors.attempt(self, self.general, self._save):
            super().accept()

    def _save(self) -> None:
        if self._existing is None:
            self.saved = self._rota.create_template(self.form())
            return
        self.saved_counts = self._rota.update_template(self._existing.id, self._existing.version, self.form())
        self.saved = self.saved_counts.template
