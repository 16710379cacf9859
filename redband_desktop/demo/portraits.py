"""Placeholder portraits for the demo station: pastel backdrop, neutral silhouette and
the surname in a corner. No faces, real or generated."""

from __future__ import annotations

import colorsys
import io
import random
from typing import Any

from redband_desktop import paths
from redband_desktop.domain.photo import Portrait, make_portrait

# Portraits are drawn at the stored size (3:4, ~300 dpi on the card), so make_portrait
# only encodes them.
_CANVAS = (300, 400)
_SUPERSAMPLE = 4


class Painter:
    """Placeholder portraits: pastel backdrop, neutral silhouette, surname in a corner.

    No faces, real or generated: the card shows at a glance that the photo is missing.
    Masks are drawn once, 4× supersampled for smooth edges and cropped to their bounding
    boxes, so each portrait costs a gradient, two small pastes and a line of text
    (about 1 ms, plus the JPEG encoding in `make_portrait`).
    """

    def __init__(self, rng: random.Random) -> None:
        from PIL import Image, ImageDraw, ImageFont

        self._rng, self._pil, self._draw = rng, Image, ImageDraw
        self._font = ImageFont.truetype(str(paths.font_path()), 28)
        self._ramp = Image.linear_gradient("L").resize((1, _CANVAS[1]))
        self._masks = _silhouette_masks()

    def portrait(self, surname: str) -> Portrait:
        pil, rng = self._pil, self._rng
        hue, sat = rng.random(), rng.uniform(0.35, 0.6)
        # A one-pixel-wide gradient stretched sideways: a soft backdrop for ~0.1 ms.
        top, bottom = (pil.new("RGB", (1, _CANVAS[1]), _rgb(hue, y, sat)) for y in (0.91, 0.82))
        img = pil.composite(bottom, top, self._ramp).resize(_CANVAS, pil.Resampling.NEAREST)
        (body_at, body), (collar_at, collar) = self._masks
        img.paste(_rgb(hue, rng.uniform(0.5, 0.62), 0.1), body_at, body)
        img.paste(_rgb(hue, 0.94, 0.25), collar_at, collar)
        self._draw.Draw(img).text((16, 12), surname, font=self._font, fill=_rgb(hue, 0.42, 0.3))
        buf = io.BytesIO()
        img.save(buf, format="PPM")  # uncompressed: the cheapest way into make_portrait
        return make_portrait(buf.getvalue())


def _rgb(hue: float, lightness: float, saturation: float) -> tuple[int, int, int]:
    r, g, b = colorsys.hls_to_rgb(hue, lightness, saturation)
    return round(r * 255), round(g * 255), round(b * 255)


def _silhouette_masks() -> tuple[tuple[tuple[int, int], Any], ...]:
    """((offset, mask) of the head and shoulders, (offset, mask) of the open collar)."""
    from PIL import Image, ImageDraw

    def scaled(*xy: int) -> list[int]:
        return [c * _SUPERSAMPLE for c in xy]

    big = tuple(c * _SUPERSAMPLE for c in _CANVAS)
    body = Image.new("L", big, 0)
    draw = ImageDraw.Draw(body)
    draw.rounded_rectangle(scaled(24, 250, 276, 520), radius=100 * _SUPERSAMPLE, fill=255)
    draw.polygon(scaled(127, 200, 173, 200, 181, 262, 119, 262), fill=255)
    draw.ellipse(scaled(96, 84, 204, 222), fill=255)
    collar = Image.new("L", big, 0)
    ImageDraw.Draw(collar).polygon(scaled(132, 254, 150, 292, 168, 254), fill=255)
    out = []
    for mask in (body, collar):
        small = mask.resize(_CANVAS, Image.Resampling.LANCZOS)
        box = small.getbbox()
        out.append((box[:2], small.crop(box)))
    return tuple(out)
