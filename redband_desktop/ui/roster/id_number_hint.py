"""A live preview under the ID number field: what the number says about its holder.

As the clerk types, a valid number shows "Birth date 1949-12-31 · Male · 云南省昆明市西山区"
in grey, plus any warning (such as a region code missing from the list) in orange; an
incomplete number shows how many characters are still missing. Errors are not shown here
while typing: the dialog puts them in red under the field once the clerk leaves it.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from redband_desktop.domain.idnumber import IdNumberInfo, normalize_id_number, parse_id_number
from redband_desktop.errors import ValidationError
from redband_desktop.ui.i18n import label, ui_lang
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
