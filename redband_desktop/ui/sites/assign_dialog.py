"""Assign or replace a building head or zone lead: search the site's volunteers (name,
pinyin, initials, phone) with the roster's own search — each shown with the posts they
already hold — pick one, give the start date and an optional note on the post. The
current head, if any, ends on that date with the reason given."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.errors import RedbandError, ValidationError
from redband_desktop.services.roster.types import RosterFilter
from redband_desktop.services.sites.types import PlaceDetail
from redband_desktop.ui.i18n import label, ui_lang
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from redband_desktop.services.roster.service import RosterService
    from redband_desktop.services.sites.places import PlacesService

ROW = Qt.ItemDataRole.UserRole
LIMIT = 50


class AssignDialog(QDialog):
    def __init__(self, roster: RosterService, places: PlacesService, place: PlaceDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._roster, self._places, self._place = roster, places, place
        self.result_detail: PlaceDetail | None = None
        self.setWindowTitle(self.tr("Assign or replace — {place}").format(place=place.form.label))
        self.search = QLineEdit(objectName="search", placeholderText=self.tr("Name, pinyin, initials or phone"))
        self.candidates = QListWidget(objectName="candidates")
        self.role = QLineEdit(objectName="role_text", placeholderText=self.tr("optional, e.g. retired cadre, property manager"))
        self.start = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.reason = QLineEdit(objectName="reason")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._errors = FieldErrors()
        self._build()
        self.search.textChanged.connect(self.refresh)
        self.buttons.accepted.connect(self.accept_choice)
        self.buttons.rejected.connect(self.reject)
        self.refresh()
        self.resize(460, 560)

    def _build(self) -> None:
        current = self._place.current
        now = (self.tr("Current: {name}").format(name=current.volunteer_name) if current
               else self.tr("No current head"))
        form = QFormLayout()
        form.addRow(self.tr("Note on the post"), self.role)
        self._errors.add_to_form("role_text", form, self.role)
        form.addRow(self.tr("Start date"), self.start)
        self._errors.add_to_form("start_date", form, self.start)
        form.addRow(self.tr("Reason for the change"), self.reason)
        self._errors.add_to_form("reason", form, self.reason)
        self.reason.setEnabled(current is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(now))
        layout.addWidget(self.search)
        layout.addWidget(self.candidates, 1)
        error = FieldErrors.make_label("volunteer_id")
        layout.addWidget(error)
        self._errors.add_label("volunteer_id", error, self.candidates)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def refresh(self) -> None:
        """Active volunteers of the site matching the search text."""
        f = RosterFilter(text=self.search.text(), site_id=self._place.site_id, status=VolunteerStatus.ACTIVE.value)
        rows = self._roster.search(f, LIMIT).first_page
        posts = self._places.posts_of([r.id for r in rows])
        self.candidates.clear()
        for r in rows:
            place = f"　{r.place}" if r.place else ""
            held = posts.get(r.id)
            already = "　" + self.tr("already heads: {places}").format(places="、".join(held)) if held else ""
            item = QListWidgetItem(f"{r.name}　{label(r.background)}{place}{already}")
            item.setData(ROW, r)
            self.candidates.addItem(item)
        if self.candidates.count():
            self.candidates.setCurrentRow(0)

    def accept_choice(self) -> None:
        item = self.candidates.currentItem()
        if item is None:
            self._errors.show({"volunteer_id": self.tr("Choose a volunteer")})
            return
        start: date = self.start.date().toPython()
        try:
            self.result_detail = self._places.assign(
                self._place.kind, self._place.id, item.data(ROW).id, self.role.text(), start, self.reason.text())
        except ValidationError as exc:
            self._errors.show(exc.field_messages(ui_lang()))
            return
        except RedbandError as exc:
            show_error(self, exc)
            return
        self.accept()
