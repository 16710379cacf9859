"""What the importer takes and returns: a sheet as read, the column mapping, unknown places
and what to do with each, and the preview of every row. Plain frozen dataclasses, safe to
hand to Qt and to print as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from redband_desktop.errors import Problem


class ImportKind(StrEnum):
    ROSTER = "roster"  # volunteers
    HEADS = "heads"  # building heads and zone leads


class RowStatus(StrEnum):
    NEW = "new"
    UPDATE = "update"  # the ID number is on the roster: the fields shown change
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"  # the same person again, further up in the file
    INVALID = "invalid"


@dataclass(frozen=True)
class Table:
    """One sheet of a file, as read: every row from the sheet's first row (so that row i
    is the spreadsheet's row i + 1), cells as the reader gave them (text, numbers, dates)."""

    file_name: str
    sheet: str
    sheets: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    encoding: str = ""  # CSV only: utf-8 or gb18030


@dataclass(frozen=True)
class Mapping:
    """Which column (0-based) holds each field, the header row (0-based index into the
    table's rows), and values used for every row where the sheet has no column."""

    header_row: int
    columns: dict[str, int]
    defaults: dict[str, str] = field(default_factory=dict)

    def as_json(self, headers: list[str]) -> dict[str, Any]:
        """The mapping by header text, so it fits the next sheet with the same headers."""
        return {"columns": {f: headers[i] for f, i in self.columns.items() if i < len(headers)},
                "defaults": dict(self.defaults)}


@dataclass(frozen=True)
class UnknownPlace:
    """A district, site or building/zone name the sheet uses that the station lacks."""

    level: str  # "district", "site" or "place" (a building or a market zone)
    name: str
    parent: str  # the site of a place, the district of a site ("" when the sheet has none)
    rows: int  # how many rows use it
    kind: str = ""  # a site's kind: from the sheet's column, else guessed from its name


@dataclass(frozen=True)
class PlaceChoice:
    """What to do with an unknown place: use an existing one (`existing_id`), or create it
    (`create`; a site with `kind` in `district`, a district or site name)."""

    level: str
    name: str
    parent: str = ""
    existing_id: int | None = None
    create: bool = False
    kind: str = ""
    district: str = ""


@dataclass(frozen=True)
class RowOutcome:
    """One row of the sheet in the preview. `row` is the row number the spreadsheet
    shows; `changes` maps a field to [old, new] for an update."""

    row: int
    status: RowStatus
    name: str = ""
    id_number: str = ""
    problems: tuple[Problem, ...] = ()
    changes: dict[str, list[Any]] = field(default_factory=dict)
    same_as: int | None = None  # a duplicate: the row it repeats
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Preview:
    """Every non-blank row's outcome, and the counts the CLI prints."""

    kind: ImportKind
    file_name: str
    rows: tuple[RowOutcome, ...]
    unknown_places: tuple[UnknownPlace, ...] = ()
    plan: Any = None  # what `commit` writes (opaque to the UI)

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

    def counts(self) -> dict[str, int]:
        return {"total": len(self.rows), **{s.value: self.count(s) for s in RowStatus}}

    @property
    def writable(self) -> int:
        return self.count(RowStatus.NEW) + self.count(RowStatus.UPDATE)


@dataclass(frozen=True)
class ImportResult:
    kind: ImportKind
    file_name: str
    new: int
    updated: int
    places_created: int = 0


@dataclass(frozen=True)
class Portrait:
    """A photo file matched to a volunteer (by ID number or by a unique name), cropped to
    3:4 from the centre as the volunteer dialog crops it; `thumbnail` is for the preview."""

    file_name: str
    volunteer_id: int | None
    volunteer_name: str
    problems: tuple[Problem, ...] = ()  # no match, several people of that name, unreadable, too small …
    thumbnail: bytes = b""

    @property
    def usable(self) -> bool:
        return self.volunteer_id is not None and not self.problems


@dataclass(frozen=True)
class PortraitPreview:
    """Every picture file of a folder and what becomes of it; `plan` is what `commit`
    writes (opaque to the UI)."""

    folder: str
    portraits: tuple[Portrait, ...]
    plan: Any = None

    @property
    def usable(self) -> int:
        return sum(1 for p in self.portraits if p.usable)
