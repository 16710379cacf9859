"""Add many buildings to a compound at once: "1-24栋", with units and households each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from redband_desktop.errors import RedbandError, ValidationError
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from redband_desktop.services.sites.places import PlacesService


class BulkBuildingsDialog(QDialog):
    def __init__(self, places: PlacesService, site_id: int, site_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._places, self._site_id = places, site_id
        self.added: list[str] = []
        self.setWindowTitle(self.tr("Add buildings to {site}").format(site=site_name))
        self.range = QLineEdit("1-24栋", objectName="range")
        self.units = QSpinBox(objectName="units", maximum=50, value=2)
        self.households = QSpinBox(objectName="households", maximum=2000, value=48)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._errors = FieldErrors()
        form = QFormLayout(self)
        for field, text, widget in (("range", self.tr("Buildings"), self.range),
                                    ("units", self.tr("Units each"), self.units),
                                    ("households", self.tr("Households each"), self.households)):
            form.addRow(text, widget)
            self._errors.add_to_form(field, form, widget)
        form.addRow(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def save(self) -> None:
        try:
            self.added = self._places.add_buildings(
                self._site_id, self.range.text(), self.units.value(), self.households.value())
        except ValidationError as exc:
            self._errors.show(exc.field_messages(ui_lang()))
            return
        except RedbandError as exc:
            show_error(self, exc)
            return
        self.accept()
