"""Spreadsheet export: a header row and plain rows in, .xlsx bytes out.

A pure function over plain values (no Qt, no database), so the GUI, the CLI and tests
share it. openpyxl is imported on first use only, keeping it out of start-up time.
"""

from __future__ import annotations

import io
import math
import re
from datetime import date, datetime
from typing import Any

from redband_desktop.domain.text import clean

_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
MAX_WIDTH = 60


def _cell(value: Any) -> Any:
    """A plain value as it is; text (and anything else, as its text) cleaned on the way
    out: a control character makes openpyxl refuse the whole workbook
    (IllegalCharacterError) and a lone surrogate cannot be encoded, so rows stored before
    input was cleaned would otherwise stop every export."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # openpyxl would leave the cell empty; show what is stored
    if value is None or isinstance(value, bool | int | float | datetime | date):
        return value
    return clean(value, multiline=True)


def sheet_title(title: str, used: set[str]) -> str:
    """A worksheet name Excel accepts (no []:*?/\\, at most 31 characters), unique in `used`."""
    base = (_BAD_TITLE.sub(" ", title).strip() or "Sheet")[:31]
    name, n = base, 2
    while name in used:
        name, n = f"{base[:28]}({n})", n + 1
    used.add(name)
    return name


def width_of(value: Any) -> int:
    return _width(value)


def _width(value: Any) -> int:
    text = value.isoformat(sep=" ") if isinstance(value, datetime) else str(value if value is not None else "")
    # CJK characters take about two columns
    return sum(2 if ord(c) > 0x2E80 else 1 for c in max(text.splitlines() or [""], key=len))


def table_to_xlsx(headers: list[str], rows: list[list], sheet_title: str) -> bytes:
    """One worksheet: bold frozen header with a filter, then `rows` as given. Dates and
    times stay dates; anything that is not a plain value is written as its text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = (_BAD_TITLE.sub(" ", clean(sheet_title)).strip() or "Sheet")[:31]
    sheet.append([_cell(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [_width(h) for h in headers]
    for row in rows:
        values = [_cell(v) for v in row]
        sheet.append(values)
        for i, value in enumerate(values[: len(widths)]):
            widths[i] = max(widths[i], _width(value))
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(width + 2, MAX_WIDTH)
    for cell in sheet["A"][1:]:
        if isinstance(cell.value, datetime):
            cell.number_format = "yyyy-mm-dd hh:mm:ss"
    sheet.freeze_panes = "A2"
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
