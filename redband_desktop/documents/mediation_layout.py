"""The building blocks every printed mediation form shares, laid out after the Ministry of
Justice's model texts (人民调解文书格式): the committee, title and number heading, ruled
tables whose long text may run onto the next page, signature blanks each with its own
line, the seal area over the committee's name and date at the bottom right, and A4 pages
numbered in the footer.

Printed forms write dates one way, 2026年10月4日 (no leading zeros, as official documents
do), and the case number with the official brackets, 〔2026〕人调字第61号, whatever the
register stores.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import registerFontFamily, stringWidth
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from redband_desktop.documents.card_faces import FONT, register_font

BODY = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=17, wordWrap="CJK")
SMALL = ParagraphStyle("small", parent=BODY, fontSize=10, leading=14)
TITLE = ParagraphStyle("title", parent=BODY, fontSize=20, leading=28, alignment=TA_CENTER, spaceAfter=4)
CENTER = ParagraphStyle("center", parent=BODY, alignment=TA_CENTER)
MARGIN = 20 * mm
FRAME_PADDING = 6  # points: platypus' default frame padding, inside the margins
WIDTH = A4[0] - 2 * MARGIN - 2 * FRAME_PADDING  # tables as wide as the text, not wider
LABEL_W = 28 * mm  # the label column of every ruled table
FOUR = [LABEL_W, 55 * mm, 26 * mm, WIDTH - LABEL_W - 81 * mm]  # label, value, label, value
BLANK_DATE = "　　　　年　　月　　日"  # written in by hand
SEAL_DIAMETER = 42 * mm  # a committee's round seal
_NUMBER = re.compile(r"^\s*[(（〔\[]\s*(\d{4})\s*[)）〕\]]")


# -- words ------------------------------------------------------------------------
def cn_date(day: date | None) -> str:
    """2026年10月4日; a blank to fill in when there is no date."""
    return f"{day.year}年{day.month}月{day.day}日" if day else BLANK_DATE


def cn_datetime(moment: datetime) -> str:
    return f"{cn_date(moment.date())}{moment.hour}时{moment.minute:02d}分"


def printed_number(number: str) -> str:
    """The case number as a form prints it: (2026)人调字第61号 → 〔2026〕人调字第61号."""
    return _NUMBER.sub(lambda m: f"〔{m.group(1)}〕", number, count=1)


# -- paragraphs and tables --------------------------------------------------------
def p(text: object, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(escape(str(text if text is not None else "")).replace("\n", "<br/>"), style)


def labelled(label: str, text: object) -> Paragraph:
    body = escape(str(text or "")).replace("\n", "<br/>") or "&nbsp;"
    return Paragraph(f"<b>{escape(label)}</b>{body}", BODY)


_GRID_STYLE = [
    ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
    ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
]


def grid(rows: list[list], widths: list[float], spans: tuple[int, ...] = ()) -> Table:
    """A ruled table of short values whose cells are paragraphs (so they wrap); in rows
    `spans` the second cell runs to the right edge."""
    cells = [[c if isinstance(c, Flowable) else p(c, SMALL) for c in row] for row in rows]
    table = Table(cells, colWidths=widths)
    table.setStyle(TableStyle([*_GRID_STYLE, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               *[("SPAN", (1, r), (-1, r)) for r in spans]]))
    return table


def text_rows(rows: list[tuple[str, object]], label_width: float = LABEL_W) -> Table:
    """Ruled rows of a label and a free text that may be long: the text sits inside the
    border with padding and a row taller than a page continues on the next one."""
    cells = [[p(label, SMALL), p(text or "", SMALL)] for label, text in rows]
    table = Table(cells, colWidths=[label_width, WIDTH - label_width], splitInRow=1)
    table.setStyle(TableStyle([*_GRID_STYLE, ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def heading(title: str, number: str, committee: str) -> list[Flowable]:
    return [p(committee, CENTER), p(title, TITLE), p(f"编号：{printed_number(number)}", CENTER), Spacer(1, 4 * mm)]


# -- signatures and seal ----------------------------------------------------------
def sign_row(*labels: str) -> Table:
    """Signature blanks, two to a row: each label with its own line long enough to sign
    on, and a clear gap before the next label so no blank runs into the next one."""
    gap = 10 * mm
    share = (WIDTH - gap) / 2

    def label_width(column: tuple[str, ...]) -> float:  # the column's longest label, leaving 25 mm to sign
        return min(max((stringWidth(x, FONT, SMALL.fontSize) for x in column), default=0) + 4, share - 25 * mm)

    left, right = label_width(labels[0::2]), label_width(labels[1::2])
    widths = [left, share - left, gap, right, share - right]
    rows = []
    for first in range(0, len(labels), 2):
        pair = labels[first:first + 2]
        rows.append([p(pair[0], SMALL), "", "", p(pair[1], SMALL) if len(pair) > 1 else "", ""])
    lines = [("LINEBELOW", (col, r), (col, r), 0.6, colors.black)
             for r, row in enumerate(rows) for col in (1, 4) if row[col - 1]]
    table = Table(rows, colWidths=widths, rowHeights=[11 * mm] * len(rows))
    table.setStyle(TableStyle([
        *lines, ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


class SealBlock(Flowable):
    """The committee's name and the date at the bottom right, with the dashed outline of
    the round seal over them: the seal is stamped across the name and the date."""

    def __init__(self, committee: str, when: str) -> None:
        super().__init__()
        self.committee, self.when = committee, when

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, SEAL_DIAMETER + 4 * mm

    def draw(self) -> None:
        c = self.canv
        size = BODY.fontSize
        text_w = max(stringWidth(self.committee, FONT, size), stringWidth(self.when, FONT, size))
        cx = self.width - max(text_w, SEAL_DIAMETER) / 2
        cy = (SEAL_DIAMETER + 4 * mm) / 2
        c.saveState()
        c.setStrokeColor(colors.grey)
        c.setDash(3, 2)
        c.setLineWidth(0.6)
        c.circle(cx, cy, SEAL_DIAMETER / 2, stroke=1, fill=0)
        c.setFillGray(0.45)
        c.setFont(FONT, 8)
        c.drawCentredString(cx, cy + SEAL_DIAMETER / 2 - 6 * mm, "（印章）")
        c.setFillGray(0)
        c.setFont(FONT, size)
        c.drawCentredString(cx, cy + 1.5 * mm, self.committee)
        c.drawCentredString(cx, cy - 6 * mm, self.when)
        c.restoreState()


# -- pages ------------------------------------------------------------------------
class PageMark(Flowable):
    """Takes no room; notes the page it lands on under `key` (where a document of the
    case file starts, for the 卷内目录's 页号)."""

    def __init__(self, pages: dict[str, int], key: str) -> None:
        super().__init__()
        self.pages, self.key = pages, key

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.pages[self.key] = self.canv.getPageNumber()


def register() -> None:
    """The CJK font, also as its own bold (the font has no bold face; <b> must not fail)."""
    register_font()
    registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)


def render(story: list[Flowable], title: str, unnumbered: int = 0) -> bytes:
    """Lay the story out on A4 pages, numbered in the footer from the first page after
    the `unnumbered` ones (a case file's cover and contents carry no page number). Call
    `register()` before building the story."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=18 * mm,
                            bottomMargin=18 * mm, title=title, author="红袖标 Desktop")
    footer = _page_number(unnumbered)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def _page_number(unnumbered: int) -> Callable:
    def draw(canvas, doc) -> None:  # noqa: ANN001 - reportlab callback
        if doc.page <= unnumbered:
            return
        canvas.saveState()
        canvas.setFont(FONT, 9)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"第 {doc.page - unnumbered} 页")
        canvas.restoreState()
    return draw
