"""The wizard's preview step: the counts, and every row as new, update (with the fields that
change), unchanged, duplicate or invalid, with the field and the reason, numbered as the
spreadsheet numbers it. Invalid rows can be saved as an error report to fix and re-import."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from redband_desktop.messages import field_label
from redband_desktop.services.importing.types import Preview, RowOutcome, RowStatus
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.field_errors import FieldErrors

MAX_SHOWN = 5000
WRAPPED_ROWS = 300  # rows measured for wrapped details; beyond that, one line each (speed)
_COLOURS = {RowStatus.INVALID: "#fde2e1", RowStatus.DUPLICATE: "#fff4d6", RowStatus.UPDATE: "#e3effd"}


class PreviewPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Nothing has been written yet. Import writes the new and changed rows in one go."))
        self.counts = QLabel(objectName="counts")
        self.counts.setWordWrap(True)
        self.only_problems = QCheckBox(self.tr("Only rows with problems"), objectName="only_problems")
        self.report_button = QPushButton(self.tr("Save error report…"), objectName="error_report")
        self.table = QTableWidget(0, 4, objectName="preview_rows")
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Result"), self.tr("Name"), self.tr("Details")])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._preview: Preview | None = None
        self.note = QLabel(objectName="report_note")
        self.limit_note = QLabel(self.tr("Only the first {n} rows are listed here; the error report holds every row with a "
                                         "problem.").format(n=f"{MAX_SHOWN:,}"), objectName="limit_note")
        self.limit_note.setWordWrap(True)
        self.limit_note.hide()
        self.error = FieldErrors.make_label("preview")
        self.error.hide()
        tools = QHBoxLayout()
        tools.addWidget(self.only_problems)
        tools.addStretch(1)
        tools.addWidget(self.note)
        tools.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.limit_note)
        layout.addWidget(self.error)
        self.only_problems.toggled.connect(lambda _on: self._fill())

    def isComplete(self) -> bool:  # noqa: N802 - Qt API: "Import" needs a row to write
        return self._preview is not None and self._preview.writable > 0

    def say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def say_saved(self, file_name: str) -> None:
        self.note.setText(self.tr("Saved as {file}.").format(file=file_name))

    def status_text(self, status: RowStatus) -> str:
        return {RowStatus.NEW: self.tr("New"), RowStatus.UPDATE: self.tr("Update"),
                RowStatus.UNCHANGED: self.tr("Unchanged"), RowStatus.DUPLICATE: self.tr("Duplicate in the file"),
                RowStatus.INVALID: self.tr("Invalid")}[status]

    def show_preview(self, preview: Preview) -> None:
        self._preview = preview
        c = preview.counts()
        self.counts.setText(self.tr(
            "{total} rows: {new} new, {update} to update, {unchanged} unchanged, {duplicate} duplicate, "
            "{invalid} invalid. {writable} rows will be written.").format(writable=preview.writable, **c))
        self.report_button.setEnabled(bool(c["invalid"] or c["duplicate"]))
        self.note.clear()
        self.say("")
        self._fill()
        self.completeChanged.emit()

    def _fill(self) -> None:
        rows = list(self._preview.rows) if self._preview else []
        if self.only_problems.isChecked():
            rows = [r for r in rows if r.status in (RowStatus.INVALID, RowStatus.DUPLICATE)]
        self.limit_note.setVisible(len(rows) > MAX_SHOWN)
        rows = rows[:MAX_SHOWN]
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            items = [QTableWidgetItem(str(r.row)), QTableWidgetItem(self.status_text(r.status)),
                     QTableWidgetItem(r.name), QTableWidgetItem(self.details(r))]
            items[0].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            for c, item in enumerate(items):
                if r.status in _COLOURS:
                    item.setBackground(QBrush(QColor(_COLOURS[r.status])))
                item.setToolTip(item.text())
                self.table.setItem(i, c, item)
        for column in range(3):  # the details take the rest, wrapped (the full text is the tooltip)
            self.table.resizeColumnToContents(column)
        if len(rows) <= WRAPPED_ROWS:
            self.table.resizeRowsToContents()

    def details(self, r: RowOutcome) -> str:
        lang = ui_lang()
        if r.problems:
            return "；".join(p.message(lang) for p in r.problems)
        if r.changes:
            sep = "：" if lang.startswith("zh") else ": "
            return "；".join(f"{field_label(k, lang)}{sep}{_shown(a)} → {_shown(b)}" for k, (a, b) in r.changes.items())
        return "；".join(p.message(lang) for p in r.warnings)


def _shown(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return str(value)
