"""File → Import…: the wizard that brings a station's sheet in.

1. File: the sheet, what it holds (volunteers or building heads) and which worksheet
   (`FilePage`). 2. Columns (`MappingPage`). 3. Places (`PlacesPage`). 4. Preview
(`PreviewPage`). "Import" writes the new and changed rows in one transaction. Checking and
writing run in the background with progress and Cancel; nothing is written before
"Import", and the pages refresh themselves from the change notice afterwards. Expected
problems (an unreadable file, a missing column, a cancelled check) are said in red on the
page they concern, not in a message box.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget, QWizard

from redband_desktop.errors import RedbandError, ValidationError
from redband_desktop.services.importing.columns import missing_fields
from redband_desktop.services.importing.types import (
    ImportKind,
    ImportResult,
    Mapping,
    Preview,
    Table,
)
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.importing.file_page import FilePage
from redband_desktop.ui.importing.job import run_with_progress
from redband_desktop.ui.importing.mapping_page import MappingPage
from redband_desktop.ui.importing.places_page import PlacesPage
from redband_desktop.ui.importing.preview_page import PreviewPage
from redband_desktop.ui.widgets.feedback import show_crash
from redband_desktop.ui.widgets.fitting import fit_to_screen

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from redband_desktop.services import Services

FILE, COLUMNS, PLACES, PREVIEW = range(4)
MAPPING_KEY = "import/mapping/{kind}"  # the mapping last saved, tried first on the next sheet


class ImportWizard(QWizard):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import"))
        self.setObjectName("import_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self._services = services
        self._importer = services.importer
        self.file_page, self.mapping_page = FilePage(), MappingPage()
        self.places_page, self.preview_page = PlacesPage(), PreviewPage()
        for page in (self.file_page, self.mapping_page, self.places_page, self.preview_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.file_page.file_chosen.connect(self.open_file)
        self.file_page.sheet.currentTextChanged.connect(lambda _s: self._forget_table())
        self.file_page.kind.currentIndexChanged.connect(lambda _i: self._forget_table())
        self.preview_page.report_button.clicked.connect(lambda: self.save_report())
        self.mapping_page.save_button.clicked.connect(lambda: self.save_mapping())
        self.mapping_page.load_button.clicked.connect(lambda: self.load_mapping())
        self.table: Table | None = None
        self._table_key: tuple[str, str] = ("", "")
        self.preview: Preview | None = None
        self.result: ImportResult | None = None
        self.job: Any = None  # the progress dialog of the check or write under way
        self._ready: set[int] = set()  # pages whose background work is done
        fit_to_screen(self, 1100, 680)

    # -- moving between pages ----------------------------------------------------
    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt API
        page = self.currentId()
        if page in self._ready:
            self._ready.discard(page)
            return True
        if self.job is not None:
            return False  # a check is still running
        self._say("")
        try:
            return self._leave(page)
        except RedbandError as exc:
            self._say(exc.message(ui_lang()))
        except Exception as exc:  # noqa: BLE001 - a bug: logged and shown as a crash
            log.exception("import wizard step failed")
            show_crash(self, exc)
        return False

    def _leave(self, page: int) -> bool:
        if page == FILE:
            self._read()
            return True
        if page == COLUMNS:
            mapping = self.mapping_page.mapping()
            if missing := missing_fields(mapping, self.kind()):
                raise ValidationError.single(missing[0], "import_column_missing")
            self._check(page, [], self._show_places)
            return False
        if page == PLACES:
            self._check(page, self.places_page.choices(), self.preview_page.show_preview)
            return False
        self._commit()
        return False

    def kind(self) -> ImportKind:
        return ImportKind(self.file_page.kind.currentData())

    def _say(self, text: str) -> None:
        page = self.currentPage()
        if hasattr(page, "say"):
            page.say(text)

    # -- the file ------------------------------------------------------------------
    def open_file(self, path: str) -> None:
        """A file was chosen: read it now, so its worksheets can be picked."""
        self._forget_table()
        self.file_page.say("")
        if not path:
            return
        try:
            self.table = self._importer.read(Path(path))
        except RedbandError as exc:
            self.file_page.show_sheets((), "")
            self.file_page.say(exc.message(ui_lang()))
            return
        self._table_key = (path, self.table.sheet)
        self.file_page.show_sheets(self.table.sheets, self.table.sheet)

    def _forget_table(self) -> None:
        self._table_key = ("", "")

    def _read(self) -> None:
        path = self.file_page.path.text().strip()
        if not path:
            raise ValidationError.single("file", "required")
        sheet = self.file_page.sheet.currentText()
        if self._table_key != (path, sheet) or self.table is None:
            self.table = self._importer.read(Path(path), sheet or None)
            self._table_key = (path, self.table.sheet)
            if not self.file_page.sheet.count():
                self.file_page.show_sheets(self.table.sheets, self.table.sheet)
        mapping = self._remembered() or self._importer.guess(self.table, self.kind())
        self.mapping_page.show_table(self.table, self.kind(), mapping)

    # -- the mapping, saved for next time ------------------------------------------
    def _remembered(self) -> Mapping | None:
        """The mapping saved last time for this kind of sheet, if this sheet has every
        column it names."""
        saved = QSettings().value(MAPPING_KEY.format(kind=self.kind().value))
        if not saved or self.table is None:
            return None
        try:
            data = json.loads(str(saved))
        except ValueError:
            return None
        mapping = self._importer.mapping_from_json(self.table, self.kind(), data)
        return mapping if len(mapping.columns) == len(data.get("columns") or {}) and mapping.columns else None

    def save_mapping(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save mapping"), str(Path.home() / "mapping.json"),
                                                  self.tr("Mapping (*.json)"))
        if not path:
            return
        data = self.mapping_page.mapping_json()
        text = json.dumps(data, ensure_ascii=False, indent=2)
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as exc:
            self._say(self.tr("The file could not be written: {error}").format(error=exc))
            return
        QSettings().setValue(MAPPING_KEY.format(kind=self.kind().value), text)
        self.mapping_page.say_saved(Path(path).name)

    def load_mapping(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Load mapping"), str(Path.home()),
                                                  self.tr("Mapping (*.json)"))
        if not path or self.table is None:
            return
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError(path)
        except (OSError, ValueError):
            self._say(self.tr("{file} is not a saved mapping.").format(file=Path(path).name))
            return
        self.mapping_page.show_table(self.table, self.kind(),
                                     self._importer.mapping_from_json(self.table, self.kind(), data))

    # -- checking and writing in the background -------------------------------------
    def _run(self, label: str, work: Callable[[Callable[[int, int], bool]], Any],
             done: Callable[[Any], None]) -> None:
        def finished(value: Any) -> None:
            self.job = None
            done(value)

        def failed(exc: BaseException) -> None:
            self.job = None
            if isinstance(exc, RedbandError):
                self._say(exc.message(ui_lang()))
            else:
                show_crash(self, exc)

        self.job = run_with_progress(self, label, work, finished, failed)

    def _check(self, page: int, choices: list, show: Callable[[Preview], None]) -> None:
        table, kind, mapping = self.table, self.kind(), self.mapping_page.mapping()

        def done(preview: Preview) -> None:
            self.preview = preview
            show(preview)
            self._ready.add(page)
            self.next()

        self._run(self.tr("Checking the rows…"),
                  lambda progress: self._importer.preview(table, kind, mapping, choices, progress), done)

    def _show_places(self, preview: Preview) -> None:
        structure = self._services.structure
        existing: dict[str, list[tuple[int, str]]] = {
            "district": [(d.id, d.name) for d in structure.districts()],
            "site": [(s.id, s.name) for s in structure.sites()],
        }
        sites = {s.name: s for s in structure.sites()}
        for u in preview.unknown_places:
            site = sites.get(u.parent)
            if u.level == "place" and site is not None:
                places = structure.zones(site.id) if site.kind.value == "market" else structure.buildings(site.id)
                existing[f"place:{u.parent}"] = [(p.id, p.label) for p in places]
        self.places_page.show_places(list(preview.unknown_places), existing)
        self.preview_page.show_preview(preview)  # no unknown places: this is the preview

    def _commit(self) -> None:
        if self.preview is None or not self.preview.writable:
            return
        preview = self.preview

        def done(result: ImportResult) -> None:
            self.result = result
            self._ready.add(PREVIEW)  # QWizard.accept() validates the page again: not a second write
            self.accept()

        self._run(self.tr("Importing…"), lambda progress: self._importer.commit(preview, progress), done)

    def summary(self) -> str:
        """What the import wrote, for the main window's status bar."""
        r = self.result
        if r is None:
            return ""
        return self.tr("Imported from {file}: {new} new, {updated} updated, {places} places created.").format(
            file=r.file_name, new=r.new, updated=r.updated, places=r.places_created)

    def save_report(self, path: str | None = None) -> None:
        if self.preview is None or self.table is None:
            return
        if path is None:
            name = Path(self.table.file_name).stem + self.tr("-problems") + ".xlsx"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save error report"), str(Path.home() / name),
                                                  self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        data = self._importer.error_report(self.table, self.mapping_page.mapping(), self.preview, ui_lang())
        try:
            Path(path).write_bytes(data)
        except OSError as exc:
            self._say(self.tr("The file could not be written: {error}").format(error=exc))
            return
        self.preview_page.say_saved(Path(path).name)
