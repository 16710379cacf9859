"""The wizard's column step: the first rows of the sheet as read, and for each field the
column it comes from (guessed from the headers, corrected here), plus one value for every
row where the sheet has no column. The mapping can be saved as JSON for next time (the same
file `redband import --mapping` reads)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from redband_desktop.domain.enums import Background, PoliticalStatus
from redband_desktop.messages import field_label
from redband_desktop.services.importing import cells
from redband_desktop.services.importing.columns import FIELDS, NEEDED
from redband_desktop.services.importing.types import ImportKind, Mapping, Table
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.combos import enum_combo
from redband_desktop.ui.widgets.field_errors import FieldErrors

SHOWN_ROWS = 6


class MappingPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Check which column holds each field; fields marked * are needed."))
        self.sample = QTableWidget(objectName="sample")
        self.sample.setMaximumHeight(190)
        self.header_row = QSpinBox(objectName="header_row", minimum=1, maximum=30)
        self.combos: dict[str, QComboBox] = {}
        self.grid = QGridLayout()
        self.background = enum_combo(Background, "default_background", blank=self.tr("(none: the sheet's column)"))
        self.political = enum_combo(PoliticalStatus, "default_political", blank=self.tr("(none: the sheet's column)"))
        self.save_button = QPushButton(self.tr("Save mapping…"), objectName="save_mapping")
        self.load_button = QPushButton(self.tr("Load mapping…"), objectName="load_mapping")
        self.note = QLabel(objectName="mapping_note")
        self.error = FieldErrors.make_label("mapping")
        self.error.hide()
        self._table: Table | None = None
        self._kind = ImportKind.ROSTER
        self._layout()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Header row")))
        top.addWidget(self.header_row)
        top.addWidget(QLabel(self.tr("(the row numbers are the sheet's own)")), 1)
        defaults = QGroupBox(self.tr("For every row where the sheet has no such column"))
        form = QFormLayout(defaults)
        form.addRow(field_label("background", ui_lang()), self.background)
        form.addRow(field_label("political_status", ui_lang()), self.political)
        fields = QGroupBox(self.tr("Fields"))
        fields.setLayout(self.grid)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sample)
        layout.addLayout(top)
        layout.addWidget(fields)
        layout.addWidget(defaults)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.header_row.valueChanged.connect(lambda _v: self._fill_sample())

    def show_table(self, table: Table, kind: ImportKind, mapping: Mapping) -> None:
        self._table, self._kind = table, kind
        self.say("")
        self.note.clear()
        self.header_row.blockSignals(True)
        self.header_row.setValue(mapping.header_row + 1)
        self.header_row.blockSignals(False)
        self._build_combos()
        self._fill_sample()
        for name, combo in self.combos.items():
            combo.setCurrentIndex(combo.findData(mapping.columns.get(name, -1)))
        self._set_default(self.background, mapping.defaults.get("background"))
        self._set_default(self.political, mapping.defaults.get("political_status"))
        self.background.parent().setVisible(kind is ImportKind.ROSTER)

    @staticmethod
    def _set_default(combo: QComboBox, code: str | None) -> None:
        combo.setCurrentIndex(max(combo.findData(code), 0))

    def headers(self) -> list[str]:
        rows = self._table.rows if self._table else ()
        index = self.header_row.value() - 1
        return [cells.text(h) for h in rows[index]] if index < len(rows) else []

    def _build_combos(self) -> None:
        while self.grid.count():
            self.grid.takeAt(0).widget().deleteLater()
        self.combos.clear()
        needed = NEEDED[self._kind]
        for i, name in enumerate(FIELDS[self._kind]):
            combo = QComboBox(objectName=f"column_{name}")
            label = field_label(name, ui_lang()) + (" *" if name in needed else "")
            self.grid.addWidget(QLabel(label), i // 3, (i % 3) * 2)
            self.grid.addWidget(combo, i // 3, (i % 3) * 2 + 1)
            self.combos[name] = combo

    def _fill_sample(self) -> None:
        headers = self.headers()
        for combo in self.combos.values():
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("(not in the sheet)"), -1)
            for i, h in enumerate(headers):
                combo.addItem(h or self.tr("column {n}").format(n=i + 1), i)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
        rows = self._table.rows[self.header_row.value():self.header_row.value() + SHOWN_ROWS] if self._table else ()
        self.sample.setColumnCount(len(headers))
        self.sample.setRowCount(len(rows))
        self.sample.setHorizontalHeaderLabels(headers)
        first = self.header_row.value() + 1  # the spreadsheet's number of the row under the headers
        self.sample.setVerticalHeaderLabels([str(first + r) for r in range(len(rows))])
        for r, row in enumerate(rows):
            for c, value in enumerate(row[:len(headers)]):
                self.sample.setItem(r, c, QTableWidgetItem(cells.text(value)))
        self.sample.resizeColumnsToContents()

    def mapping(self) -> Mapping:
        columns = {n: c.currentData() for n, c in self.combos.items() if c.currentData() is not None and c.currentData() >= 0}
        defaults = {k: combo.currentData() for k, combo in (("background", self.background),
                                                            ("political_status", self.political))
                    if combo.currentData() and self._kind is ImportKind.ROSTER}
        return Mapping(self.header_row.value() - 1, columns, defaults)

    def mapping_json(self) -> dict[str, Any]:
        """The mapping by header text (what `redband import --mapping` reads); the header
        row is found again in the next sheet, whose title rows may differ."""
        return {**self.mapping().as_json(self.headers()), "kind": self._kind.value}

    def say(self, text: str) -> None:
        """A problem with the mapping, in red above the buttons ("" clears it)."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def say_saved(self, file_name: str) -> None:
        self.note.setText(self.tr("Saved as {file}; it is used again for sheets with the same headers.").format(
            file=file_name))

