"""Draw the app icon: a red armband (红袖标) around a sleeve, at 16–256 px, as PNGs and one
Windows .ico, into resources/icons/.

The files are committed, so a build never needs this script; run it again only to change
the drawing (`.venv/bin/python installer/make_icon.py`). Large sizes carry the characters
治安 in the band; from 32 px down the band keeps only a gold stripe, which still reads as
an armband where characters would be a blur. Every size is drawn at 8× and scaled down.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
SIZES = (16, 24, 32, 48, 64, 128, 256)
SCALE = 8

SLEEVE = (46, 74, 122, 255)  # a dark-blue jacket sleeve
SLEEVE_EDGE = (28, 48, 84, 255)
RED = (214, 30, 36, 255)
RED_DARK = (150, 16, 22, 255)
GOLD = (255, 214, 64, 255)


def _band_polygon(left: float, right: float, top: float, height: float, sag: float, steps: int = 48):
    """The band seen on a round arm: top and bottom edges sag in the middle (an ellipse)."""
    top_edge, bottom_edge = [], []
    for i in range(steps + 1):
        t = i / steps
        x = left + (right - left) * t
        dy = sag * (1 - (2 * t - 1) ** 2)
        top_edge.append((x, top + dy))
        bottom_edge.append((x, top + height + dy))
    return top_edge + bottom_edge[::-1]


def draw(size: int) -> Image.Image:
    s = size * SCALE
    u = s / 256  # drawing units: a 256 grid
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    small = size <= 32
    # the sleeve: a slightly tapering column, full height, so the band reads as worn on an arm
    sleeve = [(44 * u, 0), (212 * u, 0), (222 * u, s), (34 * u, s)] if not small else \
        [(40 * u, 0), (216 * u, 0), (224 * u, s), (32 * u, s)]
    d.polygon(sleeve, fill=SLEEVE, outline=SLEEVE_EDGE, width=max(1, int(4 * u)))
    # the band is a little wider than the sleeve it is wrapped round
    left, right = (26 * u, 230 * u) if not small else (18 * u, 238 * u)
    top, height, sag = (68 * u, 112 * u, 16 * u) if not small else (62 * u, 124 * u, 12 * u)
    d.polygon(_band_polygon(left, right, top, height, sag), fill=RED_DARK)
    d.polygon(_band_polygon(left + 6 * u, right - 6 * u, top + 6 * u, height - 12 * u, sag), fill=RED)
    if small:
        stripe = _band_polygon(left + 6 * u, right - 6 * u, top + height / 2 - 16 * u, 32 * u, sag)
        d.polygon(stripe, fill=GOLD)
    else:
        _characters(d, u, top + height / 2 + sag * 0.8)
    _shade_round(img)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def _shade_round(img: Image.Image) -> None:
    """Darken towards the left and right edges, so sleeve and band look round."""
    w, h = img.size
    ramp = Image.linear_gradient("L").rotate(90, expand=True).resize((w, h))  # 255 → 0 left to right
    edge = ramp.point(lambda v: int(110 * abs(2 * v / 255 - 1) ** 3))
    shade = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    shade.putalpha(Image.composite(edge, Image.new("L", (w, h), 0), img.getchannel("A")))
    img.alpha_composite(shade)


def _characters(d: ImageDraw.ImageDraw, u: float, centre_y: float) -> None:
    font = ImageFont.truetype(str(FONT), int(72 * u), index=0)
    d.text((128 * u, centre_y), "治安", font=font, fill=GOLD, anchor="mm",
           stroke_width=max(1, int(2 * u)), stroke_fill=GOLD)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    images = {size: draw(size) for size in SIZES}
    for size, image in images.items():
        image.save(OUT / f"redband-{size}.png", optimize=True)
    # Windows picks the closest size per context (16 in lists, 32 on the desktop, 256 large)
    images[256].save(OUT / "redband.ico", sizes=[(n, n) for n in SIZES],
                     append_images=[images[n] for n in SIZES if n != 256])
    print(f"wrote {len(SIZES)} PNGs and redband.ico to {OUT}")


if __name__ == "__main__":
    main()
