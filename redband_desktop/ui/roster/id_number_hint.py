"""A live preview under the ID number field: what the number says about its holder.

As the clerk types, a valid number shows "Birth date 1949-12-31 · Male · 云南省昆明市西山区"
in grey, plus any warning (such as a region code missing from the list) in orange; an
incomplete number shows how many characters are still missing. Errors are not shown here
while typing: `IdNumberField` puts them in red under the field once the clerk leaves it.

`IdNumberField` is the ID number's behaviour in the volunteer dialog: the hint row shown only
when useful, gender and birth date filled from a valid number, the red message on leaving the
field, and the stored number's masked form (or the revealed number) meaning "unchanged".
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QWidget

from redband_desktop.domain.idnumber import IdNumberInfo, normalize_id_number, parse_id_number
from redband_desktop.errors import ValidationError
from redband_desktop.ui.i18n import label, ui_lang
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.wrapping_label import WrappingLabel

HINT_COLOUR = "#5f6368"
WARNING_COLOUR = "#e65100"
WORD_JOINER = "\u2060"


class IdNumberHint(WrappingLabel):
    """Shows the parsed ID number; `update_for()` returns the parse result (or None)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("id_hint")
        self.setTextFormat(Qt.TextFormat.RichText)

    def update_for(self, raw: str, today: date | None = None) -> IdNumberInfo | None:
        number = normalize_id_number(raw)
        if not number:
            self.setText("")
            return None
        try:
            info = parse_id_number(number, "id_number", today)
        except ValidationError:
            self._show_progress(len(number))
            return None
        self._show_info(info)
        return info

    def _show_progress(self, length: int) -> None:
        if length < 18:
            text = self.tr("{typed} of 18 characters typed").format(typed=length)
        else:
            text = self.tr("This is not a valid ID number")
        self.setText(self._span(text, HINT_COLOUR))

    def _show_info(self, info: IdNumberInfo) -> None:
        lang = ui_lang()
        region = info.region_name or self.tr("unknown region")
        text = self.tr("Birth date {date} · {gender} · {region}").format(
            date=info.birth_date.isoformat(), gender=label(info.gender),
            # Word joiners: the place name moves to the next line whole, never split.
            region=WORD_JOINER.join(region),
        )
        parts = [self._span(text, HINT_COLOUR)]
        parts += [self._span(w.text(lang), WARNING_COLOUR) for w in info.warnings]
        self.setText("<br>".join(parts))

    @staticmethod
    def _span(text: str, colour: str) -> str:
        return f'<span style="color:{colour}">{html.escape(text)}</span>'


class IdNumberField(QObject):
    """The ID number input's behaviour, owned by the volunteer dialog. `stored` is the number
    as the volunteer's record shows it (masked, or revealed in full); while the input still
    shows it the number is unchanged. None for a new volunteer."""

    def __init__(self, edit: QLineEdit, hint: IdNumberHint, form: QFormLayout, errors: FieldErrors,
                 gender: QComboBox, birth_date: QDateEdit, stored: str | None) -> None:
        super().__init__(edit)
        self._edit, self._hint, self._form, self._errors = edit, hint, form, errors
        self._gender, self._birth_date = gender, birth_date
        self.stored = stored
        edit.textChanged.connect(self._changed)
        edit.editingFinished.connect(self._left)

    def set_hint(self, text: str | None) -> IdNumberInfo | None:
        """Refresh the hint from `text` (None: clear it); its row shows only when useful."""
        info = self._hint.update_for(text or "")
        self._form.setRowVisible(self._hint, bool(self._hint.text()))
        return info

    def masked(self, text: str | None = None) -> bool:
        """True while the input (or `text`) still shows the stored number."""
        return self.stored is not None and (self._edit.text() if text is None else text) == self.stored

    def revealed(self, number: str) -> None:
        """The full number was revealed: it is now what "unchanged" means."""
        self.stored = number
        self._edit.setText(number)

    def show_problem(self) -> None:
        """After the service refused the number: the red message says what is wrong, so no
        grey hint as well (a hint stays for a valid number refused for another reason)."""
        if self.set_hint(self._edit.text()) is None:
            self.set_hint(None)

    def _changed(self, text: str) -> None:
        self._errors.set("id_number", "")
        if self.masked(text):
            self.set_hint(None)
            return
        info = self.set_hint(text)
        if info is not None:
            self._gender.setCurrentIndex(self._gender.findData(info.gender.value))
            self._birth_date.setDate(QDate(info.birth_date))
            self._errors.set("gender", "")
            self._errors.set("birth_date", "")

    def _left(self) -> None:
        """Show what is wrong with the number once the clerk has finished typing it."""
        text = self._edit.text()
        if not text.strip() or self.masked(text):
            return
        try:
            parse_id_number(text)
        except ValidationError as exc:
            self.set_hint(None)
            self._errors.set("id_number", exc.field_messages(ui_lang()).get("id_number", ""))
