"""A shift's patrol log (巡逻记录): the entries written on it so far, and a new one — who
wrote it up (one of the people who served on the shift, or nobody), the route or places
covered, what was seen, and the clue report or incident it raised: one of those already
recorded at the shift's site on its day, or a new one. "Report a clue…" and "Record an
incident…" open the usual clue and incident forms filled in with the volunteer, the shift's
place and the time (now, kept within the shift); the record saved there is chosen as the
entry's link, and what it says fills "What was seen" if that is still empty. "Add entry"
(Ctrl+Return) saves the entry. Every control is reached with Tab; Alt+letter mnemonics on
the captions and buttons."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.incidents import VolunteerRole
from redband_desktop.domain.rota import DutyType
from redband_desktop.services.clues.types import ClueFilter, ClueForm
from redband_desktop.services.incidents.types import IncidentFilter, IncidentForm
from redband_desktop.services.rota.types import PatrolLogForm, PatrolLogRow, ShiftInfo
from redband_desktop.ui.clues.clue_dialog import ClueDialog
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.incidents.incident_dialog import IncidentDialog
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from redband_desktop.services import Services


def patrol_time(shift: ShiftInfo, at: datetime) -> datetime:
    """`at` kept within the shift: now during it, its end after it (minutes only)."""
    return min(max(at, shift.starts_at), shift.ends_at).replace(second=0, microsecond=0)


class PatrolLogDialog(QDialog):
    def __init__(self, services: Services, shift: ShiftInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._rota, self.shift = services, services.rota, shift
        lang = ui_lang()
        self.setObjectName("patrol_log_dialog")
        self.setWindowTitle(self.tr("Patrol log: {place} {day} {start}–{end} {duty}").format(
            place=shift.place, day=f"{shift.day:%Y-%m-%d}", start=f"{shift.starts_at:%H:%M}",
            end=f"{shift.ends_at:%H:%M}", duty=DutyType(shift.duty_type).label(lang)))
        self.heading = QLabel(self.windowTitle(), objectName="patrol_heading", wordWrap=True)
        self.heading.setStyleSheet("font-weight:bold")
        self.entries = QTableWidget(0, 6, objectName="patrol_entries")
        self.entries.setHorizontalHeaderLabels([
            self.tr("Recorded"), self.tr("Volunteer"), self.tr("Route or places"), self.tr("What was seen"),
            self.tr("Linked record"), self.tr("Recorded by")])
        self.entries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entries.setTabKeyNavigation(False)
        self.entries.setWordWrap(True)
        self.entries.verticalHeader().setVisible(False)
        self.volunteer = QComboBox(objectName="patrol_volunteer")
        self.route = QLineEdit(objectName="patrol_route", placeholderText=self.tr("e.g. buildings 1–6, the east gate"))
        self.note = QPlainTextEdit(objectName="patrol_note")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What the patrol saw, heard or did"))
        self.clue = QComboBox(objectName="patrol_clue")
        self.incident = QComboBox(objectName="patrol_incident")
        self.report_clue_button = QPushButton(self.tr("Report a &clue…"), objectName="report_clue")
        self.record_incident_button = QPushButton(self.tr("Record an &incident…"), objectName="record_incident")
        self.add_button = QPushButton(self.tr("&Add entry"), objectName="add_entry")
        for button in (self.report_clue_button, self.record_incident_button):
            button.setAutoDefault(False)  # Enter in the route adds the entry, it opens no form
        self.add_button.setDefault(True)
        self.notice = QLabel(objectName="patrol_notice", wordWrap=True)
        self.general = FieldErrors.make_label("general")
        self.general.setVisible(False)
        self.errors = FieldErrors()
        self._layout()
        self._allow()
        self.report_clue_button.clicked.connect(self.report_clue)
        self.record_incident_button.clicked.connect(self.record_incident)
        self.add_button.clicked.connect(self.add_entry)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.add_button.click)
        self._fill_choices()
        self.show_entries(self._rota.patrol_logs(shift.id))
        fit_to_screen(self, 980, 640)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        """Open in the route of a new entry (the list for someone who only reads)."""
        super().showEvent(event)
        (self.route if self.add_button.isEnabled() else self.entries).setFocus()

    # -- building --------------------------------------------------------------------------
    def _layout(self) -> None:
        head = self.entries.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (2, 3):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        group = QGroupBox(self.tr("New entry"), self)
        form = QFormLayout(group)
        for caption, widget, field in (
                (self.tr("&Volunteer"), self.volunteer, "volunteer_id"),
                (self.tr("&Route or places"), self.route, "route"), (self.tr("What was &seen"), self.note, "note"),
                (self.tr("C&lue report"), self.clue, "clue_id"), (self.tr("Inci&dent"), self.incident, "incident_id")):
            title = QLabel(caption, self)
            title.setBuddy(widget)
            form.addRow(title, widget)
            self.errors.add_to_form(field, form, widget)
        self.note.setFixedHeight(72)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_clue_button)
        buttons.addWidget(self.record_incident_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        form.addRow(buttons)
        form.addRow(self.general)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.notice, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.entries, 1)
        layout.addWidget(group)
        layout.addLayout(bottom)
        chain = [self.entries, self.volunteer, self.route, self.note, self.clue, self.incident,
                 self.report_clue_button, self.record_incident_button, self.add_button,
                 close.button(QDialogButtonBox.StandardButton.Close)]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _allow(self) -> None:
        """Entries, like the clues and incidents recorded at the shift's place, are written by
        those who may edit records of the shift's district."""
        may_log = self._services.access.can(Action.EDIT, self.shift.district_id)
        for widget in (self.volunteer, self.route, self.note, self.clue, self.incident, self.add_button,
                       self.report_clue_button, self.record_incident_button):
            widget.setEnabled(may_log)

    def _fill_choices(self) -> None:
        """Who may have written the entry: the people on the shift and any stand-in recorded
        for them; the clues and incidents recorded at the shift's site from its day to the next."""
        self.volunteer.addItem(self.tr("(nobody named)"), None)
        people = [(p.volunteer_id, p.name) for p in self.shift.people]
        for row in self._rota.attendance(self.shift.id).rows:
            if row.swapped_with_id is not None and row.swapped_with_id not in dict(people):
                people.append((row.swapped_with_id, row.swapped_with))
        for vid, name in people:
            self.volunteer.addItem(name, vid)
        self.volunteer.setCurrentIndex(1 if people else 0)
        first, last = self.shift.day, self.shift.day + timedelta(days=1)
        self.clue.addItem(self.tr("(none)"), None)
        for c in self._services.clues.search(ClueFilter(date_from=first, date_to=last, site_id=self.shift.site_id),
                                             200).first_page:
            self._add_clue(c.id, c.number, c.content)
        self.incident.addItem(self.tr("(none)"), None)
        for i in self._services.incidents.search(IncidentFilter(date_from=first, date_to=last,
                                                                site_id=self.shift.site_id), 200).first_page:
            self._add_incident(i.id, i.number, i.summary)

    @staticmethod
    def _short(text: str) -> str:
        line = " ".join(text.split())
        return line if len(line) <= 30 else line[:29] + "…"

    def _add_clue(self, ident: int, number: str, content: str) -> None:
        if self.clue.findData(ident) < 0:
            self.clue.addItem(f"{number}　{self._short(content)}", ident)

    def _add_incident(self, ident: int, number: str, summary: str) -> None:
        if self.incident.findData(ident) < 0:
            self.incident.addItem(f"{number}　{self._short(summary)}", ident)

    def show_entries(self, rows: list[PatrolLogRow]) -> None:
        self.entries.setRowCount(len(rows))
        for r, row in enumerate(rows):
            linked = "　".join(x for x in (row.clue_number, row.incident_number) if x)
            for c, text in enumerate((f"{row.recorded_at:%m-%d %H:%M}", row.volunteer or "—", row.route, row.note,
                                      linked, row.recorded_by)):
                self.entries.setItem(r, c, QTableWidgetItem(text))
        self.entries.resizeRowsToContents()
        if rows:
            self.entries.setCurrentCell(len(rows) - 1, 0)

    # -- acting ----------------------------------------------------------------------------
    def _at(self) -> datetime:
        return patrol_time(self.shift, datetime.now())

    def _volunteer(self) -> tuple[int | None, str]:
        vid = self.volunteer.currentData()
        return vid, self.volunteer.currentText() if vid is not None else ""

    def report_clue(self) -> None:
        """The clue form, filled in with the volunteer, the shift's place and the time."""
        if not self.report_clue_button.isEnabled():
            return
        vid, name = self._volunteer()
        sh = self.shift
        initial = ClueForm(reporter_id=vid, reported_at=self._at(), district_id=sh.district_id,
                           clue_type="",  # the clerk chooses: the form shows its usual first choice
                           site_id=sh.site_id, building_id=sh.building_id, zone_id=sh.zone_id,
                           content=self.note.toPlainText())
        dialog = ClueDialog(self._services, None, self, initial=initial, reporter_name=name)
        if dialog.exec() and dialog.saved is not None:
            saved = dialog.saved
            self._add_clue(saved.id, saved.number, saved.form.content)
            self.clue.setCurrentIndex(self.clue.findData(saved.id))
            self._take_text(saved.form.content)
            self.notice.setText(self.tr("Clue {number} saved: it is linked to the entry when you add it").format(
                number=saved.number))

    def record_incident(self) -> None:
        """The incident form, filled in with the volunteer (as the one who reported it), the
        shift's place and the time."""
        if not self.record_incident_button.isEnabled():
            return
        vid, name = self._volunteer()
        sh = self.shift
        at = self._at()
        initial = IncidentForm(received_at=at, occurred_at=at, category="",
                               district_id=sh.district_id, site_id=sh.site_id, building_id=sh.building_id,
                               zone_id=sh.zone_id, summary=self.note.toPlainText(),
                               volunteers=((vid, VolunteerRole.REPORTED.value),) if vid is not None else ())
        dialog = IncidentDialog(self._services.incidents, self._services.roster, self._services.sites.tree(),
                                None, self, initial=initial, names={vid: name} if vid is not None else {})
        if dialog.exec() and dialog.saved is not None:
            saved = dialog.saved
            self._add_incident(saved.id, saved.number, saved.form.summary)
            self.incident.setCurrentIndex(self.incident.findData(saved.id))
            self._take_text(saved.form.summary)
            self.notice.setText(self.tr("Incident {number} saved: it is linked to the entry when you add it").format(
                number=saved.number))

    def _take_text(self, text: str) -> None:
        if not self.note.toPlainText().strip():
            self.note.setPlainText(text)

    def form(self) -> PatrolLogForm:
        return PatrolLogForm(route=self.route.text(), note=self.note.toPlainText(),
                             volunteer_id=self.volunteer.currentData(), clue_id=self.clue.currentData(),
                             incident_id=self.incident.currentData())

    def add_entry(self) -> None:
        if not self.add_button.isEnabled():
            return
        rows: list[PatrolLogRow] = []
        if self.errors.attempt(self, self.general, lambda: rows.extend(self._rota.add_patrol_log(
                self.shift.id, self.form()))):
            self.show_entries(rows)
            self.route.clear()
            self.note.clear()
            self.clue.setCurrentIndex(0)
            self.incident.setCurrentIndex(0)
            self.notice.setText(self.tr("Entry added"))
            self.route.setFocus()
