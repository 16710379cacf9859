"""积分规则 (Points rules…, in the File menu, for administrators): the station's rule table
— for each kind of record (attended duty hours, clues verified or leading to an incident,
activities by type) the points it earns, with every version and the date it applies from —
and a row to add a new version. A change applies from its date on (today or later) and
never rewrites the points already earned; a version not yet in force can be taken back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.points import BEGINNING, MAX_POINTS, RULE_KINDS
from redband_desktop.services.points.types import PointRuleRow
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from redband_desktop.services.points.service import PointsService

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class PointRulesDialog(QDialog):
    def __init__(self, points: PointsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("point_rules_dialog")
        self.setWindowTitle(self.tr("Points rules"))
        self._points = points
        self._errors = FieldErrors()
        self.rows: list[PointRuleRow] = []
        intro = QLabel(self.tr("Points each kind of record earns. A change applies from its date on (today or "
                               "later); points already earned keep the rule of their own day."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 5, self, objectName="point_rules")
        self.table.setHorizontalHeaderLabels([self.tr("Points for"), self.tr("Points"), self.tr("Per"),
                                              self.tr("Applies from"), self.tr("State")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.remove_button = QPushButton(self.tr("Take back the chosen version (not yet in force)"), self,
                                         objectName="remove_rule")
        self.remove_button.clicked.connect(self.remove_chosen)
        self.table.currentCellChanged.connect(lambda *_a: self._enable_remove())
        lang = ui_lang()
        self.kind = QComboBox(self, objectName="rule_kind")
        for code, kind in RULE_KINDS.items():
            unit = f"（{kind.unit(lang)}）" if lang.startswith("zh") else f" ({kind.unit(lang)})"
            self.kind.addItem(kind.label(lang) + unit, code)
        self.points = QSpinBox(self, objectName="points")
        self.points.setRange(0, MAX_POINTS)
        self.since = QDateEdit(self, objectName="effective_from")
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setMinimumDate(QDate.currentDate())
        self.since.setDate(QDate.currentDate())
        self.add_button = QPushButton(self.tr("&Add this rule"), self, objectName="add_rule")
        self.add_button.clicked.connect(self.add_rule)
        self.general_error = FieldErrors.make_label("form")
        self.general_error.setVisible(False)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget, field in ((self.tr("Points &for"), self.kind, "rule_kind"),
                                    (self.tr("&Points"), self.points, "points"),
                                    (self.tr("Applies &from"), self.since, "effective_from")):
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            self._errors.add_to_form(field, form, widget)
        self.kind.currentIndexChanged.connect(lambda _i: self._suggest())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        adding = QHBoxLayout()
        adding.addLayout(form, 1)
        adding.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(QLabel(self.tr("A new version of a rule"), self))
        layout.addLayout(adding)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.table, self.remove_button)
        QWidget.setTabOrder(self.remove_button, self.kind)
        QWidget.setTabOrder(self.kind, self.points)
        QWidget.setTabOrder(self.points, self.since)
        QWidget.setTabOrder(self.since, self.add_button)
        fit_to_screen(self, 760, 640)
        self.reload()
        self._suggest()
        self.kind.setFocus()

    def reload(self) -> None:
        self.rows = self._points.rules()
        lang = ui_lang()
        today = QDate.currentDate().toPython()
        self.table.setRowCount(len(self.rows))
        for r, rule in enumerate(self.rows):
            kind = RULE_KINDS.get(rule.kind)
            state = (self.tr("In force") if rule.in_force else
                     self.tr("From {day}").format(day=rule.effective_from.isoformat())
                     if rule.effective_from > today else self.tr("Superseded"))
            cells = (kind.label(lang) if kind else rule.kind, str(rule.points), kind.unit(lang) if kind else "",
                     self.tr("From the start") if rule.effective_from <= BEGINNING else rule.effective_from.isoformat(),
                     state)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 1:
                    item.setTextAlignment(RIGHT)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._enable_remove()

    def _suggest(self) -> None:
        """Start the points at the rule in force for the chosen kind."""
        code = self.kind.currentData()
        current = next((r for r in self.rows if r.kind == code and r.in_force), None)
        self.points.setValue(current.points if current else RULE_KINDS[code].default)

    def _chosen(self) -> PointRuleRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _enable_remove(self) -> None:
        chosen = self._chosen()
        self.remove_button.setEnabled(chosen is not None and chosen.effective_from > QDate.currentDate().toPython())

    def add_rule(self) -> None:
        def save() -> None:
            self._points.set_rule(self.kind.currentData(), self.points.value(), self.since.date().toPython())

        if self._errors.attempt(self, self.general_error, save):
            self.reload()

    def remove_chosen(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        try:
            self._points.remove_rule(chosen.id)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.reload()
