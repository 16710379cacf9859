"""Spreadsheet export: a header row and plain rows in, .xlsx bytes out.

A pure function over plain values (no Qt, no database), so the GUI, the CLI and tests
share it. openpyxl is imported on first use only, keeping it out of start-up time.

Every workbook is set up to print as a ledger (台账) for an inspection: A4 landscape, all
columns fitted to the page width, the header row repeated on every page, the title in the
page header and "第 N 页 共 M 页" in the footer. With a `title`, the sheet opens with a title
row (station, list, filter, date) above the header row, which stays frozen. Dates stay
dates; text columns (ID numbers, phones) are formatted as text so that editing the sheet in
Excel or WPS does not turn them into numbers.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from redband_desktop.domain.text import clean

_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
MAX_WIDTH = 60
PAGE_FOOTER = "第 &P 页 共 &N 页"


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


def table_to_xlsx(headers: list[str], rows: list[list], sheet_title: str, *, title: str = "",
                  text_columns: Sequence[int] = ()) -> bytes:
    """One worksheet: an optional `title` row, then a bold frozen header with a filter,
    then `rows` as given. Dates and times stay dates; anything that is not a plain value
    is written as its text; `text_columns` (0-based) are formatted as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = (_BAD_TITLE.sub(" ", clean(sheet_title)).strip() or "Sheet")[:31]
    top = 1
    if title:
        sheet.append([_cell(title)])
        sheet.cell(1, 1).font = Font(bold=True, size=14)
        top = 2
    sheet.append([_cell(h) for h in headers])
    for cell in sheet[top]:
        cell.font = Font(bold=True)
    widths = [_width(h) for h in headers]
    for row in rows:
        values = [_cell(v) for v in row]
        sheet.append(values)
        for i, value in enumerate(values[: len(widths)]):
            widths[i] = max(widths[i], _width(value))
    _formats(sheet, top, len(rows), text_columns)
    _layout(sheet, headers, widths, top, len(rows))
    _print_setup(sheet, clean(title or sheet_title), top)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _formats(sheet, top: int, count: int, text_columns: Sequence[int]) -> None:  # noqa: ANN001
    for row in sheet.iter_rows(min_row=top + 1, max_row=top + count):
        for cell in row:
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
            elif isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
            elif cell.column - 1 in text_columns:
                cell.number_format = "@"


def _layout(sheet, headers: list[str], widths: list[int], top: int, count: int) -> None:  # noqa: ANN001
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(width + 2, MAX_WIDTH)
    sheet.freeze_panes = f"A{top + 1}"
    if headers:
        sheet.auto_filter.ref = f"A{top}:{get_column_letter(len(headers))}{count + top}"


def _print_setup(sheet, title: str, header_row: int) -> None:  # noqa: ANN001
    """A4 landscape, every column on the page's width (as many pages down as it takes),
    the header row on every page, the title above and the page numbers below."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # no limit: as many pages down as the rows need
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    header_text = title.replace("&", "&&")[:200]
    for header in (sheet.oddHeader, sheet.evenHeader):
        header.center.text = header_text
    for footer in (sheet.oddFooter, sheet.evenFooter):
        footer.center.text = PAGE_FOOTER
