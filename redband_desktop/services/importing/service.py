"""Importing sheets, as user actions: read a file, guess and confirm the column mapping,
preview every row (reading only), then commit the chosen rows in one transaction recorded
in the audit trail. The same calls serve the wizard (in a background thread, with
progress and cancel) and `redband import`.

    table = importer.read(path)
    mapping = importer.guess(table, ImportKind.ROSTER)
    preview = importer.preview(table, ImportKind.ROSTER, mapping, choices)
    result = importer.commit(preview)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from redband_desktop.db.engine import Database
from redband_desktop.domain.access import Action
from redband_desktop.errors import ValidationError
from redband_desktop.services.importing import columns
from redband_desktop.services.importing.commit import commit_roster
from redband_desktop.services.importing.heads import commit_heads, preview_heads
from redband_desktop.services.importing.portraits import commit_portraits as store_portraits
from redband_desktop.services.importing.portraits import (
    people,
    picture_files,
    prepare,
)
from redband_desktop.services.importing.reading import read_table
from redband_desktop.services.importing.report import report_table
from redband_desktop.services.importing.roster import preview_roster
from redband_desktop.services.importing.types import (
    ImportKind,
    ImportResult,
    Mapping,
    PlaceChoice,
    PortraitPreview,
    Preview,
    Table,
)
from redband_desktop.services.shared.access import AccessControl

Progress = Callable[[int, int], bool]  # (done, total) -> go on? False cancels


class ImportService:
    def __init__(self, db: Database, access: AccessControl, today: Callable[[], date] = date.today) -> None:
        self._db = db
        self._access = access
        self._today = today

    def can_import(self) -> bool:
        return self._access.can(Action.EDIT)

    def read(self, path: Path, sheet: str | None = None) -> Table:
        """The sheet's rows as read (no database involved)."""
        self._access.require(Action.EDIT)
        return read_table(Path(path), sheet)

    def guess(self, table: Table, kind: ImportKind, header_row: int | None = None) -> Mapping:
        return columns.guess_mapping(table.rows, kind, header_row)

    def mapping_from_json(self, table: Table, kind: ImportKind, data: dict) -> Mapping:
        header_row = columns.find_header_row(table.rows, kind)
        if isinstance(data.get("header_row"), int):
            header_row = data["header_row"]
        headers = table.rows[header_row] if table.rows else ()
        return columns.mapping_from_json(data, headers, header_row)

    def preview(self, table: Table, kind: ImportKind, mapping: Mapping, choices: list[PlaceChoice] | None = None,
                progress: Progress | None = None) -> Preview:
        """Every row checked and sorted (new / update / unchanged / duplicate / invalid);
        nothing is written."""
        self._access.require(Action.EDIT)
        missing = columns.missing_fields(mapping, kind)
        if missing:
            raise ValidationError.single(missing[0], "import_column_missing")
        with self._db.read() as s:
            if kind is ImportKind.HEADS:
                return preview_heads(s, table, mapping, list(choices or ()), self._today(), self._access, progress)
            return preview_roster(s, table, mapping, list(choices or ()), self._today(), self._access, progress)

    def commit(self, preview: Preview, progress: Progress | None = None) -> ImportResult:
        """Write the preview's new and update rows (and the places chosen to be created)
        in one transaction, recorded in the audit trail; all or nothing."""
        self._access.require(Action.EDIT)
        with self._db.write() as s:
            if preview.kind is ImportKind.HEADS:
                new, updated, places = commit_heads(s, self._access, preview.plan, preview.file_name, progress)
            else:
                new, updated, places = commit_roster(s, self._access, preview.plan, preview.file_name, progress)
        return ImportResult(preview.kind, preview.file_name, new, updated, places)

    def preview_portraits(self, folder: Path, progress: Progress | None = None) -> PortraitPreview:
        """Every photo in `folder` matched to a volunteer by its file name (ID number, or a
        name only one volunteer has) and cropped to 3:4; nothing is written."""
        self._access.require(Action.EDIT)
        files = picture_files(Path(folder))
        with self._db.read() as s:
            by_number, by_name = people(s, self._access)
        return replace(prepare(files, by_number, by_name, progress), folder=Path(folder).name)

    def commit_portraits(self, preview: PortraitPreview) -> int:
        """Store the preview's usable portraits in one transaction (recorded); returns how many."""
        self._access.require(Action.EDIT)
        with self._db.write() as s:
            return store_portraits(s, self._access, preview.plan, preview.folder)

    def error_report(self, table: Table, mapping: Mapping, preview: Preview, lang: str = "zh_CN") -> bytes:
        """The invalid and duplicate rows in the sheet's own columns with the reasons, as
        .xlsx, to fix and import again. It holds what the user's own file holds."""
        from redband_desktop.documents.xlsx import table_to_xlsx

        self._access.require(Action.EDIT)
        headers, rows = report_table(table, mapping, preview, lang)
        return table_to_xlsx(headers, rows, "导入问题", text_columns=tuple(range(len(headers) - 2)))
