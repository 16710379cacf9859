"""The error report: the invalid (and duplicate) rows in the sheet's own columns with a
column saying what is wrong, so the clerk fixes them in Excel and imports the file again."""

from __future__ import annotations

from typing import Any

from redband_desktop.services.importing import cells
from redband_desktop.services.importing.types import Mapping, Preview, RowStatus, Table

REASON = "问题（改正后可重新导入）"
ROW = "原行号"


def report_table(table: Table, mapping: Mapping, preview: Preview, lang: str = "zh_CN") -> tuple[list[str], list[list[Any]]]:
    """Headers and rows of the report: the original header row, the row number and the reasons."""
    headers = [cells.text(h) for h in table.rows[mapping.header_row]] if table.rows else []
    out = []
    for r in preview.rows:
        if r.status not in (RowStatus.INVALID, RowStatus.DUPLICATE):
            continue
        original = list(table.rows[r.row - 1]) + [None] * (len(headers) - len(table.rows[r.row - 1]))
        reasons = "；".join(p.message(lang) for p in r.problems)
        out.append(original[:len(headers)] + [r.row, reasons])
    return [*headers, ROW, REASON], out

