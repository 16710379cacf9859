"""Searching numbers a user sees masked, without letting the search rebuild them.

A viewer sees an ID number as its first six and last four characters and a phone as its
first three and last four digits. If their search matched any part of the whole number,
typing a name and a growing prefix would give the hidden digits away one at a time (39
searches for an ID number, 26 for a phone). So for them a typed number matches only what
they can see — a piece of the shown head or tail — or the complete number typed in full,
and a sort by such a column orders by the shown parts only.
"""

from __future__ import annotations

from sqlalchemy import func, or_
from sqlalchemy.sql.elements import ColumnElement

PHONE_SHOWN = (3, 4)  # 138****5678
ID_NUMBER_SHOWN = (6, 4)  # 530112********1234


def _head(column: ColumnElement, n: int) -> ColumnElement:
    return func.substr(column, 1, n)


def _tail(column: ColumnElement, n: int) -> ColumnElement:
    # substr(x, length(x) - n + 1) is the last n characters on SQLite and PostgreSQL alike
    return func.substr(column, func.length(column) - (n - 1))


def visible_match(column: ColumnElement, term: str, shown: tuple[int, int]) -> ColumnElement:
    """`term` (digits) is inside the shown head or tail of `column`, or is all of it."""
    head, tail = shown
    pattern = f"%{term}%"  # digits only: nothing to escape
    parts = [column == term]
    if len(term) <= head:
        parts.append(_head(column, head).like(pattern))
    if len(term) <= tail:
        parts.append(_tail(column, tail).like(pattern))
    return or_(*parts)


def shown_sort_keys(column: ColumnElement, shown: tuple[int, int]) -> list[ColumnElement]:
    """Sort keys that order by the shown head, then the shown tail: nothing hidden."""
    head, tail = shown
    return [_head(column, head), _tail(column, tail)]
