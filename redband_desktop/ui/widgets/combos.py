"""The one combo of coded choices (categories, types, stages, genders …): each item shows
the member's label in the user's language and carries its code as item data, so
`currentData()` is the code (a plain string) and `findData(code)` finds it again."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from redband_desktop.domain.enums import LabeledEnum
from redband_desktop.ui.i18n import ui_lang


def enum_combo(enum: type[LabeledEnum], name: str, blank: str | None = None, placeholder: str | None = None,
               parent: QWidget | None = None) -> QComboBox:
    """`blank`: a first item meaning "any" or "none", with None as its data; `placeholder`:
    nothing chosen at first, the placeholder shown grey until the user picks."""
    combo = QComboBox(parent, objectName=name)
    if blank is not None:
        combo.addItem(blank, None)
    lang = ui_lang()
    for member in enum:
        combo.addItem(member.label(lang), member.value)
    if placeholder is not None:
        combo.setPlaceholderText(placeholder)
        combo.setCurrentIndex(-1)
    return combo
