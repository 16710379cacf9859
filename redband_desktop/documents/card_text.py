"""Fitting text into the fixed boxes of an ID card: shrink, then wrap, never overflow.

Chinese has no spaces, so lines break between any two characters (and at spaces for
Latin text). Widths are measured with reportlab's `stringWidth` in the embedded font, so
what the tests measure is exactly what is printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

ELLIPSIS = "…"
_TOKEN = re.compile(r" ?[!-~]+| |.")


@dataclass(frozen=True)
class FittedText:
    size: float
    lines: tuple[str, ...]


@lru_cache(maxsize=20000)
def width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def fit_line(text: str, font: str, max_width: float, size: float, min_size: float) -> FittedText:
    """One line: the largest size down to `min_size` that fits, else cut with "…"."""
    return fit_block(text, font, max_width, 1, size, min_size)


def fit_block(
    text: str, font: str, max_width: float, max_lines: int, size: float, min_size: float, step: float = 0.5
) -> FittedText:
    """Up to `max_lines` lines at the largest size (from `size` down to `min_size`)
    at which the whole text fits; at `min_size` the last line is cut with "…"."""
    text = " ".join(text.split())
    current = size
    while current >= min_size - 1e-9:
        lines = wrap(text, font, current, max_width)
        if len(lines) <= max_lines:
            return FittedText(current, tuple(lines))
        current = round(current - step, 2)
    lines = wrap(text, font, min_size, max_width)
    kept = lines[:max_lines]
    kept[-1] = _with_ellipsis(kept[-1], font, min_size, max_width)
    return FittedText(min_size, tuple(kept))


def wrap(text: str, font: str, size: float, max_width: float) -> list[str]:
    """Greedy line breaking between characters (between words for Latin runs)."""
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        candidate = line + token
        if line and width(candidate, font, size) > max_width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line = candidate
        while width(line, font, size) > max_width and len(line) > 1:  # one over-long word
            cut = _longest_prefix(line, font, size, max_width)
            lines.append(line[:cut])
            line = line[cut:]
    if line or not lines:
        lines.append(line)
    return lines


def _tokens(text: str) -> list[str]:
    """Single CJK characters, and Latin words with their leading space."""
    return _TOKEN.findall(text)


def _longest_prefix(text: str, font: str, size: float, max_width: float) -> int:
    cut = len(text)
    while cut > 1 and width(text[:cut], font, size) > max_width:
        cut -= 1
    return cut


def _with_ellipsis(line: str, font: str, size: float, max_width: float) -> str:
    while line and width(line + ELLIPSIS, font, size) > max_width:
        line = line[:-1]
    return line + ELLIPSIS
