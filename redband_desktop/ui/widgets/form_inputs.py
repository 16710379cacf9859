"""Inputs set up the same way in every roster form: named for tests and tab order,
bounded like the columns they fill, dates shown as YYYY-MM-DD and never in the future (code choices: `combos.enum_combo`)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

# The birth date shows blank at this value: "not given, take it from the ID number".
BLANK_DATE = QDate(1900, 1, 1)


def password_input(name: str) -> QLineEdit:
    """A field whose text is not shown (passwords, a backup's passphrase)."""
    edit = QLineEdit(objectName=name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def line_edit(parent: QWidget, name: str, max_length: int) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setMaxLength(max_length)
    return edit


def date_edit(parent: QWidget, name: str, value: QDate, earliest: QDate) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDateRange(earliest, QDate.currentDate())
    edit.setDate(value)
    return edit
