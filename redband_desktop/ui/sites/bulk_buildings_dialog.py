"""Add many buildings to a compound at once: a range such as "1-24栋", with units and
households each. The range is a placeholder, never text that OK would add by accident, and
the labels that will be added (and those skipped because they exist) show before OK."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from redband_desktop.domain.buildings import range_labels
from redband_desktop.errors import RedbandError, ValidationError
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.wrapping_label import help_label

if TYPE_CHECKING:
    from redband_desktop.services.sites.places import PlacesService

SHOWN = 12  # labels listed in the preview before "…"


class BulkBuildingsDialog(QDialog):
    def __init__(self, places: PlacesService, site_id: int, site_name: str, existing: set[str],
                 parent: QWidget | None = None) -> None:
        """`existing`: the site's building labels now (they are skipped)."""
        super().__init__(parent)
        self._places, self._site_id, self._existing = places, site_id, existing
        self.added: list[str] = []
        self.setWindowTitle(self.tr("Add buildings to {site}").format(site=site_name))
        self.range = QLineEdit(objectName="range", placeholderText=self.tr("e.g. 1-24栋"))
        self.units = QSpinBox(objectName="units", maximum=50, value=2)
        self.households = QSpinBox(objectName="households", maximum=2000, value=48)
        self.preview = help_label("")
        self.preview.setObjectName("preview")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._errors = FieldErrors()
        form = QFormLayout(self)
        for field, text, widget in (("range", self.tr("Buildings"), self.range),
                                    ("units", self.tr("Units each"), self.units),
                                    ("households", self.tr("Households each"), self.households)):
            form.addRow(text, widget)
            self._errors.add_to_form(field, form, widget)
        form.addRow(self.preview)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.range.textChanged.connect(self._show_preview)
        self._show_preview()
        self.resize(460, 0)

    def _show_preview(self) -> None:
        try:
            labels = range_labels(self.range.text()) if self.range.text().strip() else []
        except ValidationError:
            labels = []
        new = [x for x in labels if x not in self._existing]
        skipped = len(labels) - len(new)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(new))
        if not labels:
            self.preview.setText(self.tr("Type a range such as 1-24栋; the buildings it adds are listed here."))
            return
        shown = "、".join(new) if len(new) <= SHOWN else "、".join(new[:SHOWN - 1]) + " … " + new[-1]
        text = self.tr("Adds {n}: {labels}").format(n=len(new), labels=shown) if new else self.tr("Adds none")
        if skipped:
            text += self.tr(" ({n} already exist and are skipped)").format(n=skipped)
        self.preview.setText(text)

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
