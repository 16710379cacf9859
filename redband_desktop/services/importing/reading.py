"""Reading a sheet file into rows of cells: .xlsx, .xls, .et (WPS), .ods through
python-calamine (a maintained Rust reader: 10,000 rows in well under a second), and .csv in
UTF-8 (with or without BOM) or GBK/GB18030, whichever decodes.

Pure: no database, no Qt. A file that cannot be opened now (in use, no permission) is said
to be unreadable, never damaged; only a file that opens and is not a sheet is "not a
spreadsheet". Every row is kept from the sheet's first row, so row i is the spreadsheet's
row i + 1 and messages can name the row the user sees.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from redband_desktop.errors import ValidationError
from redband_desktop.services.importing.types import Table

SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ods")
SUFFIXES = (*SHEET_SUFFIXES, ".csv")
MAX_BYTES = 50 * 1024 * 1024  # a roster of 100,000 people is a few MB


def read_table(path: Path, sheet: str | None = None) -> Table:
    """The named sheet (default: the first with data) of the file at `path`."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError.single("file", "import_file_type", suffix=suffix or "?")
    try:
        data = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
    except OSError as exc:  # locked, permission, missing: the file may be fine
        raise ValidationError.single("file", "import_file_unreadable", detail=exc.strerror or str(exc)) from exc
    if data is None:
        raise ValidationError.single("file", "import_file_too_large", max_mb=MAX_BYTES // 1024 // 1024)
    if suffix == ".csv":
        return _csv_table(path.name, data)
    return sheet_table(path.name, data, sheet)


def sheet_table(file_name: str, data: bytes, sheet: str | None = None) -> Table:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - calamine raises several types for "not a sheet"
        if _encrypted(exc):
            raise ValidationError.single("file", "import_file_encrypted") from exc
        raise ValidationError.single("file", "import_not_a_sheet", detail=str(exc)[:200]) from exc
    names = tuple(book.sheet_names)
    if sheet is not None and sheet not in names:
        raise ValidationError.single("sheet", "import_no_sheet", sheet=sheet, sheets="、".join(names))
    chosen = sheet or _first_with_data(book, names)
    rows = book.get_sheet_by_name(chosen).to_python(skip_empty_area=False) if chosen else []
    return Table(file_name, chosen or "", names, tuple(tuple(r) for r in rows))


def _encrypted(exc: Exception) -> bool:
    return type(exc).__name__ == "PasswordError" or "password" in str(exc).lower()


def _first_with_data(book, names: tuple[str, ...]) -> str | None:  # noqa: ANN001 - calamine
    for name in names:
        if book.get_sheet_by_name(name).to_python():
            return name
    return names[0] if names else None


def decode_csv(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else
    GB18030, the superset of GBK that Excel and WPS write on Chinese Windows."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise ValidationError.single("file", "import_csv_encoding") from exc


def _csv_table(file_name: str, data: bytes) -> Table:
    text, encoding = decode_csv(data)
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    rows = tuple(tuple(r) for r in csv.reader(io.StringIO(text, newline=""), dialect))
    return Table(file_name, "", (), rows, encoding)
