"""The activities page (活动): search as you type (theme, place, organiser, subject, notes
or a participant's name, pinyin or volunteer number), date range, type, district and site
filters, the paged list (newest first, sortable by column) with the totals of the
filtered set — activities, people, hours, audience — in the status line, recording,
editing and deleting activities, and exporting the filtered set to .xlsx. The keys are
those of every register page: Ctrl+N new, Ctrl+F search, Esc clears it, Enter opens.
It refreshes when activities, volunteers (participants) or places change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.activities import ActivityType, OrganiserKind, hours_text
from redband_desktop.services.activities.types import ActivityFilter, ActivityRow, ActivitySummary
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.activities.activity_dialog import ActivityDialog
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.register_page import RegisterPage
from redband_desktop.ui.table_model import Column
from redband_desktop.ui.widgets.combos import enum_combo
from redband_desktop.ui.widgets.date_range import DateRange
from redband_desktop.ui.widgets.exporting import save_export
from redband_desktop.ui.widgets.page_keys import add_page_keys
from redband_desktop.ui.widgets.place_filter import PlaceFilter
from redband_desktop.ui.widgets.register_table import set_up_register_table

if TYPE_CHECKING:
    from redband_desktop.services import Services

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
SHOWS = Change.ACTIVITIES | Change.VOLUNTEERS | Change.PLACES


def _organiser(r: ActivityRow, lang: str) -> str:
    return r.organiser or OrganiserKind(r.organiser_kind).label(lang)


class ActivitiesPage(RegisterPage):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, services.activities, ("day", True), SHOWS,
                         ("activity_table", "activity_count"), parent=parent)
        self._activities = services.activities
        self.search = QLineEdit(objectName="filter_text", placeholderText=self.tr(
            "Theme, place, organiser or participant (name, pinyin or volunteer number)"))
        self.dates = DateRange(self.tr("Held from"))
        self.activity_type = enum_combo(ActivityType, "filter_type", self.tr("All types"))
        self.places = PlaceFilter(self)
        self.district, self.site = self.places.district, self.places.site
        self.new_button = QPushButton(self.tr("New activity…"), objectName="new_activity")
        self.edit_button = QPushButton(self.tr("Edit…"), objectName="edit_activity")
        self.delete_button = QPushButton(self.tr("Delete…"), objectName="delete_activity")
        self.export_button = QPushButton(self.tr("Export…"), objectName="export")
        self.export_note = QLabel(objectName="export_note")
        self.new_button.setEnabled(services.access.can(Action.EDIT))
        self.export_button.setEnabled(services.access.can(Action.EXPORT))
        self._layout()
        self._connect()
        self.reload_choices()
        self.refresh()

    def columns(self) -> list[Column]:
        lang = ui_lang()
        return [
            Column(self.tr("Date"), lambda r: f"{r.starts_at:%Y-%m-%d}", "day"),
            Column(self.tr("Time"), lambda r: f"{r.starts_at:%H:%M}–{r.ends_at:%H:%M}"),
            Column(self.tr("Type"), lambda r: ActivityType(r.activity_type).label(lang), "activity_type"),
            Column(self.tr("Theme"), lambda r: r.theme, "theme"),
            Column(self.tr("District"), lambda r: r.district, "district"),
            Column(self.tr("Site"), lambda r: r.site or r.location, "site"),
            Column(self.tr("Organiser"), lambda r: _organiser(r, lang), "organiser"),
            Column(self.tr("People"), lambda r: r.people, "people", align=RIGHT),
            Column(self.tr("Hours"), lambda r: hours_text(r.minutes), "minutes", align=RIGHT),
            Column(self.tr("Audience"), lambda r: "" if r.audience is None else r.audience, "audience", align=RIGHT),
            Column(self.tr("Photos"), lambda r: r.photos or "", align=RIGHT),
        ]

    def _layout(self) -> None:
        set_up_register_table(self.table, self.model, stretch=3, user=self.user_name(), newest_column=0)
        title = QLabel(self.tr("Activities"))
        title.setStyleSheet("font-size:16px;font-weight:bold")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.dates)
        more = QHBoxLayout()
        for widget in (self.activity_type, self.district, self.site):
            more.addWidget(widget)
        more.addStretch(1)
        bottom = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.export_note)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(more)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.activity_type.currentIndexChanged.connect(self.refresh)
        self.places.changed.connect(self.refresh)
        self.dates.changed.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.export_button.clicked.connect(lambda: self.export())
        add_page_keys(self, self.new_button, self.search, self.table, self.edit)

    def reload_choices(self) -> None:
        self.places.reload(self._services.sites.tree())

    def current_filter(self) -> ActivityFilter:
        date_from, date_to = self.dates.bounds()
        return ActivityFilter(
            text=self.search.text(), activity_type=self.activity_type.currentData() or "",
            district_id=self.places.district_id(), site_id=self.places.site_id(), date_from=date_from,
            date_to=date_to, sort=self.model.sort_order[0], descending=self.model.sort_order[1],
        )

    def totals_text(self, totals: ActivitySummary) -> str:
        return self.tr("{total} activities · {people} volunteers took part ({times} times) · {hours} hours · "
                       "audience {audience}").format(total=totals.total, people=totals.people,
                                                     times=totals.participations, hours=hours_text(totals.minutes),
                                                     audience=totals.audience)

    def selection_changed(self) -> None:
        row = self.selected()
        access = self._services.access
        self.edit_button.setEnabled(row is not None and access.can(Action.EDIT, row.district_id))
        self.delete_button.setEnabled(row is not None and access.can(Action.DELETE, row.district_id))

    def new(self) -> None:
        self._open_dialog(None)

    def edit(self) -> None:
        row = self.selected()
        if row is not None and self._services.access.can(Action.EDIT, row.district_id):
            self._open_dialog(self._activities.get(row.id))

    def _open_dialog(self, existing) -> None:  # noqa: ANN001 - ActivityDetail or None
        dialog = ActivityDialog(self._services, existing, self)
        if dialog.exec() and dialog.saved is not None:
            self.select_id(dialog.saved.id)

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        lang = ui_lang()
        question = self.tr("Delete the activity “{what}” of {day} with its {people} participants' hours?").format(
            what=row.theme or ActivityType(row.activity_type).label(lang), day=f"{row.starts_at:%Y-%m-%d}",
            people=row.people)
        if QMessageBox.question(self, self.tr("Delete activity"), question) == QMessageBox.StandardButton.Yes:
            self.act(lambda: self._activities.delete(row.id, row.version))

    def export(self, path: str | None = None) -> None:
        f = self.current_filter()
        save_export(self, self.tr("Export activities"), self.tr("activities.xlsx"),
                    lambda: self._activities.export(f), self.export_note, path)
