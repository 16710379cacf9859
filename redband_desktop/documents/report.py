"""The 治安成绩单 as a PDF and as an Excel workbook. Pure functions: `ReportData` (worded and
counted by the statistics service) in, bytes out.

The PDF opens with the title, the period and the headline sentence in the station's own
words, then the charts, the tables section by section, and the zero-incident lists; every
table repeats its header on a new page. The workbook has one sheet per table (the charts
stay in the PDF). reportlab and openpyxl load only when a report is made."""

from __future__ import annotations

import io
from collections.abc import Callable

from redband_desktop.documents.report_types import ReportData, Table


def report_pdf(data: ReportData, progress: Callable[[int], None] | None = None) -> bytes:
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

    from redband_desktop.documents.mediation_layout import (
        BODY,
        SMALL,
        TITLE,
        WIDTH,
        p,
        register,
        render,
    )
    from redband_desktop.documents.report_charts import draw

    register()
    step = progress or (lambda _n: None)
    headline = BODY.clone("headline", fontSize=13, leading=21, spaceBefore=6, spaceAfter=8)
    section = BODY.clone("section", fontSize=14, leading=20, spaceBefore=10, spaceAfter=4)
    story = [p(data.title, TITLE), p(data.subtitle, SMALL.clone("sub", alignment=1)), Spacer(1, 4 * mm),
             p(data.headline, headline)]
    step(10)
    for i, chart in enumerate(data.charts):
        story += [KeepTogether([draw(chart, WIDTH, 190), Spacer(1, 3 * mm)])]
        step(10 + 40 * (i + 1) // max(1, len(data.charts)))
    for heading, tables in data.sections:
        story += [CondPageBreak(40 * mm), p(heading, section)]
        for table in tables:
            story += _table(table)
    if data.zero_lists:
        story += [CondPageBreak(40 * mm), p("零发案小区、单位名单", section)]
        for table in data.zero_lists:
            story += _table(table)
    if data.footer:
        story += [Spacer(1, 6 * mm), p(data.footer, SMALL)]
    step(60)
    pdf = render(story, data.title)
    step(100)
    return pdf


def _table(table: Table) -> list:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer, TableStyle
    from reportlab.platypus import Table as Grid

    from redband_desktop.documents.mediation_layout import SMALL, p

    caption = SMALL.clone("caption", fontSize=10.5, spaceBefore=4, spaceAfter=2)
    cell = SMALL.clone("cell", fontSize=8.5, leading=11)
    number = cell.clone("number", alignment=2)
    rows = [[p(h, cell) for h in table.headers]]
    rows += [[p(v, number if isinstance(v, int | float) else cell) for v in row] for row in table.rows]
    if not table.rows:
        rows.append([p("（无）", cell)] + [p("", cell)] * (len(table.headers) - 1))
    widths = _widths(table)
    grid = Grid(rows, colWidths=widths, repeatRows=1)
    grid.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    out = [p(table.title, caption), grid]
    if table.note:
        out.append(p(table.note, cell))
    return [*out, Spacer(1, 3 * mm)]


def _widths(table: Table) -> list[float]:
    """Columns as wide as their values (a Chinese character counts two); a long header
    wraps rather than widening a column of small numbers."""
    from redband_desktop.documents.mediation_layout import WIDTH
    from redband_desktop.documents.xlsx import width_of

    weights = []
    for i, header in enumerate(table.headers):
        values = [width_of(r[i]) for r in table.rows] or [0]
        weights.append(min(max(min(width_of(header), 8), *values, 4), 18) + 4)
    total = sum(weights)
    return [WIDTH * w / total for w in weights]


def report_xlsx(data: ReportData) -> bytes:
    """One sheet per table, the headline on the first sheet's first rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from redband_desktop.documents.xlsx import sheet_title, width_of

    book = Workbook()
    book.remove(book.active)
    tables = [t for _, ts in data.sections for t in ts] + list(data.zero_lists)
    used: set[str] = set()
    for n, table in enumerate(tables):
        sheet = book.create_sheet(sheet_title(table.title, used))
        if n == 0:
            sheet.append([data.title])
            sheet.append([data.subtitle])
            sheet.append([data.headline])
            sheet.append([])
        sheet.append(list(table.headers))
        header_row = sheet.max_row
        for cell in sheet[header_row]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(list(row))
        for i, h in enumerate(table.headers, start=1):
            wide = max([width_of(h), *(width_of(r[i - 1]) for r in table.rows)])
            sheet.column_dimensions[get_column_letter(i)].width = min(wide + 2, 40)
        sheet.freeze_panes = f"A{header_row + 1}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
