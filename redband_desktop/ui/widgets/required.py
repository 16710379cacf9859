"""Required fields are marked the same way in every form: a red asterisk before the
caption, and one "* required" note near the buttons saying what it means."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QWidget

REQUIRED_MARK = '<span style="color:#c62828">*</span>'


def field_caption(text: str, required: bool = False, parent: QWidget | None = None) -> QLabel:
    """A form row's caption; a required field's begins with the red asterisk."""
    label = QLabel(f"{REQUIRED_MARK}{text}" if required else text, parent)
    label.setObjectName("required_caption" if required else "caption")
    return label


def required_note(parent: QWidget | None = None) -> QLabel:
    return QLabel(QCoreApplication.translate("required", "{mark} required").format(mark=REQUIRED_MARK), parent)


def save_footer(dialog: QDialog) -> QWidget:
    """The strip under a long form: the "* required" note, then Save and Cancel (accept /
    reject the dialog). Kept outside the form's scrolling body so it is always in view."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    footer = QWidget(dialog)
    row = QHBoxLayout(footer)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(required_note(dialog), 1)
    row.addWidget(buttons)
    return footer
