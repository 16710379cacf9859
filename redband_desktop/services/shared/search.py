"""Search text as every register's search box uses it: cleaned like stored text, capped,
and matched with LIKE as the characters typed.

`%` and `_` are wildcards to LIKE; a clerk searching for "100%" or "A_1" means those
characters, so they are escaped (with a backslash, the ESCAPE character given to the
database) — one helper for every `.like(` in the services.

Text longer than SEARCH_CAP characters is cut, not refused: the search box filters as
you type, and a clerk who pastes a whole paragraph to find the record it came from
still finds it, because a record that contains the paragraph contains its first hundred
characters. Uncapped, such a paste reaches SQLite's limit ("LIKE or GLOB pattern too
complex", 50,000 bytes) and the page fails.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement

from redband_desktop.domain.text import clean

SEARCH_CAP = 100
ESCAPE = "\\"


def search_text(raw: object) -> str:
    """What was typed into a search box, cleaned (stored text is NFC without control
    characters, so the search is too) and cut to SEARCH_CAP characters."""
    return clean(raw)[:SEARCH_CAP].strip()


def like_contains(text: str) -> str:
    """A LIKE pattern matching values that contain `text` literally (use with ESCAPE)."""
    escaped = text.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")
    return f"%{escaped}%"


def contains(column: ColumnElement, text: str) -> ColumnElement[bool]:
    """`column` contains `text`, `%` and `_` included as typed."""
    return column.like(like_contains(text), escape=ESCAPE)
