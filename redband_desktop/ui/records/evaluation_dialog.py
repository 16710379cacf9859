"""The yearly evaluation (年度评价) of a volunteer: 1–5 stars and a comment, written by the
district's community officer (or an administrator). Choosing a year that already has one
shows it, and saving corrects it (audited with what it was)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from redband_desktop.services.records.types import EvaluationInfo
from redband_desktop.ui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from redband_desktop.services.records.service import RecordsService


class EvaluationDialog(QDialog):
    def __init__(self, records: RecordsService, volunteer_id: int, existing: tuple[EvaluationInfo, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records, self._volunteer_id = records, volunteer_id
        self._existing = {e.year: e for e in existing}
        self.setWindowTitle(self.tr("Yearly evaluation"))
        self.year = QSpinBox(self, objectName="year", minimum=2000, maximum=date.today().year)
        self.year.setValue(date.today().year)
        self.stars = QComboBox(self, objectName="stars")
        for n in range(5, 0, -1):
            self.stars.addItem("★" * n + "☆" * (5 - n), n)
        self.comment = QPlainTextEdit(self, objectName="comment")
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(90)
        self.errors = FieldErrors()
        self.general = FieldErrors.make_label("general")
        self.general.hide()
        form = QFormLayout(self)
        for title, widget, field in ((self.tr("Year"), self.year, "year"), (self.tr("Stars"), self.stars, "stars"),
                                     (self.tr("Comment"), self.comment, "comment")):
            form.addRow(title, widget)
            self.errors.add_to_form(field, form, widget)
        form.addRow(self.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.year.valueChanged.connect(self._show_year)
        self._show_year()
        self.resize(440, 0)

    def _show_year(self) -> None:
        e = self._existing.get(self.year.value())
        self.stars.setCurrentIndex(self.stars.findData(e.stars) if e else 0)
        self.comment.setPlainText(e.comment if e else "")

    def accept(self) -> None:
        e = self._existing.get(self.year.value())
        if self.errors.attempt(self, self.general, lambda: self._records.evaluate(
                self._volunteer_id, self.year.value(), self.stars.currentData(), self.comment.toPlainText(),
                e.version if e else None)):
            super().accept()
