"""What every "add …" dialog of the case window shares: a form of labelled rows, each with
its red error line under it, a general error line for problems about no single field,
and Save / Cancel. Save hands the subclass's form to `save` (one service call); a
ValidationError is shown field by field and the dialog stays open, any other failure
goes to `show_error`, success closes the dialog with `saved` holding the new case detail.

Also the small input factories the case window's forms use, so dates, times and long
text boxes look and behave the same on every tab."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import (
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QWidget,
)

from redband_desktop.services.mediation.types import CaseDetail
from redband_desktop.ui.widgets.field_errors import FieldErrors

Row = tuple[str, QWidget, str | None]  # (label, input, service field name or None)
MAX_HEIGHT = 640


def date_edit(name: str) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate(), objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def datetime_edit(name: str) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime.currentDateTime(), objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def text_box(name: str, lines: int = 3) -> QPlainTextEdit:
    """A multi-line box about `lines` lines high (it still grows with the dialog)."""
    box = QPlainTextEdit(objectName=name)
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def add_rows(form: QFormLayout, errors: FieldErrors, rows: list[Row]) -> None:
    """Each row, then its hidden error line."""
    for title, widget, field in rows:
        form.addRow(title, widget)
        if field:
            errors.add_to_form(field, form, widget)


def discard(dialog: QDialog | None) -> None:
    """Let the previous "add …" dialog of a tab go once a new one replaces it."""
    if dialog is not None:
        dialog.deleteLater()


class FormDialog(QDialog):
    def __init__(self, title: str, save: Callable[[Any], CaseDetail], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.saved: CaseDetail | None = None
        self.errors = FieldErrors()
        self.general = FieldErrors.make_label("general")
        self.general.setVisible(False)
        self.layout_form = QFormLayout(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def build(self, rows: list[Row], width: int = 520) -> None:
        """Lay out `rows`, the general error line and the buttons (call once, from __init__)."""
        add_rows(self.layout_form, self.errors, rows)
        self.layout_form.addRow(self.general)
        self.layout_form.addRow(self.buttons)
        # text boxes ask for ~190 px each; keep the dialog on a 768-pixel laptop screen
        self.resize(width, max(self.minimumSizeHint().height(), min(self.sizeHint().height(), MAX_HEIGHT)))

    def form(self) -> Any:  # noqa: ANN401 - the subclass's form dataclass
        raise NotImplementedError

    def accept(self) -> None:
        def save() -> None:
            self.saved = self._save(self.form())

        if self.errors.attempt(self, self.general, save):
            super().accept()
