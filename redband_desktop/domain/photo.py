"""Volunteer portraits: crop to 3:4, scale to print resolution, and make a thumbnail.

A card portrait is about 25 × 33 mm; 300 dpi makes that ~300 × 400 pixels, so larger
images are scaled down before they are stored (keeps the database and card PDFs small).
Pure functions over bytes, using Pillow.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from redband_desktop.errors import ValidationError

PORTRAIT_SIZE = (300, 400)
THUMB_SIZE = (36, 48)
MIN_SIZE = (120, 160)
MAX_FILE_MB = 15


@dataclass(frozen=True)
class Portrait:
    image: bytes  # JPEG, PORTRAIT_SIZE
    thumbnail: bytes  # JPEG, THUMB_SIZE


def centre_crop_box(width: int, height: int) -> tuple[int, int, int, int]:
    """The largest 3:4 box centred in an image (upper third for tall images: faces)."""
    if width * 4 > height * 3:  # too wide
        w = height * 3 // 4
        left = (width - w) // 2
        return (left, 0, left + w, height)
    h = width * 4 // 3
    top = (height - h) // 3
    return (0, top, width, top + h)


def make_portrait(data: bytes, crop: tuple[int, int, int, int] | None = None) -> Portrait:
    """Validate an image file's bytes and turn it into a stored portrait.

    `crop` is (left, top, right, bottom) in source pixels, as chosen in the crop dialog;
    without it the centred 3:4 box is used. Raises ValidationError on field `photo`.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    if len(data) > MAX_FILE_MB * 1024 * 1024:
        raise ValidationError.single("photo", "photo_too_large", max_mb=MAX_FILE_MB)
    try:
        img = Image.open(io.BytesIO(data))
        img = ImageOps.exif_transpose(img).convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ValidationError.single("photo", "photo_unreadable", detail=str(exc)) from exc
    box = crop or centre_crop_box(*img.size)
    img = img.crop(box)
    if img.width < MIN_SIZE[0] or img.height < MIN_SIZE[1]:
        raise ValidationError.single("photo", "photo_too_small", min_w=MIN_SIZE[0], min_h=MIN_SIZE[1])
    img = img.resize(PORTRAIT_SIZE, Image.Resampling.LANCZOS)
    return Portrait(_jpeg(img, 88), _jpeg(img.resize(THUMB_SIZE, Image.Resampling.LANCZOS), 80))


def _jpeg(img, quality: int) -> bytes:  # noqa: ANN001 - PIL image
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=quality, optimize=True)
    return out.getvalue()
