"""The small dialogs of the clue flow: transfer (to whom), close (how, and the incident
it led to) and feedback (what the volunteer was told). Each calls its service step on OK
and shows a refused field in red under that field, staying open until it is right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from redband_desktop.domain.clues import ClueClosing
from redband_desktop.domain.incidents import IncidentCategory
from redband_desktop.services.clues.types import ClueDetail
from redband_desktop.services.incidents.types import IncidentFilter
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.combos import enum_combo
from redband_desktop.ui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from redband_desktop.services import Services

TARGETS = ("刑侦中队", "治安大队", "反诈中心", "社区居委会", "消防救援站", "市场监管所", "物业公司")
ID = Qt.ItemDataRole.UserRole
INCIDENT_LIMIT = 50


class StepDialog(QDialog):
    """A titled form whose OK runs one service step; `done_detail` holds its result."""

    def __init__(self, title: str, clue: ClueDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{title} — {clue.number}")
        self.clue = clue
        self.done_detail: ClueDetail | None = None
        self.errors = FieldErrors()
        self.general = FieldErrors.make_label("general")
        self.form = QFormLayout(self)

    def add_row(self, title: str, widget: QWidget, field: str) -> None:
        self.form.addRow(title, widget)
        self.errors.add_to_form(field, self.form, widget)

    def finish_layout(self) -> None:
        self.form.addRow(self.general)
        self.general.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)

    def run(self, step: Callable[[], ClueDetail]) -> None:
        def save() -> None:
            self.done_detail = step()

        if self.errors.attempt(self, self.general, save):
            super().accept()


class VerifyDialog(StepDialog):
    def __init__(self, services: Services, clue: ClueDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Verify clue"), clue, parent)
        self._clues = services.clues
        self.note = QPlainTextEdit(objectName="verify_note")
        self.note.setPlaceholderText(self.tr("What the check found (optional)"))
        self.add_row(self.tr("Found"), self.note, "verify_note")
        self.finish_layout()
        self.resize(480, 260)

    def accept(self) -> None:
        self.run(lambda: self._clues.verify(self.clue.id, self.clue.version, self.note.toPlainText()))


class TransferDialog(StepDialog):
    def __init__(self, services: Services, clue: ClueDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Transfer clue"), clue, parent)
        self._clues = services.clues
        self.to_whom = QComboBox(objectName="transferred_to")
        self.to_whom.setEditable(True)
        self.to_whom.addItems(TARGETS)
        self.to_whom.setCurrentText("")
        self.add_row(self.tr("Transfer to"), self.to_whom, "transferred_to")
        self.finish_layout()
        self.resize(420, 120)

    def accept(self) -> None:
        self.run(lambda: self._clues.transfer(self.clue.id, self.clue.version, self.to_whom.currentText()))


class CloseDialog(StepDialog):
    """How the clue ended; "led to an incident" asks for the incident, searched among the
    district's incidents received since the clue was reported."""

    def __init__(self, services: Services, clue: ClueDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Close clue"), clue, parent)
        self._clues, self._incidents = services.clues, services.incidents
        self.closing = enum_combo(ClueClosing, "closing")
        self.search = QLineEdit(objectName="incident_search", placeholderText=self.tr("Incident number or summary"))
        self.incidents = QListWidget(objectName="incident_candidates")
        self.add_row(self.tr("Closed as"), self.closing, "closing")
        self.add_row(self.tr("Find the incident"), self.search, "incident_search")
        self.add_row(self.tr("Incident"), self.incidents, "incident_id")
        self.finish_layout()
        self.closing.currentIndexChanged.connect(self._closing_changed)
        self.search.textChanged.connect(self.refresh)
        self._closing_changed()
        self.resize(520, 420)

    def _closing_changed(self) -> None:
        linked = self.closing.currentData() == ClueClosing.LED_TO_INCIDENT
        self.search.setEnabled(linked)
        self.incidents.setEnabled(linked)
        if linked:
            self.refresh()

    def refresh(self) -> None:
        since = (self.clue.form.reported_at - timedelta(days=1)).date()
        f = IncidentFilter(text=self.search.text(), district_id=self.clue.form.district_id, date_from=since,
                           sort="received_at", descending=False)
        self.incidents.clear()
        for r in self._incidents.search(f, INCIDENT_LIMIT).first_page:
            kind = IncidentCategory(r.category).label(ui_lang())
            item = QListWidgetItem(f"{r.number}　{r.received_at:%Y-%m-%d %H:%M}　{kind}　{r.site}")
            item.setData(ID, r.id)
            self.incidents.addItem(item)

    def incident_id(self) -> int | None:
        if self.closing.currentData() != ClueClosing.LED_TO_INCIDENT:
            return None
        item = self.incidents.currentItem()
        return item.data(ID) if item is not None else None

    def accept(self) -> None:
        self.run(lambda: self._clues.close(self.clue.id, self.clue.version, self.closing.currentData(),
                                           self.incident_id()))


class FeedbackDialog(StepDialog):
    def __init__(self, services: Services, clue: ClueDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Feedback to the volunteer"), clue, parent)
        self._clues = services.clues
        self.add_row(self.tr("Reported by"), QLabel(clue.reporter_name), "reporter_id")
        self.text = QPlainTextEdit(objectName="feedback")
        self.text.setPlainText(clue.feedback)
        self.text.setPlaceholderText(self.tr("What the volunteer was told came of the clue"))
        self.add_row(self.tr("Feedback"), self.text, "feedback")
        self.finish_layout()
        self.resize(480, 300)

    def accept(self) -> None:
        self.run(lambda: self._clues.record_feedback(self.clue.id, self.clue.version, self.text.toPlainText()))
