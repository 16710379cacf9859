"""Record or correct a commendation or award (表彰奖励) of a volunteer: its name, level,
date and awarding body. Wrong fields are shown under themselves; a correction is audited
with what it was."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from redband_desktop.domain.records import AwardLevel
from redband_desktop.services.records.types import Award, AwardForm
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.form_inputs import date_edit, line_edit

if TYPE_CHECKING:
    from redband_desktop.services.records.service import RecordsService


class AwardDialog(QDialog):
    def __init__(self, records: RecordsService, volunteer_id: int, award: Award | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records, self._volunteer_id, self._award = records, volunteer_id, award
        self.setWindowTitle(self.tr("Correct a commendation") if award else self.tr("Record a commendation"))
        self.name = line_edit(self, "award_name", 100)
        self.level = QComboBox(self, objectName="award_level")
        for code, text in AwardLevel.choices(ui_lang()):
            self.level.addItem(text, code)
        self.awarded_on = date_edit(self, "awarded_on", QDate.currentDate(), QDate(1990, 1, 1))
        self.awarded_by = line_edit(self, "awarded_by", 100)
        if award is not None:
            self.name.setText(award.name)
            self.level.setCurrentIndex(max(0, self.level.findData(award.level)))
            self.awarded_on.setDate(QDate(award.awarded_on.year, award.awarded_on.month, award.awarded_on.day))
            self.awarded_by.setText(award.awarded_by)
        self.errors = FieldErrors()
        self.general = FieldErrors.make_label("general")
        self.general.hide()
        form = QFormLayout(self)
        for title, widget, field in ((self.tr("Commendation"), self.name, "award_name"),
                                     (self.tr("Level"), self.level, "award_level"),
                                     (self.tr("Date awarded"), self.awarded_on, "awarded_on"),
                                     (self.tr("Awarded by"), self.awarded_by, "awarded_by")):
            form.addRow(title, widget)
            self.errors.add_to_form(field, form, widget)
        form.addRow(self.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(460, 0)

    def form(self) -> AwardForm:
        d = self.awarded_on.date()
        return AwardForm(self.name.text(), self.level.currentData(), date(d.year(), d.month(), d.day()),
                         self.awarded_by.text())

    def accept(self) -> None:
        if self._award is None:
            save = lambda: self._records.add_award(self._volunteer_id, self.form())  # noqa: E731
        else:
            save = lambda: self._records.update_award(self._award.id, self._award.version, self.form())  # noqa: E731
        if self.errors.attempt(self, self.general, save):
            super().accept()
