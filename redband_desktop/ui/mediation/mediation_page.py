"""The mediation case book page: filters (registration dates, type, source, stage,
district and site, overdue, follow-up due, name or number), the paged case list sorted by
any column with counts by stage, registering a dispute, opening a case's window, printing
the selected case's file (卷宗) as PDF and exporting the list to .xlsx. It refreshes when
cases, incidents (referrals) or places change."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.mediation import CaseSource, CaseStatus, DisputeType
from redband_desktop.services.mediation.types import CaseRow, MediationFilter
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.i18n import bracketed, label
from redband_desktop.ui.mediation.case_window import CaseWindow
from redband_desktop.ui.mediation.committee_prompt import CommitteePrompt
from redband_desktop.ui.mediation.register_dialog import RegisterDialog
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


def _attention(r: CaseRow) -> str | None:
    """Overdue cases want action now; an agreement waiting for its follow-up visit, soon."""
    return DANGER if r.overdue else WARNING if r.follow_up_due else None


SHOWS = Change.MEDIATION | Change.INCIDENTS | Change.PLACES


class MediationPage(RegisterPage):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, services.mediation, ("registered_on", True), SHOWS,
                         ("mediation_table", "mediation_count"), parent=parent)
        self._mediation = services.mediation
        self.dispute_type = enum_combo(DisputeType, "filter_type", self.tr("All types"))
        self.status = enum_combo(CaseStatus, "filter_status", self.tr("All stages"))
        self.source = enum_combo(CaseSource, "filter_source", self.tr("All sources"))
        self.dates = DateRange(self.tr("Registered from"))
        self.places = PlaceFilter(self)
        self.overdue = QCheckBox(self.tr("Overdue"), objectName="filter_overdue")
        self.follow_up_due = QCheckBox(self.tr("Follow-up due"), objectName="filter_follow_up")
        self.search = QLineEdit(objectName="filter_text", placeholderText=self.tr("Name or case number"))
        self._preset: MediationFilter | None = None
        self.preset_note = PresetNote("case_preset")
        self.preset_note.cleared.connect(lambda: self.show_preset(None, ""))
        self.register_button = QPushButton(self.tr("Register a dispute…"), objectName="register")
        self.open_button = QPushButton(self.tr("Open…"), objectName="open_case")
        self.windows: dict[int, CaseWindow] = {}
        self.committee = CommitteePrompt(services.station, services.access, self)  # asks once for every window
        self.print_button = QPushButton(self.tr("Print case file…"), objectName="print_file")
        self.export_button = QPushButton(self.tr("Export…"), objectName="export")
        self.register_button.setEnabled(services.access.can(Action.EDIT))
        self.export_button.setEnabled(services.access.can(Action.EXPORT))
        self._layout()
        self._connect()
        self.reload_choices()
        self.refresh()

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Case number"), lambda r: r.number, "number"),
            Column(self.tr("Registered"), lambda r: f"{r.registered_on:%Y-%m-%d}", "registered_on"),
            Column(self.tr("Type"), lambda r: label(r.dispute_type), "dispute_type"),
            Column(self.tr("Stage"), self._stage, "status", flag=_attention),
            Column(self.tr("District"), lambda r: r.district_name, "district"),
            Column(self.tr("Parties"), lambda r: r.parties),
            Column(self.tr("Summary"), lambda r: r.summary, "summary"),
            Column(self.tr("Deadline"), lambda r: f"{r.deadline:%Y-%m-%d}", "deadline",
                   flag=lambda r: DANGER if r.overdue else None),
        ]

    def _stage(self, r: CaseRow) -> str:
        marks = [self.tr("overdue")] if r.overdue else []
        marks += [self.tr("follow-up due")] if r.follow_up_due else []
        return label(r.status) + (bracketed(self.tr(", ").join(marks)) if marks else "")

    def _layout(self) -> None:
        set_up_register_table(self.table, self.model, stretch=6, user=self.user_name())
        title = QLabel(self.tr("People's mediation"))
        title.setStyleSheet("font-size:16px;font-weight:bold")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        for widget in (self.dates, self.places.district, self.places.site):
            filters.addWidget(widget)
        more = QHBoxLayout()
        for widget in (self.dispute_type, self.source, self.status, self.overdue, self.follow_up_due):
            more.addWidget(widget)
        more.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        for button in (self.open_button, self.register_button, self.print_button, self.export_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(more)
        layout.addWidget(self.preset_note)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        for combo in (self.dispute_type, self.source, self.status):
            combo.currentIndexChanged.connect(self.refresh)
        self.places.changed.connect(self.refresh)
        self.dates.changed.connect(self.refresh)
        for box in (self.overdue, self.follow_up_due):
            box.toggled.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.register_button.clicked.connect(self.register)
        self.open_button.clicked.connect(self.open_selected)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.print_button.clicked.connect(self.print_file)
        self.export_button.clicked.connect(self.export)
        add_page_keys(self, self.register_button, self.search, self.table, self.open_selected)

    def reload_choices(self) -> None:
        self.places.reload(self._services.sites.tree())

    def show_preset(self, preset: MediationFilter | None, label: str) -> None:
        """What a statistics figure counts: its dates and district set the filters (the others
        cleared); "a volunteer mediated", "agreed" and "kept from turning criminal" stay on
        top of them until "Show all"."""
        self._preset = preset
        widgets = (self.search, self.dispute_type, self.status, self.source, self.overdue, self.follow_up_due)
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        for combo in (self.dispute_type, self.status, self.source):
            combo.setCurrentIndex(0)
        self.overdue.setChecked(False)
        self.follow_up_due.setChecked(False)
        for w in widgets:
            w.blockSignals(False)
        self.dates.set_range(preset.date_from if preset else None, preset.date_to if preset else None)
        self.places.select(preset.district_id if preset else None, None)
        self.preset_note.show_label(label if preset else "")
        self.refresh()

    def current_filter(self) -> MediationFilter:
        date_from, date_to = self.dates.bounds()
        p = getattr(self, "_preset", None)
        return MediationFilter(volunteer_mediated=bool(p and p.volunteer_mediated), agreed=bool(p and p.agreed),
                               prevented_criminal=bool(p and p.prevented_criminal),dispute_type=self.dispute_type.currentData(), status=self.status.currentData(),
                               source=self.source.currentData(), date_from=date_from, date_to=date_to,
                               district_id=self.places.district_id(), site_id=self.places.site_id(),
                               overdue=self.overdue.isChecked(), follow_up_due=self.follow_up_due.isChecked(),
                               text=self.search.text(), sort=self.model.sort_order[0], descending=self.model.sort_order[1])

    def totals_text(self, totals) -> str:  # noqa: ANN001 - CaseTotals
        counts = "  ".join(f"{label(s)} {totals.by_status[s.value]}" for s in CaseStatus if totals.by_status[s.value])
        return self.tr("{count} cases").format(count=totals.total) + (f" · {counts}" if counts else "")

    def selection_changed(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.print_button.setEnabled(chosen)

    def register(self) -> None:
        districts = [(d.id, d.name) for d in self._services.sites.tree()]
        user = self._services.access.user
        dialog = RegisterDialog(self._mediation, districts, user.display_name if user else "", self)
        if dialog.exec() and dialog.created is not None:
            self.select_id(dialog.created.id)
            self.open_case(dialog.created.id)

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_case(row.id)

    def _open_row(self, number: int) -> None:
        row = self.model.row_at(number)
        if row is not None:
            self.open_case(row.id)

    def open_case(self, case_id: int) -> CaseWindow:
        """The case's window, opened or brought to the front."""
        window = self.windows.get(case_id)
        if window is None:
            window = CaseWindow(self._services, case_id, self, self.committee)
            window.destroyed.connect(lambda _obj=None, ident=case_id: self.windows.pop(ident, None))
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.windows[case_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def print_file(self) -> None:
        row = self.selected()
        if row is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save case file"), str(Path.home() / f"{row.number}.pdf"),
                                              self.tr("PDF document (*.pdf)"))
        if path:
            self.committee.settle(self)
            self._save(path, lambda: self._mediation.document(row.id, "file"))

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export case book"), str(Path.home() / "mediation.xlsx"),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self._save(path, lambda: self._mediation.export(self.current_filter()).data)

    def _save(self, path: str, make) -> None:  # noqa: ANN001
        self.act(lambda: Path(path).write_bytes(make()))
