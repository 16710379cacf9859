"""File → Import portraits…: choose a folder of photos named by ID number or by name; each
is matched to a volunteer and shown cropped to 3:4 (as the volunteer dialog crops), or
with the reason it cannot be used; "Import" stores the usable ones in one transaction.
Matching and cropping run in the background with progress and Cancel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.errors import RedbandError
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.importing.job import run_with_progress
from redband_desktop.ui.widgets.feedback import show_crash
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from redband_desktop.services.importing.service import ImportService
    from redband_desktop.services.importing.types import PortraitPreview

THUMB = QSize(36, 48)


class PortraitsDialog(QDialog):
    def __init__(self, importer: ImportService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import portraits"))
        self.setObjectName("portraits_dialog")
        self._importer = importer
        self.preview: PortraitPreview | None = None
        self.stored: int | None = None
        self.job = None
        self.folder = QLineEdit(objectName="folder", readOnly=True)
        self.folder.setPlaceholderText(self.tr("A folder of photos named by ID number or by name"))
        browse = QPushButton(self.tr("Choose folder…"), objectName="choose_folder")
        browse.clicked.connect(lambda: self.choose())
        self.counts = QLabel(objectName="portrait_counts", wordWrap=True)
        self.table = QTableWidget(0, 3, objectName="portraits")
        self.table.setHorizontalHeaderLabels([self.tr("Photo file"), self.tr("Volunteer"), self.tr("Result")])
        self.table.setIconSize(THUMB)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(THUMB.height() + 6)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.error = FieldErrors.make_label("folder")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.store)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 760, 560)

    def say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def choose(self, folder: str | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of photos"), str(Path.home()))
        if not folder or self.job is not None:
            return
        self.folder.setText(folder)
        self.say("")
        self.preview = None
        self.import_button.setEnabled(False)
        self._run(self.tr("Matching and cropping the photos…"),
                  lambda progress: self._importer.preview_portraits(Path(folder), progress), self.show_preview)

    def show_preview(self, preview: PortraitPreview) -> None:
        self.preview = preview
        lang = ui_lang()
        self.table.setRowCount(len(preview.portraits))
        for r, p in enumerate(preview.portraits):
            file_item = QTableWidgetItem(p.file_name)
            if p.thumbnail:
                pixmap = QPixmap()
                pixmap.loadFromData(p.thumbnail)
                file_item.setIcon(QIcon(pixmap))
            result = self.tr("Will be stored") if p.usable else "；".join(x.text(lang) for x in p.problems)
            result_item = QTableWidgetItem(result)
            result_item.setToolTip(result)
            if not p.usable:
                result_item.setForeground(Qt.GlobalColor.darkRed)
            for c, item in enumerate((file_item, QTableWidgetItem(p.volunteer_name), result_item)):
                self.table.setItem(r, c, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.counts.setText(self.tr("{total} photos: {usable} will be stored, {left} cannot be used.").format(
            total=len(preview.portraits), usable=preview.usable, left=len(preview.portraits) - preview.usable))
        self.import_button.setEnabled(preview.usable > 0)

    def store(self) -> None:
        preview = self.preview
        if preview is None or not preview.usable or self.job is not None:
            return

        def done(count: int) -> None:
            self.stored = count
            self.accept()

        self._run(self.tr("Storing the photos…"), lambda _progress: self._importer.commit_portraits(preview), done)

    def summary(self) -> str:
        return self.tr("{count} portraits imported.").format(count=self.stored or 0)

    def _run(self, label: str, work, done) -> None:  # noqa: ANN001
        def finished(value: object) -> None:
            self.job = None
            done(value)

        def failed(exc: BaseException) -> None:
            self.job = None
            if isinstance(exc, RedbandError):
                self.say(exc.message(ui_lang()))
            else:
                show_crash(self, exc)

        self.job = run_with_progress(self, label, work, finished, failed)
