"""One cell of a sheet as a value the volunteer form understands.

Sheets made over years hold the same thing in many spellings: dates as text in several
formats, as Excel serial numbers or as real dates; phones as numbers; yes/no as 是, √ or 1.
These functions fold them into one form, and refuse what cannot be read without guessing.
An ID number that the spreadsheet stored as a number has lost its last digits or its X
(a double keeps 15–16 significant digits; 18 are needed): it is reported as damaged and
never repaired. Full-width digits, lower-case x and spaces are left to the domain's ID
number and phone rules, which fold them already.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

from redband_desktop.errors import ValidationError

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (with Excel's 1900 leap-year bug)
_SCIENTIFIC = re.compile(r"[0-9](\.[0-9]+)?e\+?[0-9]+", re.IGNORECASE)
_NUMBER_TEXT = re.compile(r"[0-9]+\.[0-9]*")
_DATE = re.compile(r"([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?")
_COMPACT_DATE = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_TIME_TAIL = re.compile(r"[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?$")
_YES = {"是", "有", "已入群", "在群", "√", "✓", "y", "yes", "true", "1", "已加入"}
_NO = {"否", "无", "未入群", "不在群", "×", "✗", "n", "no", "false", "0", "未加入"}


def is_blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def text(cell: Any) -> str:
    """The cell as trimmed text: a whole number without ".0", a date as YYYY-MM-DD."""
    if is_blank(cell):
        return ""
    if isinstance(cell, bool):
        return "是" if cell else "否"
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 1e15:
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat(sep=" ")
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell).strip()


def id_number_text(cell: Any, field: str = "id_number") -> str:
    """The ID number as written, or a `ValidationError` when the sheet stored it as a
    number (or as 5.30102E+17 text): its last digits or X are lost and must not be guessed."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        raise ValidationError.single(field, "import_id_damaged")
    raw = unicodedata.normalize("NFKC", text(cell)).replace(" ", "")
    if _SCIENTIFIC.fullmatch(raw) or _NUMBER_TEXT.fullmatch(raw):
        raise ValidationError.single(field, "import_id_damaged")
    return text(cell)


def date_value(cell: Any, field: str) -> date | None:
    """A date from a date cell, an Excel serial number or text such as 2021-06-01,
    2021/6/1, 2021.6.1, 2021年6月1日 or 20210601; None for a blank cell."""
    if is_blank(cell):
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return _serial(cell, field)
    raw = _TIME_TAIL.sub("", unicodedata.normalize("NFKC", str(cell)).strip())
    match = _DATE.fullmatch(raw) or _COMPACT_DATE.fullmatch(raw)
    if match is None:
        if re.fullmatch(r"[0-9]{4,5}(\.0+)?", raw):  # a serial number that became text
            return _serial(float(raw), field)
        raise ValidationError.single(field, "import_date_unreadable", value=raw[:30])
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        raise ValidationError.single(field, "import_date_unreadable", value=raw[:30]) from None


def _serial(number: float, field: str) -> date:
    # 1 … 2958465 is what Excel can show (1900-01-01 … 9999-12-31); 60 is its 1900-02-29
    if not 1 <= number <= 2958465 or int(number) == 60:
        raise ValidationError.single(field, "import_date_unreadable", value=text(number))
    return EXCEL_EPOCH + timedelta(days=int(number))


def yes_no(cell: Any, field: str) -> bool | None:
    """是/否, √/×, yes/no, 1/0 …; None for a blank cell."""
    if is_blank(cell):
        return None
    word = unicodedata.normalize("NFKC", text(cell)).lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ValidationError.single(field, "invalid_choice", value=word[:20])
