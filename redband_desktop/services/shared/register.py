"""The one shape every register (roster, incidents, clues, mediation cases) is read in.

A register page asks `search(filter, limit)` once per keystroke or filter change and gets,
from one read transaction, the totals of the filtered set, every matching id in the
chosen order, and the rows of the first page. Further pages are read by id with
`rows(ids)`. Where the matches are too many to list their ids cheaply (typing the first
digits of an ID number matches the whole roster), `ids` is None and pages are read by
offset with `page(filter, offset, limit)` instead. Each row carries the `version` of its
record, so an action taken from the list (close, reopen …) is checked against the
version the user saw.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

Row = TypeVar("Row")
Totals = TypeVar("Totals")


class HasTotal(Protocol):
    total: int


@dataclass(frozen=True)
class Found(Generic[Row, Totals]):
    totals: Totals  # counts of the filtered set (each register's own; all have `total`)
    first_page: list[Row]
    ids: tuple[int, ...] | None = None  # every match in order; None: read pages by offset

    @property
    def total(self) -> int:
        totals: Any = self.totals
        return totals.total
