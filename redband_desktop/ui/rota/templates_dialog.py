"""The station's shift templates in one list (of the district chosen on the page): place,
duty type, days, time span, people needed. New…, Edit… (Enter) and Retire (a retired
template makes no more shifts and its future shifts nobody is on are removed, after a
question); what each did to the rota is said under the list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.rota import DutyType
from redband_desktop.errors import RedbandError
from redband_desktop.services.rota.types import TemplateInfo, TemplateSaved, WeekFilter
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.rota.template_dialog import TemplateDialog
from redband_desktop.ui.widgets.feedback import show_error

if TYPE_CHECKING:
    from redband_desktop.services import Services


class TemplatesDialog(QDialog):
    def __init__(self, services: Services, district_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shift templates"))
        self._services, self._district_id = services, district_id
        self.templates: list[TemplateInfo] = []
        self.table = QTableWidget(0, 5, objectName="templates_table")
        self.table.setHorizontalHeaderLabels([self.tr("Place"), self.tr("Duty type"), self.tr("Days"),
                                              self.tr("Time"), self.tr("People needed")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.notice = QLabel(objectName="templates_notice", wordWrap=True)
        self.new_button = QPushButton(self.tr("New…"), objectName="new_template")
        self.edit_button = QPushButton(self.tr("Edit…"), objectName="edit_template")
        self.retire_button = QPushButton(self.tr("Retire"), objectName="retire_template")
        for button in (self.new_button, self.edit_button, self.retire_button):
            button.setEnabled(services.access.can(Action.EDIT))
        self._layout()
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.retire_button.clicked.connect(self.retire)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit, context=Qt.ShortcutContext.WidgetShortcut)
        self.refresh()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.resize(860, 480)

    def refresh(self) -> None:
        self.templates = self._services.rota.templates(WeekFilter(district_id=self._district_id))
        lang = ui_lang()
        names = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                 self.tr("Sat"), self.tr("Sun"))
        self.table.setRowCount(len(self.templates))
        for row, t in enumerate(self.templates):
            f = t.form
            days = self.tr("Every day") if len(f.weekdays) == 7 else "、".join(names[d] for d in f.weekdays)
            for column, text in enumerate((t.place, DutyType(f.duty_type).label(lang), days,
                                           f"{f.start_time:%H:%M}–{f.end_time:%H:%M}", str(f.needed))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.templates:
            self.table.selectRow(min(max(self.table.currentRow(), 0), len(self.templates) - 1))

    def selected(self) -> TemplateInfo | None:
        row = self.table.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    def new(self) -> None:
        dialog = TemplateDialog(self._services, self)
        if dialog.exec() and dialog.saved is not None:
            self.notice.setText(self.tr("Template saved: generate shifts to put it on the rota"))
            self.refresh()

    def edit(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.edit_button.isEnabled():
            return
        dialog = TemplateDialog(self._services, self, chosen)
        if dialog.exec() and dialog.saved_counts is not None:
            self._tell(dialog.saved_counts)
            self.refresh()

    def retire(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.retire_button.isEnabled():
            return
        asked = QMessageBox.question(self, self.tr("Retire template"), self.tr(
            "Retire {place}? It makes no more shifts, and its future shifts nobody is on are removed.").format(
            place=chosen.place))
        if asked != QMessageBox.StandardButton.Yes:
            return
        try:
            self._tell(self._services.rota.retire_template(chosen.id, chosen.version))
        except RedbandError as exc:
            show_error(self, exc)
        self.refresh()

    def _tell(self, saved: TemplateSaved) -> None:
        self.notice.setText(self.tr("Future shifts nobody is on: {updated} changed, {removed} removed, "
                                    "{created} added").format(updated=saved.updated, removed=saved.removed,
                                                              created=saved.created))
