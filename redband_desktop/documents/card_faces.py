"""Drawing one card's front and back, in card coordinates (points, origin bottom left).

Text placement is computed first as a list of `TextItem`s (text, size, position, box
width), then drawn; the tests use the same lists to prove that no text leaves its box.
Photos are embedded as they are stored (JPEG at print resolution, passed through
without re-encoding); larger images are scaled down to `PHOTO_PX` first.

The red bands run `BLEED` past the card's edges (the caller clips to the card plus its
bleed): a cut a little outside the line then still leaves red to the edge, not a white
sliver. Nothing else comes near the edge, so only the bands need it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from redband_desktop.documents.card_text import fit_block, fit_line
from redband_desktop.documents.card_types import CardDesign, CardFace
from redband_desktop.documents.qr import draw_qr, qr_matrix
from redband_desktop.paths import font_path

FONT = "WenQuanYiMicroHei"
RED = (0.784, 0.063, 0.180)  # #c8102e, the armband red
CARD_W, CARD_H = 85.60 * mm, 53.98 * mm
BAND_H = 12 * mm
BACK_BAND_H = 8.5 * mm
FOOT_H = 2 * mm  # the thin band along the bottom, front and back
BLEED = 2 * mm
PHOTO_BOX = (4 * mm, 9.5 * mm, 21 * mm, 28 * mm)  # x, y, w, h: 3:4
QR_BOX = (61.5 * mm, 13 * mm, 21 * mm, 21 * mm)
TEXT_X, LABEL_W, TEXT_RIGHT = 28 * mm, 9.5 * mm, 60 * mm
PHOTO_PX = (300, 400)  # 21 × 28 mm at ~360 dpi


@dataclass(frozen=True)
class TextItem:
    text: str
    size: float
    x: float
    y: float
    max_width: float
    white: bool = False


def register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))


# -- front ------------------------------------------------------------------------
def front_items(face: CardFace, design: CardDesign) -> list[TextItem]:
    """Every text on the front with the box width it must fit in."""
    items: list[TextItem] = []
    head_x, head_w = 14 * mm, CARD_W - 17 * mm
    station = fit_line(design.station_name, FONT, head_w, 7, 5)
    items.append(TextItem(station.lines[0], station.size, head_x, CARD_H - 4.6 * mm, head_w, True))
    title = fit_line(design.title, FONT, head_w, 11, 7)
    items.append(TextItem(title.lines[0], title.size, head_x, CARD_H - 9.8 * mm, head_w, True))
    value_x = TEXT_X + LABEL_W
    value_w = TEXT_RIGHT - value_x
    name = fit_line(face.name, FONT, value_w, 13, 6)
    items += [TextItem("姓　名", 6, TEXT_X, 34.5 * mm, LABEL_W),
              TextItem(name.lines[0], name.size, value_x, 34.5 * mm, value_w)]
    y = 29.5 * mm
    for label, value in (("职　务", face.role), ("片　区", face.district)):
        fitted = fit_line(value, FONT, value_w, 7, 5)
        items += [TextItem(label, 6, TEXT_X, y, LABEL_W), TextItem(fitted.lines[0], fitted.size, value_x, y, value_w)]
        y -= 4.5 * mm
    site = fit_block(face.site, FONT, value_w, 2, 7, 5)
    items.append(TextItem("场　所", 6, TEXT_X, y, LABEL_W))
    for i, line in enumerate(site.lines):
        items.append(TextItem(line, site.size, value_x, y - i * (site.size + 1.2), value_w))
    items += [
        TextItem("证　号", 6, TEXT_X, 11.5 * mm, LABEL_W),
        TextItem(face.card_no, 7, value_x, 11.5 * mm, value_w),
        TextItem("有效期至", 6, TEXT_X, 7 * mm, LABEL_W),
        TextItem(face.valid_until, 7, value_x, 7 * mm, value_w),
        TextItem("扫码验证", 5, QR_BOX[0] + 6.2 * mm, QR_BOX[1] - 3 * mm, 10 * mm),
    ]
    return items


def draw_front(canvas, face: CardFace, design: CardDesign) -> None:  # noqa: ANN001
    _bands(canvas, BAND_H)
    _emblem(canvas, 7.5 * mm, CARD_H - BAND_H / 2, 4.3 * mm)
    _photo(canvas, face.photo)
    canvas.setFillGray(0)
    draw_qr(canvas, qr_matrix(face.payload), *QR_BOX[:3])
    _texts(canvas, front_items(face, design))


def _emblem(canvas, cx: float, cy: float, r: float) -> None:  # noqa: ANN001
    """The emblem area: a white disc with a five-pointed star (the station may paste
    its own emblem sticker over it)."""
    canvas.setFillGray(1)
    canvas.circle(cx, cy, r, stroke=0, fill=1)
    canvas.setFillColorRGB(*RED)
    path = canvas.beginPath()
    for i, (dx, dy) in enumerate(_star_points()):
        (path.moveTo if i == 0 else path.lineTo)(cx + dx * r * 0.8, cy + dy * r * 0.8)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


@lru_cache(maxsize=1)
def _star_points() -> tuple[tuple[float, float], ...]:
    import math

    points = []
    for i in range(10):
        radius = 1.0 if i % 2 == 0 else 0.4
        angle = math.pi / 2 + i * math.pi / 5
        points.append((radius * math.cos(angle), radius * math.sin(angle)))
    return tuple(points)


def _photo(canvas, photo: bytes | None) -> None:  # noqa: ANN001
    x, y, w, h = PHOTO_BOX
    if photo:
        canvas.drawImage(_JpegReader(print_photo(photo)), x, y, w, h)
    else:
        canvas.setFillGray(0.92)
        canvas.rect(x, y, w, h, stroke=0, fill=1)
        canvas.setFillGray(0.5)
        canvas.setFont(FONT, 7)
        canvas.drawCentredString(x + w / 2, y + h / 2, "照片")
    canvas.setStrokeGray(0.6)
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, w, h, stroke=1, fill=0)


class _JpegReader(ImageReader):
    """A JPEG passed through to the PDF as it is. `Canvas.drawImage` decodes an
    ImageReader's pixels only to hash them into the image's name; hashing the JPEG bytes
    instead names it just as uniquely and saves decoding 1,100 photos."""

    def __init__(self, jpeg: bytes) -> None:
        super().__init__(io.BytesIO(jpeg))
        self._jpeg = jpeg
        self._dataA = None  # no alpha channel in a JPEG

    def getRGBData(self) -> bytes:  # noqa: N802 - reportlab's name
        return self._jpeg


def print_photo(photo: bytes) -> bytes:
    """The stored JPEG when it is already at print size, else a scaled-down copy."""
    from PIL import Image

    with Image.open(io.BytesIO(photo)) as img:
        if img.format == "JPEG" and img.width <= PHOTO_PX[0] and img.height <= PHOTO_PX[1] and img.mode == "RGB":
            return photo
        img = img.convert("RGB")
        img.thumbnail(PHOTO_PX)
        out = io.BytesIO()
        img.save(out, format="JPEG", quality=88)
        return out.getvalue()


# -- back -------------------------------------------------------------------------
def back_items(face: CardFace, design: CardDesign) -> list[TextItem]:
    left, box_w = 5 * mm, CARD_W - 10 * mm
    items = [TextItem("使用须知", 8, left, CARD_H - 6.2 * mm, box_w, True)]
    duties = fit_block(design.duties, FONT, box_w, 5, 6.5, 4.5)
    top = CARD_H - 13 * mm
    for i, line in enumerate(duties.lines):
        items.append(TextItem(line, duties.size, left, top - i * (duties.size + 2), box_w))
    phone = fit_line(f"联系电话：{design.phone}" if design.phone else "", FONT, box_w, 7, 5)
    items.append(TextItem(phone.lines[0], phone.size, left, 16 * mm, box_w))
    ret = fit_block(design.return_line, FONT, box_w, 2, 6, 4.5)
    for i, line in enumerate(ret.lines):
        items.append(TextItem(line, ret.size, left, 11.5 * mm - i * (ret.size + 1.5), box_w))
    issued = fit_line(f"发证日期：{face.issued_on}　　发证单位：{design.station_name}", FONT, box_w, 6, 4.5)
    items.append(TextItem(issued.lines[0], issued.size, left, 4.2 * mm, box_w))
    return items


def draw_back(canvas, face: CardFace, design: CardDesign) -> None:  # noqa: ANN001
    _bands(canvas, BACK_BAND_H)
    _texts(canvas, back_items(face, design))


def band_rects(top_height: float) -> list[tuple[float, float, float, float]]:
    """The red head band and foot band (x, y, w, h), each with its bleed on the three
    sides that meet the card's edge."""
    return [(-BLEED, CARD_H - top_height, CARD_W + 2 * BLEED, top_height + BLEED),
            (-BLEED, -BLEED, CARD_W + 2 * BLEED, FOOT_H + BLEED)]


def _bands(canvas, top_height: float) -> None:  # noqa: ANN001
    canvas.setFillColorRGB(*RED)
    for x, y, w, h in band_rects(top_height):
        canvas.rect(x, y, w, h, stroke=0, fill=1)


def _texts(canvas, items: list[TextItem]) -> None:  # noqa: ANN001
    for item in items:
        if not item.text:
            continue
        if item.white:
            canvas.setFillGray(1)
        else:
            canvas.setFillGray(0.1)
        canvas.setFont(FONT, item.size)
        canvas.drawString(item.x, item.y, item.text)
