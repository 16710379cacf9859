"""A record that may no longer be changed (a closed mediation file, a user without the
right) is shown as text to read, in normal contrast: text fields and dates become read-only
rather than greyed out; only choices (combos, tick boxes) are disabled, and `READABLE`
keeps their text dark."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QWidget

# For the window holding such forms: disabled choices keep readable text.
READABLE = "QComboBox:disabled, QCheckBox:disabled, QRadioButton:disabled { color: #202020; }"


def set_editable(widgets: Iterable[QWidget], editable: bool) -> None:
    for widget in widgets:
        if isinstance(widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
            widget.setReadOnly(not editable)
            widget.setEnabled(True)
        else:
            widget.setEnabled(editable)
