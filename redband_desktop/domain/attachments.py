"""Photos attached to a clue: any image a volunteer sent (phone photos are 4–12 MB) is
turned upright, scaled so its long side is at most 1600 px and stored as JPEG with a small
thumbnail for lists. Pure functions over bytes, using Pillow, like volunteer portraits."""

from __future__ import annotations

import io
from dataclasses import dataclass

from redband_desktop.errors import ValidationError

MAX_SIDE = 1600
THUMB_SIDE = 160
MAX_FILE_MB = 25
FIELD = "attachments"


@dataclass(frozen=True)
class Picture:
    image: bytes  # JPEG, long side ≤ MAX_SIDE
    thumbnail: bytes  # JPEG, long side ≤ THUMB_SIDE
    width: int
    height: int


def make_picture(data: bytes) -> Picture:
    """Validate an image file's bytes and normalise it; ValidationError on `attachments`."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if len(data) > MAX_FILE_MB * 1024 * 1024:
        raise ValidationError.single(FIELD, "photo_too_large", max_mb=MAX_FILE_MB)
    try:
        img = Image.open(io.BytesIO(data))
        img = ImageOps.exif_transpose(img).convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ValidationError.single(FIELD, "photo_unreadable", detail=str(exc)) from exc
    img.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    thumb = img.copy()
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
    return Picture(_jpeg(img, 85), _jpeg(thumb, 80), img.width, img.height)


def _jpeg(img, quality: int) -> bytes:  # noqa: ANN001 - PIL image
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=quality, optimize=True)
    return out.getvalue()
