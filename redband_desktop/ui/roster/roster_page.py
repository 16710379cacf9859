"""The roster page: find any of the station's volunteers as you type, and edit them.

The table is fed page by page from the roster service (see ui.register_page), so search,
filters and sorting stay instant with 100,000 volunteers. The status line counts the
filtered set by status. The page refreshes when volunteers or places change.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.services.roster.types import RosterFilter, RosterRow, RosterSummary
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.register_page import RegisterPage
from redband_desktop.ui.roster.activity_tabs import ActivityTabs
from redband_desktop.ui.roster.filter_bar import RosterFilterBar
from redband_desktop.ui.roster.status_dialog import StatusDialog
from redband_desktop.ui.roster.volunteer_dialog import VolunteerDialog
from redband_desktop.ui.table_model import Column
from redband_desktop.ui.widgets.exporting import save_export
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.page_keys import add_page_keys
from redband_desktop.ui.widgets.preset_note import PresetNote
from redband_desktop.ui.widgets.register_table import set_up_register_table

if TYPE_CHECKING:
    from redband_desktop.services import Services

CENTER = Qt.AlignmentFlag.AlignCenter
THUMB_HEIGHT = 30


SHOWS = Change.VOLUNTEERS | Change.PLACES


class RosterPage(RegisterPage):
    print_requested = Signal(list)  # volunteer ids whose cards to print (the ID cards page does)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, services.roster, ("name", False), SHOWS, ("roster_table", "counts"),
                         self._thumbnails, parent)
        self.filters = RosterFilterBar(services)
        self.search = self.filters.search
        self.add_button = QPushButton(self.tr("Add volunteer"), objectName="add")
        self.edit_button = QPushButton(self.tr("Edit…"), objectName="edit")
        self.status_button = QPushButton(self.tr("Change status…"), objectName="change_status")
        self.print_button = QPushButton(self.tr("Print card…"), objectName="print_cards")
        self.print_button.setToolTip(self.tr("Print the ID cards of the selected volunteers (Ctrl or Shift to "
                                             "select several)"))
        self.export_button = QPushButton(self.tr("Export…"), objectName="export")
        self.export_button.setEnabled(services.access.can(Action.EXPORT))
        self.export_note = QLabel(objectName="export_note")
        self._preset: RosterFilter | None = None
        self.preset_note = PresetNote("roster_preset")
        self._set_up_table()
        self._layout()
        self._connect()
        self.refresh()

    def columns(self) -> list[Column]:
        lang = ui_lang()  # once: the cells are drawn thousands of times
        return [
            Column(self.tr("Name"), lambda r: r.name, "name"),
            Column(self.tr("Gender"), lambda r: r.gender.label(lang), "gender", CENTER),
            Column(self.tr("Age"), lambda r: r.age, "age", CENTER),
            Column(self.tr("Phone"), lambda r: r.phone_masked, "phone"),
            Column(self.tr("District"), lambda r: r.district, "district"),
            Column(self.tr("Site"), lambda r: f"{r.site} {r.place}".strip(), "site"),
            Column(self.tr("Background"), lambda r: r.background.label(lang), "background"),
            Column(self.tr("Status"), lambda r: r.status.label(lang), "status", CENTER),
            Column(self.tr("Joined"), lambda r: r.joined_on.isoformat(), "joined_on", CENTER),
            Column(self.tr("Volunteer number"), lambda r: r.volunteer_no),
        ]

    def _set_up_table(self) -> None:
        table = self.table
        set_up_register_table(table, self.model, stretch=5, user=self.user_name(), newest_column=0)
        table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # names A–Z
        table.setAlternatingRowColors(True)
        table.verticalHeader().setDefaultSectionSize(THUMB_HEIGHT + 4)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.setIconSize(QPixmap(THUMB_HEIGHT * 3 // 4, THUMB_HEIGHT).size())
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # cards for several

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.status_button, self.print_button, self.export_button):
            buttons.addWidget(button)
        buttons.addWidget(self.export_note)
        # the count takes the rest of the row (a wrapping label beside a stretch got squeezed
        # to three lines in English), flush right
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        buttons.addWidget(self.count, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.preset_note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.filters.changed.connect(self.refresh)
        self.preset_note.cleared.connect(lambda: self.show_preset(None, ""))
        self.add_button.clicked.connect(self.add_volunteer)
        self.edit_button.clicked.connect(self.edit_selected)
        self.status_button.clicked.connect(self.change_status)
        self.print_button.clicked.connect(self.print_cards)
        self.export_button.clicked.connect(lambda: self.export())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        add_page_keys(self, self.add_button, self.search, self.table, self.edit_selected)

    # -- loading -----------------------------------------------------------------
    def current_filter(self) -> RosterFilter:
        f = self.filters.current(*self.model.sort_order)
        p = self._preset
        if p is None:
            return f
        return replace(f, joined_from=p.joined_from, joined_to=p.joined_to, status_since_from=p.status_since_from,
                       status_since_to=p.status_since_to)

    def show_preset(self, preset: RosterFilter | None, label: str) -> None:
        """Show what a home-page figure counts: its status and district set the combos (the
        search is emptied), its dates stay on top of them until "Show all"."""
        self._preset = preset
        bar = self.filters
        widgets = (bar.search, bar.district, bar.kind, bar.site, bar.status, bar.background, bar.skill)
        for w in widgets:
            w.blockSignals(True)
        bar.search.clear()
        for combo in (bar.kind, bar.background, bar.skill):
            combo.setCurrentIndex(0)
        bar.status.setCurrentIndex(max(0, bar.status.findData(preset.status)) if preset else 0)
        bar.district.setCurrentIndex(max(0, bar.district.findData(preset.district_id)) if preset else 0)
        bar.reload_choices()
        bar.site.setCurrentIndex(0)
        for w in widgets:
            w.blockSignals(False)
        self.preset_note.show_label(label if preset else "")
        self.refresh()

    def reload_choices(self) -> None:
        self.filters.reload_choices()

    def totals_text(self, totals: RosterSummary) -> str:
        by_status = totals.by_status
        return self.tr("{total} volunteers shown · active {active} · suspended {suspended} · left {left}").format(
            total=f"{totals.total:,}",
            active=f"{by_status.get('active', 0):,}",
            suspended=f"{by_status.get('suspended', 0):,}",
            left=f"{by_status.get('left', 0):,}",
        )

    def _thumbnails(self, rows: list[RosterRow]) -> dict[int, QPixmap]:
        ids = [r.id for r in rows if r.has_photo]
        pixmaps = {}
        for vid, data in self._services.roster.thumbnails(ids).items():
            pixmap = QPixmap()
            if pixmap.loadFromData(data):
                pixmaps[vid] = pixmap.scaledToHeight(THUMB_HEIGHT, Qt.TransformationMode.SmoothTransformation)
        return pixmaps

    # -- actions -----------------------------------------------------------------
    def selection_changed(self) -> None:
        """Buttons the signed-in role may not use stay disabled (officers are further
        checked against the volunteer's district when saving)."""
        chosen = len(self.table.selectionModel().selectedRows())
        has = chosen == 1
        can = self._services.roster.can
        self.add_button.setEnabled(can(Action.EDIT))
        self.edit_button.setEnabled(has and can(Action.EDIT))
        self.status_button.setEnabled(has and can(Action.CHANGE_STATUS))
        self.print_button.setEnabled(chosen > 0 and self._services.cards.can(Action.EDIT))

    def print_cards(self) -> None:
        """The selected volunteers' cards: the ID cards page's print tab, with them chosen."""
        rows = self.table.selectionModel().selectedRows()
        ids = [self.model.row_at(index.row()).id for index in sorted(rows, key=lambda i: i.row())]
        if ids and self.print_button.isEnabled():
            self.print_requested.emit(ids)

    def add_volunteer(self) -> None:
        if not self.add_button.isEnabled():  # Ctrl+N
            return
        self._open(VolunteerDialog(self._services.roster, self._services.structure, None, self))

    def edit_selected(self) -> None:
        row = self.selected()
        if row is None or not self.edit_button.isEnabled():
            return
        try:
            volunteer = self._services.roster.get(row.id)
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return
        activity = ActivityTabs(self._services, volunteer.id)
        dialog = VolunteerDialog(self._services.roster, self._services.structure, volunteer, self, activity)
        activity.print_requested.connect(lambda vid: dialog.close_unchanged() and self.print_requested.emit([vid]))
        self._open(dialog)

    def change_status(self) -> None:
        row = self.selected()
        if row is None:
            return
        self._open(StatusDialog(self._services.roster, self._services.roster.get(row.id), self))

    def export(self, path: str | None = None) -> None:
        """The filtered roster in the table's order (personal numbers in full for the
        roles allowed, masked for the others)."""
        full = self._services.access.can(Action.EXPORT_FULL)
        f = self.current_filter()
        save_export(self, self.tr("Export the roster"), self.tr("roster.xlsx"),
                    lambda: self._services.roster.export(f, full=full), self.export_note, path)

    def _open(self, dialog: VolunteerDialog | StatusDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
