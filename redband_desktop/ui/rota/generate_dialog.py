"""Generating shifts from the templates for a chosen period (at most a year): skipped days
are left out and shifts already there are not made again, so running it twice is safe."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from redband_desktop.services.rota.types import Generated
from redband_desktop.ui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from redband_desktop.services.rota.service import RotaService


def _date_edit(name: str, value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value), objectName=name, calendarPopup=True, displayFormat="yyyy-MM-dd")
    return edit


class GenerateDialog(QDialog):
    def __init__(self, rota: RotaService, first: date, district_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Generate shifts"))
        self._rota, self._district_id = rota, district_id
        self.result_: Generated | None = None
        self.first = _date_edit("date_from", first)
        self.last = _date_edit("date_to", first + timedelta(days=27))
        self.general = FieldErrors.make_label("general")
        self.errors = FieldErrors()
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Shifts are made from every active template; skipped days are left out "
                                   "and shifts already there are kept as they are."), wordWrap=True))
        for title, widget, field in ((self.tr("From"), self.first, "date_from"), (self.tr("To"), self.last, "date_to")):
            form.addRow(title, widget)
            self.errors.add_to_form(field, form, widget)
        form.addRow(self.general)
        self.general.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        if self.errors.attempt(self, self.general, self._generate):
            super().accept()

    def _generate(self) -> None:
        self.result_ = self._rota.generate(self.first.date().toPython(), self.last.date().toPython(),
                                           self._district_id)
