"""Volunteer ID cards as PDF: data in, PDF bytes out.

Two layouts:

- ``a4``: 2 × 5 cards per A4 sheet with crop marks in the margins and the rounded cut
  line around each card, the red bands bleeding 2 mm into the gutters and margins (the
  crop marks start beyond that bleed); every front page is followed by its back page with the columns
  mirrored, so a long-edge duplex print puts each back behind its front. A start
  position skips the slots already cut from a partly used sheet; a per-printer offset
  (mm) shifts everything to calibrate the printer.
- ``cr80``: one card per page, the page the size of the card, front then back (card
  printers do the turning themselves).

The geometry functions are pure and public so the tests can check them; the PDF embeds
the bundled CJK TrueType font, so no viewer or printer font is ever needed.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from redband_desktop.documents.card_faces import BLEED, FONT, draw_back, draw_front, register_font
from redband_desktop.documents.card_types import LAYOUTS, CardDesign, CardFace
from redband_desktop.errors import RedbandError

CARD_W = 85.60 * mm
CARD_H = 53.98 * mm
CORNER_R = 3.18 * mm
COLUMNS, ROWS = 2, 5
GAP = 3 * mm
MARK_LEN = 4 * mm
MARK_OFFSET = BLEED + 0.5 * mm  # crop marks start beyond the bands' bleed, so they are cut away

Rect = tuple[float, float, float, float]  # x, y, width, height (points)
Line = tuple[float, float, float, float]  # x1, y1, x2, y2


class Cancelled(RedbandError):
    code = "cancelled"


__all__ = ["CardDesign", "CardFace", "Cancelled", "render_cards", "sheet_slots", "crop_marks", "FONT"]


# -- geometry ---------------------------------------------------------------------
def _margins() -> tuple[float, float]:
    width, height = A4
    return (width - COLUMNS * CARD_W - (COLUMNS - 1) * GAP) / 2, (height - ROWS * CARD_H - (ROWS - 1) * GAP) / 2


def sheet_slots(back: bool = False, offset: tuple[float, float] = (0.0, 0.0)) -> list[Rect]:
    """The 10 card rectangles of an A4 sheet, in reading order (top left first).

    On the back the columns are mirrored (slot i's back sits behind slot i's front when
    the sheet is turned over its long edge)."""
    left, bottom = _margins()
    slots = []
    for i in range(COLUMNS * ROWS):
        row, col = divmod(i, COLUMNS)
        if back:
            col = COLUMNS - 1 - col
        x = left + col * (CARD_W + GAP) + offset[0]
        y = A4[1] - bottom - (row + 1) * CARD_H - row * GAP + offset[1]
        slots.append((x, y, CARD_W, CARD_H))
    return slots


def crop_marks(offset: tuple[float, float] = (0.0, 0.0)) -> list[Line]:
    """Short lines in the page margins, continuing each card edge (front and back alike,
    since the mirrored columns share the same edges)."""
    left, bottom = _margins()
    width, height = A4
    ox, oy = offset
    xs = sorted({left + c * (CARD_W + GAP) + d for c in range(COLUMNS) for d in (0, CARD_W)})
    ys = sorted({bottom + r * (CARD_H + GAP) + d for r in range(ROWS) for d in (0, CARD_H)})
    top_y, bottom_y = height - bottom, bottom
    right_x = width - left
    lines: list[Line] = []
    for x in xs:
        lines.append((x + ox, top_y + MARK_OFFSET + oy, x + ox, top_y + MARK_OFFSET + MARK_LEN + oy))
        lines.append((x + ox, bottom_y - MARK_OFFSET + oy, x + ox, bottom_y - MARK_OFFSET - MARK_LEN + oy))
    for y in ys:
        lines.append((left - MARK_OFFSET + ox, y + oy, left - MARK_OFFSET - MARK_LEN + ox, y + oy))
        lines.append((right_x + MARK_OFFSET + ox, y + oy, right_x + MARK_OFFSET + MARK_LEN + ox, y + oy))
    return lines


# -- rendering --------------------------------------------------------------------
def render_cards(
    faces: Sequence[CardFace],
    design: CardDesign,
    layout: str = "a4",
    start: int = 0,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The PDF for `faces`. `start` (0–9, A4 only) is the first free slot of the first
    sheet. `progress(done, total)` is called as cards are drawn; when `cancelled()`
    turns true, `Cancelled` is raised and nothing is returned."""
    if layout not in LAYOUTS:
        raise ValueError(layout)
    register_font()
    use_a85 = rl_config.useA85
    rl_config.useA85 = 0  # binary streams: ASCII85 would add 25 % to every photo
    try:
        return _render(faces, design, layout, start, progress, cancelled)
    finally:
        rl_config.useA85 = use_a85


def _render(faces, design, layout, start, progress, cancelled) -> bytes:  # noqa: ANN001
    out = io.BytesIO()
    if layout == "a4":
        canvas = Canvas(out, pagesize=A4, pageCompression=1)
        _render_sheets(canvas, faces, design, start, progress, cancelled)
    else:
        canvas = Canvas(out, pagesize=(CARD_W, CARD_H), pageCompression=1)
        _render_single(canvas, faces, design, progress, cancelled)
    canvas.setTitle(f"{design.station_name} 志愿者证")
    canvas.setCreator("红袖标 Desktop")
    canvas.save()
    return out.getvalue()


def _render_sheets(canvas: Canvas, faces, design, start, progress, cancelled) -> None:  # noqa: ANN001
    per_sheet = COLUMNS * ROWS
    start = max(0, min(start, per_sheet - 1))
    offset = (design.offset_x_mm * mm, design.offset_y_mm * mm)
    back_offset = (design.back_offset_x_mm * mm, design.back_offset_y_mm * mm)
    queue = list(faces)
    done, first = 0, True
    while queue or first:
        slots = list(range(start if first else 0, per_sheet))
        batch = list(zip(slots, queue[: len(slots)], strict=False))
        queue = queue[len(batch):]
        first = False
        for back in (False, True):
            rects = sheet_slots(back, back_offset if back else offset)
            _marks(canvas, back_offset if back else offset)
            for slot, face in batch:
                _check(cancelled)
                _card(canvas, rects[slot], face, design, back)
                if back:
                    done += 1
                    if progress:
                        progress(done, len(faces))
            canvas.showPage()


def _render_single(canvas: Canvas, faces, design, progress, cancelled) -> None:  # noqa: ANN001
    for i, face in enumerate(faces):
        for back in (False, True):
            _check(cancelled)
            _card(canvas, (0, 0, CARD_W, CARD_H), face, design, back, cut_line=False)
            canvas.showPage()
        if progress:
            progress(i + 1, len(faces))


def _check(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()


def _marks(canvas: Canvas, offset: tuple[float, float]) -> None:
    canvas.setStrokeGray(0)
    canvas.setLineWidth(0.3)
    path = canvas.beginPath()
    for x1, y1, x2, y2 in crop_marks(offset):
        path.moveTo(x1, y1)
        path.lineTo(x2, y2)
    canvas.drawPath(path, stroke=1, fill=0)


def _card(canvas: Canvas, rect: Rect, face: CardFace, design: CardDesign, back: bool,
          cut_line: bool = True) -> None:
    x, y, w, h = rect
    canvas.saveState()
    canvas.translate(x, y)
    clip = canvas.beginPath()
    clip.rect(-BLEED, -BLEED, w + 2 * BLEED, h + 2 * BLEED)  # the card and its bleed, corners too
    canvas.clipPath(clip, stroke=0, fill=0)
    (draw_back if back else draw_front)(canvas, face, design)
    canvas.restoreState()
    if cut_line:
        canvas.setStrokeGray(0.55)
        canvas.setLineWidth(0.25)
        canvas.roundRect(x, y, w, h, CORNER_R, stroke=1, fill=0)
