"""The cards floor: a minimal reportlab loop drawing the same elements of every card
(red bands, the photo as stored, the texts in the card font, the QR code from the same
payload) on A4 sheets of ten, fronts then backs — no fitting, no layout checks, no photo
resizing; binary, compressed streams as the app writes them. The JPEGs pass through undecoded with the app's 12-line reader (reportlab would
otherwise decode every photo to name it: a naive loop is slower than the app)."""

from __future__ import annotations

import io
import re

import zxingcpp
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from redband_desktop.documents.card_faces import FONT, _JpegReader, register_font

W, H = 85.6 * mm, 53.98 * mm


_DARK_RUN = re.compile(rb"\x00+")  # zxing's image: 0 = dark


def _qr(c: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The dark runs as one literal path in module units (what reportlab's path objects
    would write, without formatting 300 floats a code in Python)."""
    code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    view = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    n = view.shape[0]
    pixels = view.tobytes()
    ops = " ".join(f"{run.start() - r * n} {r} {run.end() - run.start()} 1 re"
                   for r in range(n) for run in _DARK_RUN.finditer(pixels, r * n, (r + 1) * n))
    c.saveState()
    c.transform(size / n, 0, 0, -size / n, x, y + size)
    c.addLiteral(f"{ops} f")
    c.restoreState()


def _slots() -> list[tuple[float, float]]:
    left, bottom = (A4[0] - 2 * W) / 3, (A4[1] - 5 * H) / 6
    return [(left + col * (W + left), A4[1] - (row + 1) * (H + bottom)) for row in range(5) for col in range(2)]


def draw_cards(faces, station: str) -> bytes:  # noqa: ANN001 - CardFace list
    register_font()
    out = io.BytesIO()
    use_a85, rl_config.useA85 = rl_config.useA85, 0  # photos as binary streams
    try:
        return _draw(faces, station, out)
    finally:
        rl_config.useA85 = use_a85


def _draw(faces, station: str, out: io.BytesIO) -> bytes:  # noqa: ANN001
    c = Canvas(out, pagesize=A4, pageCompression=1)
    slots = _slots()
    for first in range(0, len(faces), 10):
        sheet = faces[first:first + 10]
        for face, (x, y) in zip(sheet, slots, strict=False):
            c.setFillColorRGB(0.784, 0.063, 0.180)
            c.rect(x, y + H - 12 * mm, W, 12 * mm, stroke=0, fill=1)
            c.rect(x, y, W, 2 * mm, stroke=0, fill=1)
            c.setFillColorRGB(1, 1, 1)
            c.setFont(FONT, 7)
            c.drawString(x + 14 * mm, y + H - 4.6 * mm, station)
            c.setFont(FONT, 11)
            c.drawString(x + 14 * mm, y + H - 9.8 * mm, "红袖标志愿者证")
            if face.photo:
                c.drawImage(_JpegReader(face.photo), x + 4 * mm, y + 9.5 * mm, 21 * mm, 28 * mm)
            c.setFillColorRGB(0, 0, 0)
            for i, (label, value, size) in enumerate((("姓　名", face.name, 13), ("职　务", face.role, 7),
                                                      ("片　区", face.district, 7), ("场　所", face.site, 7))):
                c.setFont(FONT, 6)
                c.drawString(x + 28 * mm, y + (34.5 - 5 * i) * mm, label)
                c.setFont(FONT, size)
                c.drawString(x + 37.5 * mm, y + (34.5 - 5 * i) * mm, value)
            c.setFont(FONT, 5)
            c.drawString(x + 4 * mm, y + 5 * mm, f"编号 {face.card_no}　有效期至 {face.valid_until}")
            c.drawString(x + 67.7 * mm, y + 10 * mm, "扫码验证")
            _qr(c, face.payload, x + 61.5 * mm, y + 13 * mm, 21 * mm)
        c.showPage()
        for face, (x, y) in zip(sheet, slots, strict=False):  # backs
            c.setFillColorRGB(0.784, 0.063, 0.180)
            c.rect(x, y + H - 8.5 * mm, W, 8.5 * mm, stroke=0, fill=1)
            c.rect(x, y, W, 2 * mm, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
            c.setFont(FONT, 6)
            for i, line in enumerate(("持证须知", "本证仅限本人使用", f"发证日期 {face.issued_on}", station)):
                c.drawString(x + 5 * mm, y + H - (14 + 5 * i) * mm, line)
        c.showPage()
    c.save()
    return out.getvalue()
