"""The station's security settings, for administrators: idle-lock minutes and how many
years after leaving a volunteer's personal data may be purged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from redband_desktop.ui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from redband_desktop.services.station.service import StationService


class SecuritySettingsBox(QGroupBox):

    def __init__(self, station: StationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._station = station
        self.setTitle(self.tr("Security settings"))
        self.idle_minutes = QSpinBox(objectName="idle_minutes", minimum=1, maximum=240)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.purge_after_years = QSpinBox(objectName="purge_after_years", minimum=1, maximum=30)
        self.purge_after_years.setSuffix(self.tr(" years"))
        for box in (self.idle_minutes, self.purge_after_years):
            box.setMaximumWidth(120)
        self.save_button = QPushButton(self.tr("Save settings"), objectName="save_security")
        self.save_button.clicked.connect(self.save)
        self.saved_note = QLabel(objectName="security_saved")
        self.saved_note.setStyleSheet("color:#2e7d32")
        self.general = FieldErrors.make_label("security_general")
        self.general.hide()
        self.errors = FieldErrors()
        form = QFormLayout(self)
        form.addRow(self.tr("Lock the screen after no input for"), self.idle_minutes)
        self.errors.add_to_form("idle_minutes", form, self.idle_minutes)
        form.addRow(self.tr("Personal data may be purged after leaving for"), self.purge_after_years)
        self.errors.add_to_form("purge_after_years", form, self.purge_after_years)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_note, 1)
        form.addRow(self.general)
        form.addRow(row)
        self.load()

    def load(self) -> None:
        settings = self._station.settings()
        self.idle_minutes.setValue(settings.idle_minutes)
        self.purge_after_years.setValue(settings.purge_after_years)

    def save(self) -> None:
        self.saved_note.clear()
        if self.errors.attempt(self, self.general, lambda: self._station.update_security(
                self.idle_minutes.value(), self.purge_after_years.value())):
            self.saved_note.setText(self.tr("Saved."))
