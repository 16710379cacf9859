"""File → Station settings… (administrators): the station's name, the prefix of new
incident numbers (JJH-2026-000123), the mediation committee's name printed on
agreements and case files, how many days after a shift its attendance may still be
recorded (排班 考勤补录天数), the head and contact phone printed on service certificates, and
after how many days without service a volunteer is listed as inactive. Wrong fields are
shown under themselves; nothing is saved
until all are right."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from redband_desktop.services.station.service import MAX_DAYS_BACK
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.wrapping_label import help_label

if TYPE_CHECKING:
    from redband_desktop.services.station.service import StationService


class StationSettingsDialog(QDialog):
    def __init__(self, station: StationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._station = station
        self.setWindowTitle(self.tr("Station settings"))
        current = station.settings()
        self.name = QLineEdit(current.name, objectName="station_name")
        self.prefix = QLineEdit(current.incident_prefix, objectName="incident_prefix", maxLength=10)
        self.committee = QLineEdit(current.committee, objectName="committee")
        self.committee.setPlaceholderText(self.tr("{station}人民调解委员会").format(station=current.name))
        self.head = QLineEdit(current.head, objectName="station_head", maxLength=40)
        self.phone = QLineEdit(current.phone, objectName="station_phone", maxLength=20)
        self.inactive_days = QSpinBox(objectName="inactive_days", minimum=7, maximum=730)
        self.inactive_days.setValue(current.inactive_days)
        self.inactive_days.setSuffix(self.tr(" days"))
        self.inactive_days.setMaximumWidth(120)
        self.example = QLabel(objectName="prefix_example")
        self.days_back = QSpinBox(objectName="attendance_days_back", minimum=0, maximum=MAX_DAYS_BACK)
        self.days_back.setValue(current.attendance_days_back)
        self.days_back.setSuffix(self.tr(" days"))
        self.days_back.setMaximumWidth(120)
        self.general = FieldErrors.make_label("general")
        self.general.hide()
        self.errors = FieldErrors()
        form = QFormLayout(self)
        form.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows with shown errors
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for title, widget, field in (
            (self.tr("Station name"), self.name, "station_name"),
            (self.tr("Incident number prefix"), self.prefix, "incident_prefix"),
            ("", self.example, None),
            (self.tr("Mediation committee"), self.committee, "committee"),
            (self.tr("Attendance may be recorded for"), self.days_back, "attendance_days_back"),
            (self.tr("Head (on certificates)"), self.head, "station_head"),
            (self.tr("Contact phone (on certificates)"), self.phone, "station_phone"),
            (self.tr("Inactive after no service for"), self.inactive_days, "inactive_days"),
        ):
            form.addRow(title, widget)
            if field:
                self.errors.add_to_form(field, form, widget)
        form.addRow(help_label(self.tr("Numbers already given keep their prefix. Leave the committee empty "
                                       "to print the station's name followed by 人民调解委员会. Attendance on a "
                                       "shift can be recorded from its start until this many days after its "
                                       "day (0–60; 0: only on the day).")))
        form.addRow(self.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.prefix.textChanged.connect(self._show_example)
        self._show_example()
        self.resize(520, 0)

    def _show_example(self) -> None:
        prefix = self.prefix.text().strip().upper() or "…"
        self.example.setText(self.tr("New numbers look like {number}").format(number=f"{prefix}-{date.today().year}-000123"))

    def accept(self) -> None:
        if self.errors.attempt(self, self.general, lambda: self._station.update_station(
                self.name.text(), self.prefix.text(), self.committee.text(), self.days_back.value(),
                self.head.text(), self.phone.text(), self.inactive_days.value())):
            super().accept()
