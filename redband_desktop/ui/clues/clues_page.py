"""The clue reports page (线索上报): search as you type, date range, type, urgency,
district, site and status filters, the paged list (newest first, sortable by column) with
totals of the filtered set in the status line, recording and editing clues, the flow
buttons (Verify, Transfer, Close, Feedback) enabled by the selected clue's state and the
user's rights in its district, and exporting the filtered set to .xlsx. It refreshes
when clues, incidents (their links), volunteers (reporters) or places change."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.clues import (
    ClueClosing,
    ClueStatus,
    ClueStep,
    ClueType,
    ClueUrgency,
    step_allowed,
)
from redband_desktop.services.clues.types import AWAITING_FEEDBACK, ClueFilter, ClueRow
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.clues.clue_dialog import ClueDialog
from redband_desktop.ui.clues.flow_dialogs import (
    CloseDialog,
    FeedbackDialog,
    TransferDialog,
    VerifyDialog,
)
from redband_desktop.ui.i18n import bracketed, ui_lang
from redband_desktop.ui.register_page import RegisterPage
from redband_desktop.ui.table_model import DANGER, WARNING, Column
from redband_desktop.ui.widgets.combos import enum_combo
from redband_desktop.ui.widgets.date_range import DateRange
from redband_desktop.ui.widgets.page_keys import add_page_keys
from redband_desktop.ui.widgets.place_filter import PlaceFilter
from redband_desktop.ui.widgets.preset_note import PresetNote
from redband_desktop.ui.widgets.register_table import set_up_register_table

if TYPE_CHECKING:
    from redband_desktop.services import Services

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _urgency(r: ClueRow) -> str | None:
    """特急 wants action now, 紧急 soon — while the clue is still being dealt with."""
    if r.status == ClueStatus.CLOSED:
        return None
    return {ClueUrgency.CRITICAL: DANGER, ClueUrgency.URGENT: WARNING}.get(ClueUrgency(r.urgency))


SHOWS = Change.CLUES | Change.INCIDENTS | Change.VOLUNTEERS | Change.PLACES


class CluesPage(RegisterPage):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, services.clues, ("reported_at", True), SHOWS,
                         ("clue_table", "clue_count"), parent=parent)
        self._clues = services.clues
        self.search = QLineEdit(objectName="filter_text", placeholderText=self.tr("Number, content, place or reporter (name or pinyin)"))
        self.dates = DateRange(self.tr("Reported from"))
        self.clue_type = enum_combo(ClueType, "filter_type", self.tr("All types"))
        self.urgency = enum_combo(ClueUrgency, "filter_urgency", self.tr("Any urgency"))
        self.places = PlaceFilter(self)
        self.district, self.site = self.places.district, self.places.site
        self.status = enum_combo(ClueStatus, "filter_status", self.tr("Any status"))
        self.status.addItem(self.tr("Waiting for feedback"), AWAITING_FEEDBACK)
        self._preset: ClueFilter | None = None
        self.preset_note = PresetNote("clue_preset")
        self.preset_note.cleared.connect(lambda: self.show_preset(None, ""))
        self.new_button = QPushButton(self.tr("New clue…"), objectName="new_clue")
        self.edit_button = QPushButton(self.tr("Edit…"), objectName="edit_clue")
        self.verify_button = QPushButton(self.tr("Verify…"), objectName="verify_clue")
        self.transfer_button = QPushButton(self.tr("Transfer…"), objectName="transfer_clue")
        self.close_button = QPushButton(self.tr("Close…"), objectName="close_clue")
        self.feedback_button = QPushButton(self.tr("Feedback…"), objectName="feedback_clue")
        self.export_button = QPushButton(self.tr("Export…"), objectName="export")
        self.new_button.setEnabled(services.access.can(Action.EDIT))
        self.export_button.setEnabled(services.access.can(Action.EXPORT))
        self._layout()
        self._connect()
        self.reload_choices()
        self.refresh()

    def columns(self) -> list[Column]:
        lang = ui_lang()
        return [
            Column(self.tr("Number"), lambda r: r.number, "number"),
            Column(self.tr("Reported"), lambda r: f"{r.reported_at:%Y-%m-%d %H:%M}", "reported_at"),
            Column(self.tr("Type"), lambda r: ClueType(r.clue_type).label(lang), "clue_type"),
            Column(self.tr("Urgency"), lambda r: ClueUrgency(r.urgency).label(lang), "urgency", flag=_urgency),
            Column(self.tr("Status"), lambda r: ClueStatus(r.status).label(lang) + (
                bracketed(ClueClosing(r.closing).label(lang)) if r.closing else ""), "status"),
            Column(self.tr("District"), lambda r: r.district, "district"),
            Column(self.tr("Site"), lambda r: r.site, "site"),
            Column(self.tr("Reported by"), lambda r: r.reporter, "reporter"),
            Column(self.tr("Incident"), lambda r: r.incident_number),
            Column(self.tr("Photos"), lambda r: r.attachments or "", align=RIGHT),
            Column(self.tr("Feedback"), lambda r: self.tr("given") if r.has_feedback else ""),
            Column(self.tr("Content"), lambda r: r.content.replace("\n", " ")),
        ]

    def _layout(self) -> None:
        set_up_register_table(self.table, self.model, stretch=11, user=self.user_name())
        title = QLabel(self.tr("Clue reports"))
        title.setStyleSheet("font-size:16px;font-weight:bold")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.dates)
        more = QHBoxLayout()
        for widget in (self.clue_type, self.urgency, self.district, self.site, self.status):
            more.addWidget(widget)
        more.addStretch(1)
        bottom = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.verify_button, self.transfer_button,
                       self.close_button, self.feedback_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(more)
        layout.addWidget(self.preset_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        for combo in (self.clue_type, self.urgency, self.status):
            combo.currentIndexChanged.connect(self.refresh)
        self.places.changed.connect(self.refresh)
        self.dates.changed.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.verify_button.clicked.connect(lambda: self._step(VerifyDialog))
        self.transfer_button.clicked.connect(lambda: self._step(TransferDialog))
        self.close_button.clicked.connect(lambda: self._step(CloseDialog))
        self.feedback_button.clicked.connect(lambda: self._step(FeedbackDialog))
        self.export_button.clicked.connect(self.export)
        add_page_keys(self, self.new_button, self.search, self.table, self.edit)

    def reload_choices(self) -> None:
        self._tree = self._services.sites.tree()
        self.places.reload(self._tree)

    def show_preset(self, preset: ClueFilter | None, label: str) -> None:
        """What a figure counts (home page, statistics): its status, dates and district set
        the filters (the others cleared), "led to an incident" stays on top of them until
        "Show all"."""
        self._preset = preset
        status, district_id = (preset.status, preset.district_id) if preset else ("", None)
        widgets = (self.search, self.clue_type, self.urgency, self.status)
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        self.clue_type.setCurrentIndex(0)
        self.urgency.setCurrentIndex(0)
        self.status.setCurrentIndex(max(0, self.status.findData(status)))
        for w in widgets:
            w.blockSignals(False)
        self.dates.set_range(preset.date_from if preset else None, preset.date_to if preset else None)
        self.places.select(district_id, None)
        self.preset_note.show_label(label if preset else "")
        self.refresh()

    def current_filter(self) -> ClueFilter:
        date_from, date_to = self.dates.bounds()
        led = self._preset is not None and self._preset.led_to_incident
        return ClueFilter(
            led_to_incident=led, text=self.search.text(), clue_type=self.clue_type.currentData() or "",
            urgency=self.urgency.currentData() or "", district_id=self.places.district_id(),
            site_id=self.places.site_id(), status=self.status.currentData() or "",
            date_from=date_from, date_to=date_to, sort=self.model.sort_order[0], descending=self.model.sort_order[1],
        )

    def totals_text(self, totals) -> str:  # noqa: ANN001 - ClueSummary
        lang = ui_lang()
        states = "  ".join(f"{ClueStatus(k).label(lang)} {n}" for k, n in totals.by_status.items())
        urgent = totals.by_urgency.get(ClueUrgency.URGENT, 0) + totals.by_urgency.get(ClueUrgency.CRITICAL, 0)
        return self.tr(
            "{total} clues: {states} · urgent or critical {urgent} · led to incidents {led} · "
            "awaiting feedback {waiting}").format(total=totals.total, states=states, urgent=urgent,
                                                   led=totals.led_to_incident, waiting=totals.awaiting_feedback)

    def selection_changed(self) -> None:
        row = self.selected()
        may = row is not None and self._services.access.can(Action.EDIT, row.district_id)
        self.edit_button.setEnabled(may)
        for button, step in ((self.verify_button, ClueStep.VERIFY), (self.transfer_button, ClueStep.TRANSFER),
                             (self.close_button, ClueStep.CLOSE), (self.feedback_button, ClueStep.FEEDBACK)):
            button.setEnabled(may and step_allowed(row.status, step))

    def new(self) -> None:
        self._open_dialog(None)

    def edit(self) -> None:
        row = self.selected()
        if row is not None:
            self._open_dialog(self._clues.get(row.id))

    def _open_dialog(self, existing) -> None:  # noqa: ANN001 - ClueDetail or None
        dialog = ClueDialog(self._services, existing, self)
        if dialog.exec() and dialog.saved is not None:
            self.select_id(dialog.saved.id)

    def _step(self, dialog_class) -> None:  # noqa: ANN001 - a StepDialog subclass
        row = self.selected()
        if row is not None:
            self.act(lambda: dialog_class(self._services, self._clues.get(row.id), self).exec())

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export clues"), str(Path.home() / "clues.xlsx"),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.act(lambda: Path(path).write_bytes(self._clues.export(self.current_filter()).data))
