"""The spreadsheet writer: headers, rows, dates and Chinese text survive a round trip."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import load_workbook

from redband_desktop.documents.xlsx import table_to_xlsx


def test_table_round_trips_through_openpyxl() -> None:
    at = datetime(2026, 11, 28, 9, 30, 5)
    data = table_to_xlsx(["时间", "用户", "变更"], [[at, "admin", {"a": 1}], [at, None, "姓名：张三 → 李四"]],
                         "审计日志: 2026/11")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == "审计日志  2026 11"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("时间", "用户", "变更")
    assert rows[1] == (at, "admin", "{'a': 1}")
    assert rows[2][2] == "姓名：张三 → 李四" and rows[2][1] is None
    assert sheet.freeze_panes == "A2"


def test_empty_table_still_has_its_header() -> None:
    sheet = load_workbook(io.BytesIO(table_to_xlsx(["A"], [], ""))).active
    assert list(sheet.iter_rows(values_only=True)) == [("A",)]
