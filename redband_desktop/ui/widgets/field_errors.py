"""Red messages directly under the form fields they are about.

A dialog registers one hidden label per service field name (``"phone"``, ``"site_id"``…)
together with the widget that should get the focus. When a save fails with a
`ValidationError`, `show_problems()` fills in and reveals the labels, puts problems about
fields with no label of their own in a general label, and focuses the first wrong input in
the order the fields were registered (the visual order).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from redband_desktop.errors import ValidationError
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.wrapping_label import WrappingLabel

ERROR_STYLE = "color: #c62828;"


class FieldErrors:
    """Owns the error labels of one form; the labels themselves live in its layouts."""

    def __init__(self) -> None:
        self._labels: dict[str, QLabel] = {}
        self._focus: dict[str, QWidget] = {}
        self._reveal: dict[str, Callable[[bool], None]] = {}

    @staticmethod
    def make_label(field: str) -> QLabel:
        label = WrappingLabel()
        label.setObjectName(f"{field}_error")
        label.setStyleSheet(ERROR_STYLE)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def add_to_form(self, field: str, form: QFormLayout, focus: QWidget) -> QLabel:
        """Add a hidden error row under the row just added to `form`."""
        label = self.make_label(field)
        form.addRow("", label)
        form.setRowVisible(label, False)
        self._register(field, label, focus, lambda on: form.setRowVisible(label, on))
        return label

    def add_label(self, field: str, label: QLabel, focus: QWidget) -> None:
        """Register a label the caller placed itself (hidden until needed)."""
        label.setVisible(False)
        self._register(field, label, focus, label.setVisible)

    def _register(
        self, field: str, label: QLabel, focus: QWidget, reveal: Callable[[bool], None]
    ) -> None:
        self._labels[field] = label
        self._focus[field] = focus
        self._reveal[field] = reveal

    def set(self, field: str, text: str) -> None:
        label = self._labels.get(field)
        if label is None:
            return
        label.setText(text)
        self._reveal[field](bool(text))

    def clear(self) -> None:
        for field in self._labels:
            self.set(field, "")

    def show(self, messages: dict[str, str]) -> dict[str, str]:
        """Show `messages` ({field: text}); return those with no label of their own."""
        self.clear()
        for field, text in messages.items():
            self.set(field, text)
        return {f: t for f, t in messages.items() if f not in self._labels}

    def text(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None else ""

    def first_widget(self, fields: set[str] | dict[str, str]) -> QWidget | None:
        for field, widget in self._focus.items():
            if field in fields:
                return widget
        return None

    def attempt(self, parent: QWidget, general: QLabel, save: Callable[[], object]) -> bool:
        """Run a form's save: problems with the input under their fields (the rest in
        `general`), any other failure in a message box (a bug as a crash dialog). True
        when it went through, so the dialog may close."""
        self.clear()
        general.setVisible(False)
        try:
            save()
        except ValidationError as exc:
            self.show_problems(exc, general)
            return False
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(parent, exc)
            return False
        return True

    def show_problems(self, exc: ValidationError, general: QLabel) -> None:
        """Each problem under its field, any others in `general`; focus the first wrong field."""
        lang = ui_lang()
        messages = exc.field_messages(lang)
        unplaced = self.show(messages)
        general.setText("\n".join(p.message(lang) for p in exc.problems if p.field in unplaced))
        general.setVisible(bool(unplaced))
        widget = self.first_widget(messages)
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()
