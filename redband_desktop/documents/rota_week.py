"""The week's duty rota (排班表) to post on a notice board: an A4 landscape PDF, and the
same table as an Excel sheet. Pure functions: a `RotaSheet` (worded by the rota service)
in, bytes out; nothing here reads the database.

Rows are places, columns Monday to Sunday; a cell lists its shifts (time span and duty
type), the people on each (the leader marked ★) and what is still missing ("缺2人" in red);
a skipped day is shaded with its reason. The header row repeats on every page and a row
is never split across pages: a place whose shifts would not fit on one page is cut into
several rows ("（续）") at a shift boundary instead. Every page's footer carries the
"制表" line and 第 x 页 共 y 页."""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

LEADER_MARK = "★"
GAP_RED = "#c62828"


@dataclass(frozen=True)
class SheetShift:
    span: str  # 08:00–10:00, 22:00–次日02:00
    duty: str  # 巡逻防范
    people: tuple[str, ...]  # names, the leader's marked
    gap: int  # people still needed
    leader: str = ""  # a leader who is not among the people (shown on a line of its own)

    def lines(self) -> tuple[str, str, str, str]:
        """(time and duty, people, a leader not among them, what is missing) as plain text;
        nobody on a shift that needs people reads only "缺N人"."""
        return (f"{self.span} {self.duty}", "、".join(self.people) or ("" if self.gap else "（未安排）"),
                f"带班：{self.leader}" if self.leader else "", f"缺{self.gap}人" if self.gap else "")


@dataclass(frozen=True)
class SheetCell:
    shifts: tuple[SheetShift, ...] = ()
    skipped: str | None = None  # the reason, "" when none was given; None: not skipped


@dataclass(frozen=True)
class SheetRow:
    place: str
    cells: tuple[SheetCell, ...]  # Monday to Sunday


@dataclass(frozen=True)
class RotaSheet:
    title: str  # 金家河派出所 2026年11月30日—12月6日 排班表
    subtitle: str  # what is shown (all places, one district, one site, a duty type)
    days: tuple[str, ...]  # column headings: 周一 11月30日
    rows: tuple[SheetRow, ...]
    totals: str  # 场所 12 个，应到 40 人次，已安排 31 人次，缺人班次 5 个
    made: str  # 制表：张警官 2026年12月1日 09:30


def skipped_text(cell: SheetCell) -> str:
    return f"停班（{cell.skipped}）" if cell.skipped else "停班"


def cell_text(cell: SheetCell) -> str:
    """The cell as plain lines (the workbook's cell, and what the PDF shows)."""
    out = [skipped_text(cell)] if cell.skipped is not None else []
    for sh in cell.shifts:
        out += [line for line in sh.lines() if line]
    return "\n".join(out)


# -- PDF -------------------------------------------------------------------------------
SIZES = (14.0, 12.0, 11.0, 10.0, 9.0)  # the cell text: the largest that keeps the week on one page, else the last


def rota_pdf(sheet: RotaSheet) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from redband_desktop.documents.card_faces import FONT
    from redband_desktop.documents.mediation_layout import register

    register()
    page_w, page_h = landscape(A4)
    margin, top, bottom = 10 * mm, 12 * mm, 14 * mm
    width = page_w - 2 * margin - 12  # inside the frame's padding
    spans = {sh.span for row in sheet.rows for cell in row.cells for sh in cell.shifts}
    for size in SIZES:
        layout = _Layout(size, width, page_h - top - bottom - 12)
        if size != SIZES[-1] and any(stringWidth(span, FONT, size) > layout.day_w - 8 for span in spans):
            continue  # a time span on one line
        made = layout.table(sheet, None if size == SIZES[-1] else layout.first_page)
        if made is not None:
            break
    table = made[0]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=(page_w, page_h), leftMargin=margin, rightMargin=margin,
                            topMargin=top, bottomMargin=bottom, title=sheet.title, author="红袖标 Desktop")
    story = [*layout.heading(sheet), table, Spacer(1, 2 * mm), layout.para(sheet.totals, layout.sub)]
    doc.build(story, canvasmaker=_numbered(FONT, sheet.made, sheet.title, page_w, margin))
    return out.getvalue()


class _Layout:
    """The table's styles at one text size, and the rows cut to fit a page."""

    def __init__(self, size: float, width: float, frame: float) -> None:
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import mm

        from redband_desktop.documents.card_faces import FONT

        self.size, self.frame = size, frame
        self.place_w = 34 * mm
        self.day_w = (width - self.place_w) / 7
        leading = round(size * 1.3, 1)
        self.title = ParagraphStyle("rota_title", fontName=FONT, fontSize=17, leading=22, alignment=1)
        self.sub = ParagraphStyle("rota_sub", fontName=FONT, fontSize=9.5, leading=13, alignment=1,
                                  textColor=colors.Color(0.3, 0.3, 0.3))
        self.head = ParagraphStyle("rota_head", fontName=FONT, fontSize=max(size, 10), leading=leading + 1,
                                   alignment=1)
        self.place = ParagraphStyle("rota_place", fontName=FONT, fontSize=size + 1, leading=leading + 1,
                                    wordWrap="CJK")
        # the time and the duty type, and the names, break at their spaces only (never inside a name)
        self.when = ParagraphStyle("rota_when", fontName=FONT, fontSize=size, leading=leading,
                                   textColor=colors.HexColor("#1a3d7c"))
        self.who = ParagraphStyle("rota_who", fontName=FONT, fontSize=size, leading=leading)
        self.gap = ParagraphStyle("rota_gap", parent=self.who, textColor=colors.HexColor(GAP_RED))
        self.skip = ParagraphStyle("rota_skip", parent=self.when, wordWrap="CJK",
                                   textColor=colors.Color(0.35, 0.35, 0.35))
        self.heading_h = 22 + 13 + 3 * mm  # title, subtitle, space
        self.first_page = frame - self.heading_h - 2 * mm - 13  # the totals line under the table

    @staticmethod
    def para(text: str, style):  # noqa: ANN001, ANN205
        from reportlab.platypus import Paragraph

        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    def heading(self, sheet: RotaSheet) -> list:
        from reportlab.lib.units import mm
        from reportlab.platypus import Spacer

        return [self.para(sheet.title, self.title), self.para(sheet.subtitle, self.sub), Spacer(1, 3 * mm)]

    def shift(self, sh: SheetShift) -> list:
        from reportlab.platypus import Spacer

        when, who, leader, gap = sh.lines()
        out = [self.para(when, self.when)] + ([self.para(who.replace("、", "、 "), self.who)] if who else [])
        out += [self.para(leader, self.who)] if leader else []
        return out + ([self.para(gap, self.gap)] if gap else []) + [Spacer(1, self.size * 0.35)]

    def cell(self, cell: SheetCell, shifts: tuple[SheetShift, ...], first: bool) -> list:
        out = [self.para(skipped_text(cell), self.skip)] if cell.skipped is not None and first else []
        for sh in shifts:
            out += self.shift(sh)
        return out

    def height(self, flowables: list, w: float) -> float:
        return sum(f.wrap(w - 8, 10_000)[1] for f in flowables) + 8

    def table(self, sheet: RotaSheet, limit: float | None = None):  # noqa: ANN201
        """The reportlab Table and its height; None as soon as it grows past `limit`."""
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        header = [self.para("场所", self.head)] + [self.para(d, self.head) for d in sheet.days]
        head_h = max(self.height([h], self.day_w) for h in header)
        room = self.frame - head_h - 4  # a body row on a page of its own
        body: list[list] = []
        total = head_h
        shaded: list[tuple[int, int]] = []
        for row in sheet.rows:
            for chunk, height, cells in _chunks(row, self.row, room):
                body.append(cells)
                total += height
                shaded += [(i + 1, len(body)) for i, (c, _s, _f) in enumerate(chunk) if c.skipped is not None]
            if limit is not None and total > limit:
                return None
        if not body:
            body.append([self.para("（本周没有排班）", self.place)] + [""] * 7)
        table = Table([header, *body], colWidths=[self.place_w] + [self.day_w] * 7, repeatRows=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.87, 0.87, 0.87)),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"), ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            *[("BACKGROUND", cell, cell, colors.Color(0.93, 0.93, 0.93)) for cell in shaded],
        ]))
        return table, total

    def row(self, place: str, chunk: list) -> tuple[float, list]:
        """One printed row (the place, then a cell per day) and its height."""
        cells = [self.cell(*c) for c in chunk]
        name = self.para(place, self.place)
        height = max([self.height(c, self.day_w) for c in cells] + [self.height([name], self.place_w)])
        return height, [name] + [c or "" for c in cells]


Chunk = list[tuple[SheetCell, tuple[SheetShift, ...], bool]]


def _chunks(row: SheetRow, build, room: float) -> list[tuple[Chunk, float, list]]:  # noqa: ANN001
    """The place's week as one printed row, or as several ("（续）") when one row would be
    taller than a page: each day's shifts cut after the same count, as many per row as fit.
    Each part with its height and its built cells."""
    most = max((len(c.shifts) for c in row.cells), default=0)
    per = max(most, 1)
    while True:
        count = max(1, -(-most // per))
        chunks = [[(c, c.shifts[i * per:(i + 1) * per], i == 0) for c in row.cells] for i in range(count)]
        parts = [(chunk, *build(row.place if i == 0 else f"{row.place}（续）", chunk)) for i, chunk in enumerate(chunks)]
        if per == 1 or max(height for _c, height, _cells in parts) <= room:
            return parts
        per -= 1


def _numbered(font: str, made: str, title: str, page_w: float, margin: float):  # noqa: ANN202
    """A canvas that knows the page count when it draws each page's footer."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    class Numbered(Canvas):
        def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(font, 8.5)
                self.setFillGray(0.25)
                self.drawString(margin, 7 * mm, made)
                self.drawRightString(page_w - margin, 7 * mm, f"第 {self._pageNumber} 页 共 {total} 页")
                if self._pageNumber > 1:
                    self.drawCentredString(page_w / 2, self._pagesize[1] - 7 * mm, f"{title}（续）")
                super().showPage()
            super().save()

    return Numbered


# -- Excel -----------------------------------------------------------------------------
def rota_xlsx(sheet: RotaSheet) -> bytes:
    """One sheet in the same layout: the title and what is shown above, a frozen header
    row (场所, the seven days), one row per place with each cell's lines wrapped; cells
    short of people in red, skipped days shaded. Printed A4 landscape like every export."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from redband_desktop.documents.xlsx import _cell, _print_setup, sheet_title

    book = Workbook()
    ws = book.active
    ws.title = sheet_title("排班表", set())
    ws.append([_cell(sheet.title)])
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.append([_cell(sheet.subtitle)])
    ws.append(["场所", *(d.replace("\n", " ") for d in sheet.days)])
    header = 3
    thin = Side(style="thin", color="888888")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for c in ws[header]:
        c.font = Font(bold=True)
        c.alignment = Alignment(horizontal="center", vertical="center")
        c.fill = PatternFill("solid", fgColor="DDDDDD")
        c.border = box
    grey = PatternFill("solid", fgColor="EEEEEE")
    for row in sheet.rows:
        ws.append([_cell(row.place), *(_cell(cell_text(c)) for c in row.cells)])
        r = ws.max_row
        lines = 1
        for i, c in enumerate(row.cells, start=2):
            cell = ws.cell(r, i)
            if c.skipped is not None:
                cell.fill = grey
            if any(sh.gap for sh in c.shifts):
                cell.font = Font(color="C62828")
            lines = max(lines, len(cell_text(c).splitlines()))
        for cell in ws[r]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = box
        ws.row_dimensions[r].height = max(15, 13.5 * lines)
    ws.append([])
    ws.append([_cell(sheet.totals)])
    ws.append([_cell(sheet.made)])
    ws.column_dimensions["A"].width = 22
    for i in range(2, 9):
        ws.column_dimensions[get_column_letter(i)].width = 24
    ws.freeze_panes = f"B{header + 1}"
    _print_setup(ws, sheet.title, header)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
