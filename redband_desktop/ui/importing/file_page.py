"""The wizard's first step: the file (.xlsx, .xls, .et, .ods, .csv), what it holds
(volunteers or building heads) and which worksheet. Choosing a file reads its worksheet
names at once, so the clerk picks the sheet before going on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizardPage,
)

from redband_desktop.services.importing.types import ImportKind
from redband_desktop.ui.widgets.field_errors import FieldErrors

SHEETS = "*.xlsx *.xls *.et *.ods *.csv"


class FilePage(QWizardPage):
    file_chosen = Signal(str)  # a path typed or picked: the wizard reads its sheet names

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Sheet"))
        self.setSubTitle(self.tr("Excel, WPS or CSV sheets of volunteers, or of buildings with their heads."))
        self.path = QLineEdit(objectName="path")
        self.path.setPlaceholderText(self.tr("Choose a file with Browse…"))
        browse = QPushButton(self.tr("Browse…"), objectName="browse")
        browse.clicked.connect(lambda: self.browse())
        self.kind = QComboBox(objectName="kind")
        self.kind.addItem(self.tr("Volunteers (roster)"), ImportKind.ROSTER)
        self.kind.addItem(self.tr("Building heads and zone leads"), ImportKind.HEADS)
        self.sheet = QComboBox(objectName="sheet")
        self.error = FieldErrors.make_label("file")
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("File"), row)
        form.addRow("", self.error)
        form.addRow(self.tr("It holds"), self.kind)
        form.addRow(self.tr("Worksheet"), self.sheet)
        self.path.editingFinished.connect(lambda: self.file_chosen.emit(self.path.text().strip()))

    def browse(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a sheet"), str(Path.home()),
                                                  self.tr("Sheets ({patterns})").format(patterns=SHEETS))
        if path:
            self.path.setText(path)
            self.file_chosen.emit(path)

    def show_sheets(self, sheets: tuple[str, ...], current: str) -> None:
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(list(sheets))
        self.sheet.setCurrentText(current)
        self.sheet.blockSignals(False)

    def say(self, text: str) -> None:
        """A problem with the file, in red under it ("" clears it)."""
        self.error.setText(text)
        self.error.setVisible(bool(text))
