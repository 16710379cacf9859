"""The incident register page: search text, date range, category, district, status and
channel filters, the paged list (newest first) with totals in the status line, recording
and editing incidents, closing with an outcome, reopening with a reason, referring a
dispute to mediation, and exporting the filtered set to .xlsx. It refreshes when
incidents, mediation cases (their links) or places change (see `ui.register_page`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.incidents import (
    IncidentCategory,
    IncidentChannel,
    IncidentOutcome,
    IncidentStatus,
)
from redband_desktop.services.incidents.types import IncidentFilter
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.i18n import bracketed, ui_lang
from redband_desktop.ui.incidents.incident_dialog import IncidentDialog
from redband_desktop.ui.register_page import RegisterPage
from redband_desktop.ui.table_model import Column
from redband_desktop.ui.widgets.combos import enum_combo
from redband_desktop.ui.widgets.date_range import DateRange
from redband_desktop.ui.widgets.page_keys import add_page_keys
from redband_desktop.ui.widgets.place_filter import PlaceFilter
from redband_desktop.ui.widgets.register_table import set_up_register_table

if TYPE_CHECKING:
    from redband_desktop.services import Services

SHOWS = Change.INCIDENTS | Change.MEDIATION | Change.PLACES


class IncidentsPage(RegisterPage):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, services.incidents, ("received_at", True), SHOWS,
                         ("incident_table", "incident_count"), parent=parent)
        self._incidents = services.incidents
        self.search = QLineEdit(objectName="filter_text", placeholderText=self.tr("Number, summary, place or caller"))
        self.dates = DateRange(self.tr("Received from"))
        self.category = enum_combo(IncidentCategory, "filter_category", self.tr("All categories"))
        self.places = PlaceFilter(self)
        self.district, self.site = self.places.district, self.places.site
        self.involvement = QComboBox(objectName="filter_volunteers")
        for text, value in ((self.tr("With or without volunteers"), None), (self.tr("Volunteers took part"), True),
                            (self.tr("No volunteers"), False)):
            self.involvement.addItem(text, value)
        self.status = enum_combo(IncidentStatus, "filter_status", self.tr("Open and closed"))
        self.channel = enum_combo(IncidentChannel, "filter_channel", self.tr("All channels"))
        self.new_button = QPushButton(self.tr("Record an incident…"), objectName="new_incident")
        self.edit_button = QPushButton(self.tr("Edit…"), objectName="edit_incident")
        self.close_button = QPushButton(self.tr("Close…"), objectName="close_incident")
        self.reopen_button = QPushButton(self.tr("Reopen…"), objectName="reopen_incident")
        self.mediate_button = QPushButton(self.tr("To mediation…"), objectName="to_mediation")
        self.mediate_button.setToolTip(self.tr("Register a people's mediation case for this dispute, linked to it"))
        self.export_button = QPushButton(self.tr("Export…"), objectName="export")
        self._preset: IncidentFilter | None = None
        self.preset_note = QLabel(objectName="incident_preset", wordWrap=True)
        self.preset_note.setStyleSheet("background:#fff4d6;padding:4px")
        self.clear_preset_button = QPushButton(self.tr("Show all"), objectName="clear_preset")
        for button in (self.new_button, self.edit_button, self.close_button, self.reopen_button, self.mediate_button):
            button.setEnabled(services.access.can(Action.EDIT))
        self.export_button.setEnabled(services.access.can(Action.EXPORT))
        self._layout()
        self._connect()
        self.reload_choices()
        self.refresh()

    def columns(self) -> list[Column]:
        lang = ui_lang()
        return [
            Column(self.tr("Number"), lambda r: r.number, "number"),
            Column(self.tr("Received"), lambda r: f"{r.received_at:%Y-%m-%d %H:%M}", "received_at"),
            Column(self.tr("Category"), lambda r: IncidentCategory(r.category).label(lang), "category"),
            Column(self.tr("District"), lambda r: r.district, "district"),
            Column(self.tr("Site"), lambda r: r.site, "site"),
            Column(self.tr("Caller"), lambda r: self.tr("(confidential)") if r.caller_confidential else r.caller,
                   "caller"),
            Column(self.tr("Status"), lambda r: IncidentStatus(r.status).label(lang)
                   + (bracketed(IncidentOutcome(r.outcome).label(lang)) if r.outcome else ""), "status"),
            Column(self.tr("Volunteers"), lambda r: r.volunteers or "", "volunteers"),
            Column(self.tr("Summary"), lambda r: r.summary.replace("\n", " ")),
            Column(self.tr("Location"), lambda r: r.location, "location"),
        ]

    def _layout(self) -> None:
        set_up_register_table(self.table, self.model, stretch=8, user=self.user_name())
        title = QLabel(self.tr("Incident register"))
        title.setStyleSheet("font-size:16px;font-weight:bold")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        for widget in (self.dates, self.category, self.district, self.site):
            filters.addWidget(widget)
        more = QHBoxLayout()
        for widget in (self.status, self.channel, self.involvement):
            more.addWidget(widget)
        more.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        for button in (self.new_button, self.edit_button, self.close_button, self.reopen_button, self.mediate_button,
                       self.export_button):
            bottom.addWidget(button)
        preset = QHBoxLayout()
        preset.addWidget(self.preset_note, 1)
        preset.addWidget(self.clear_preset_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(more)
        layout.addLayout(preset)
        self.preset_note.hide()
        self.clear_preset_button.hide()
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        for combo in (self.category, self.status, self.channel, self.involvement):
            combo.currentIndexChanged.connect(self.refresh)
        self.places.changed.connect(self.refresh)
        self.dates.changed.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.close_button.clicked.connect(self.close_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.mediate_button.clicked.connect(self.to_mediation)
        self.export_button.clicked.connect(self.export)
        self.clear_preset_button.clicked.connect(lambda: self.show_preset(None, ""))
        add_page_keys(self, self.new_button, self.search, self.table, self.edit)

    def reload_choices(self) -> None:
        self._tree = self._services.sites.tree()
        self.places.reload(self._tree)

    def show_preset(self, preset: IncidentFilter | None, label: str) -> None:
        """Show what a figure counts (statistics, home page) on top of the filters above;
        "Show all" drops it. Its own status, district and site set the combos."""
        self._preset = preset
        shown = preset is not None
        self.status.blockSignals(True)  # what the figure set is undone by "Show all"
        self.status.setCurrentIndex(max(0, self.status.findData(preset.status or None)) if shown else 0)
        self.status.blockSignals(False)
        self.places.select(preset.district_id if shown else None, preset.site_id if shown else None)
        self.preset_note.setText(self.tr("Showing: {what}").format(what=label) + (
            self.tr(" (by date of occurrence)") if shown and preset.occurred_from else ""))
        self.preset_note.setVisible(shown)
        self.clear_preset_button.setVisible(shown)
        self.refresh()

    def current_filter(self) -> IncidentFilter:
        f = self._own_filter()
        if self._preset is None:
            return f
        p = self._preset
        return replace(f, categories=p.categories, occurred_from=p.occurred_from, occurred_to=p.occurred_to,
                       contact_type=p.contact_type, site_kind=p.site_kind, volunteer_role=p.volunteer_role)

    def _own_filter(self) -> IncidentFilter:
        date_from, date_to = self.dates.bounds()
        return IncidentFilter(
            text=self.search.text(), category=self.category.currentData() or "",
            district_id=self.places.district_id(), status=self.status.currentData() or "",
            channel=self.channel.currentData() or "", site_id=self.places.site_id(),
            with_volunteers=self.involvement.currentData(), sort=self.model.sort_order[0], descending=self.model.sort_order[1],
            date_from=date_from, date_to=date_to,
        )

    def totals_text(self, totals) -> str:  # noqa: ANN001 - IncidentSummary
        lang = ui_lang()
        parts = [f"{IncidentCategory(k).label(lang)} {n}" for k, n in totals.by_category.items() if n]
        return self.tr("{total} incidents, {open} open, loss {loss} yuan").format(
            total=totals.total, open=totals.open, loss=f"{totals.loss_yuan:,.0f}") + (
            " · " + "  ".join(parts) if parts else "")

    def new(self) -> None:
        self._open_dialog(None)

    def edit(self) -> None:
        row = self.selected()
        if row is not None:
            self._open_dialog(self._incidents.get(row.id))

    def _open_dialog(self, existing) -> None:  # noqa: ANN001 - IncidentDetail or None
        IncidentDialog(self._incidents, self._services.roster, self._tree, existing, self).exec()

    def close_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        choices = IncidentOutcome.choices(ui_lang())
        text, ok = QInputDialog.getItem(self, self.tr("Close incident"), self.tr("Outcome"),
                                        [t for _c, t in choices], 0, False)
        if ok:
            outcome = next(c for c, t in choices if t == text)
            self.act(lambda: self._incidents.close(row.id, row.version, outcome))

    def reopen_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Reopen incident"), self.tr("Reason"))
        if ok:
            self.act(lambda: self._incidents.reopen(row.id, row.version, reason))

    def to_mediation(self) -> None:
        """One step from a dispute incident to a mediation case that links back to it."""
        row = self.selected()
        if row is None:
            return
        ask = self.tr("Register a people's mediation case for dispute {number}? The case is linked to this "
                      "incident and starts with its place, summary and caller.").format(number=row.number)
        if QMessageBox.question(self, self.tr("To mediation"), ask) != QMessageBox.StandardButton.Yes:
            return
        cases = []
        if self.act(lambda: cases.append(self._services.mediation.register_from_incident(row.id))):
            QMessageBox.information(self, self.tr("To mediation"), self.tr(
                "Mediation case {case} registered. Open it on the Mediation page to add parties and sessions.").format(
                case=cases[0].number))

    def selection_changed(self) -> None:
        row = self.selected()
        self.mediate_button.setEnabled(row is not None and row.category == IncidentCategory.DISPUTE
                                       and self._services.access.can(Action.EDIT, row.district_id))

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export incidents"), str(Path.home() / "incidents.xlsx"),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.act(lambda: Path(path).write_bytes(self._incidents.export(self.current_filter()).data))
