"""ID card PDF geometry and text fitting: every card inside the page, crop marks in the
margins clear of the bleed, the red bands bleeding 2 mm past the cut line, backs mirrored
for long-edge duplex, and no text leaving its box."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth

from redband_desktop.documents.card_faces import (
    BAND_H,
    BLEED,
    FONT,
    back_items,
    band_rects,
    front_items,
    register_font,
)
from redband_desktop.documents.card_types import CardDesign, CardFace
from redband_desktop.documents.id_cards import CARD_H, CARD_W, crop_marks, render_cards, sheet_slots
from redband_desktop.documents.qr import dark_runs, qr_matrix

MM = 72 / 25.4
DESIGN = CardDesign("金家河派出所", phone="0871-68123456")


def face(name: str = "欧阳明月", site: str = "金家河小区", **kw) -> CardFace:  # noqa: ANN003
    values = dict(card_no="2026-00001", name=name, district="金家河片区", site=site, role="市场片区负责人",
                  valid_until="2029年11月28日", issued_on="2026年11月28日", photo=None,
                  payload="RB1:AAAAAAAA:2026-00001:20291128:" + "A" * 103)
    values.update(kw)
    return CardFace(**values)


def _inside(rect, outer) -> bool:  # noqa: ANN001
    x, y, w, h = rect
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow + 1e-6 and y + h <= oy + oh + 1e-6


def test_card_is_cr80() -> None:
    assert round(CARD_W / MM, 2) == 85.60 and round(CARD_H / MM, 2) == 53.98


def test_ten_cards_inside_the_page_without_overlap() -> None:
    page = (0, 0, *A4)
    for back in (False, True):
        slots = sheet_slots(back)
        assert len(slots) == 10
        assert all(_inside(s, page) for s in slots)
        for i, a in enumerate(slots):
            for b in slots[i + 1:]:
                assert a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0] or a[1] + a[3] <= b[1] or b[1] + b[3] <= a[1]


def test_backs_are_mirrored_so_duplex_lines_up() -> None:
    width = A4[0]
    for front, back in zip(sheet_slots(False), sheet_slots(True), strict=True):
        assert back[1] == pytest.approx(front[1])  # same row
        assert back[0] == pytest.approx(width - front[0] - front[2])  # mirrored column


def test_crop_marks_in_the_margins_clear_of_cards_and_bleed() -> None:
    marks = crop_marks()
    assert len(marks) == 2 * 4 + 2 * 10  # 4 vertical card edges, 10 horizontal ones
    for x1, y1, x2, y2 in marks:
        assert min(x1, x2) >= 0 and max(x1, x2) <= A4[0] and min(y1, y2) >= 0 and max(y1, y2) <= A4[1]
        for x, y, w, h in sheet_slots():
            # no point of a mark within the card grown by its bleed
            gx = max(x - BLEED - max(x1, x2), min(x1, x2) - (x + w + BLEED), 0)
            gy = max(y - BLEED - max(y1, y2), min(y1, y2) - (y + h + BLEED), 0)
            assert gx > 0 or gy > 0


def test_bands_bleed_past_the_cut_line_on_the_edges_they_touch() -> None:
    head, foot = band_rects(BAND_H)
    assert head[0] == -BLEED and head[0] + head[2] == pytest.approx(CARD_W + BLEED)
    assert head[1] + head[3] == pytest.approx(CARD_H + BLEED)
    assert foot[0] == -BLEED and foot[1] == -BLEED and foot[0] + foot[2] == pytest.approx(CARD_W + BLEED)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_printed_sheet_is_red_past_the_cut_line_and_white_beyond_the_bleed(tmp_path) -> None:  # noqa: ANN001
    from PIL import Image

    dpi = 150
    path = tmp_path / "sheet.pdf"
    path.write_bytes(render_cards([face()], DESIGN, "a4"))
    png = subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", str(path)],
                         capture_output=True, check=True).stdout
    img = Image.open(io.BytesIO(png)).convert("RGB")
    x, y, w, h = sheet_slots()[0]

    def pixel(px: float, py: float) -> tuple[int, int, int]:  # PDF points → image pixel
        return img.getpixel((round(px * dpi / 72), round((A4[1] - py) * dpi / 72)))

    def red(rgb: tuple[int, int, int]) -> bool:
        return rgb[0] > 150 and rgb[1] < 80 and rgb[2] < 100

    head_mid, foot_mid = y + h - BAND_H / 2, y + 1 * MM
    for px, py in ((x - 1.5 * MM, head_mid), (x + w + 1.5 * MM, head_mid), (x + w / 2, y + h + 1.5 * MM),
                   (x - 1.5 * MM, foot_mid), (x + w / 2, y - 1.5 * MM), (x + 0.3 * MM, y + h - 0.3 * MM)):
        assert red(pixel(px, py)), (px / MM, py / MM)  # a cut 1.5 mm off still meets red (corners too)
    for px, py in ((x - 1.5 * MM, y + h / 2), (x + w / 2, y + h + 2.6 * MM), (x - 2.6 * MM, head_mid)):
        assert pixel(px, py) == (255, 255, 255), (px / MM, py / MM)  # the card's middle and past the bleed


def test_offset_moves_every_card() -> None:
    moved = sheet_slots(False, (2 * MM, -1 * MM))
    for a, b in zip(sheet_slots(False), moved, strict=True):
        assert (b[0] - a[0], b[1] - a[1]) == pytest.approx((2 * MM, -1 * MM))


LONG_NAMES = ["阿依古丽·买买提", "欧阳明月", "上官志祥", "司马德明", "李"]
LONG_SITES = ["国家税务总局昆明市西山区税务局", "西山区人力资源和社会保障局", "昆明兴苑物业服务有限公司",
              "云南省昆明市西山区金家河街道办事处综合治理中心与社区服务站联合办公点"]


@pytest.mark.parametrize("name", LONG_NAMES)
@pytest.mark.parametrize("site", LONG_SITES)
def test_text_never_overflows_its_box(name: str, site: str) -> None:
    register_font()
    f = face(name, site)
    for item in front_items(f, DESIGN) + back_items(f, DESIGN):
        assert stringWidth(item.text, FONT, item.size) <= item.max_width + 0.01, item
        assert item.x + item.max_width <= CARD_W and item.y >= 2 * MM  # inside the card
    names = [i for i in front_items(f, DESIGN) if i.text == name]
    assert names, "the whole name is printed, shrunk rather than cut"


def test_site_names_wrap_to_two_lines() -> None:
    register_font()
    items = front_items(face(site=LONG_SITES[0]), DESIGN)
    assert "".join(i.text for i in items if i.text in LONG_SITES[0]) == LONG_SITES[0]


def test_qr_drawn_as_merged_runs_covers_exactly_the_dark_modules() -> None:
    matrix = qr_matrix("RB1:AAAAAAAA:2026-00001:20291128:" + "B" * 103)
    dark = {(r, c) for r, row in enumerate(matrix) for c, v in enumerate(row) if v}
    covered = {(r, c + k) for r, c, n in dark_runs(matrix) for k in range(n)}
    assert covered == dark
    assert len(dark_runs(matrix)) < 0.6 * len(dark)  # fewer rectangles than modules


def test_pdf_embeds_the_cjk_font() -> None:
    pdf = render_cards([face()], DESIGN, "a4")
    assert pdf.startswith(b"%PDF") and b"FontFile2" in pdf
    assert len(render_cards([face()] * 3, DESIGN, "cr80")) > 0
