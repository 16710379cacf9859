"""Messy sheets for the import tests, built the way stations' files come: a merged title
row, headers in their own words, ID numbers as numbers, dates in every spelling."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from redband_desktop.domain.idnumber import make_id_number

HEADERS = ["序号", "姓名", "身份证号码（必填）", "手机", "所属片区", "小区/单位", "楼号", "入队时间", "人员类别"]


def person(n: int) -> str:
    return make_id_number("530112", date(1950 + n % 40, 1 + n % 12, 1 + n % 28), n % 1000)


def workbook(rows: list[list], title: str = "金家河派出所红袖标志愿者花名册（2025年）") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
