"""Building labels as clerks type them: "3栋", and ranges for bulk adding ("1–24栋")."""

from __future__ import annotations

import re

from redband_desktop.errors import ValidationError

MAX_BULK = 200
_RANGE = re.compile(r"^\s*(\d{1,4})\s*(?:-|–|—|~|～|至|到)\s*(\d{1,4})\s*(\S{0,6}?)\s*$")


def range_labels(text: str, default_suffix: str = "栋") -> list[str]:
    """["1栋", …, "24栋"] for "1–24栋" (also "1-24", "1~24号楼", "1至24栋").

    Full-width digits are accepted; a range backwards, empty or longer than MAX_BULK is a
    field-level error on "range"."""
    normal = text.translate({0xFF10 + i: ord("0") + i for i in range(10)}).replace("－", "-")
    m = _RANGE.match(normal)
    if not m:
        raise ValidationError.single("range", "range_invalid")
    first, last, suffix = int(m.group(1)), int(m.group(2)), m.group(3) or default_suffix
    if first < 1 or last < first:
        raise ValidationError.single("range", "range_invalid")
    if last - first + 1 > MAX_BULK:
        raise ValidationError.single("range", "range_too_long", max=MAX_BULK)
    return [f"{n}{suffix}" for n in range(first, last + 1)]
