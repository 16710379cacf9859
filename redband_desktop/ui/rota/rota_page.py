"""The duty rota page (排班): the week as places × days, each cell its shifts with people
assigned against people needed, gaps coloured and marked with an icon.

Keyboard first: the arrows move between cells, Enter puts a volunteer on the cell's shift
(the picker offers the volunteers of the shift's site first), Delete takes one off,
Ctrl+C copies the current day and Ctrl+V pastes it onto the day of the current cell,
Alt+Left / Alt+Right go to the previous / next week, Ctrl+N adds a shift template. "Copy
last week" fills the week shown from the one before; "Templates…" lists, edits and
retires the templates; "Skipped days…" the days without shifts; "Attendance…" records the
attendance of the day under the cursor; "Patrol log…" (Ctrl+J) opens the patrol log of the
shift under the cursor; "Generate shifts…" makes the shifts of a period
from the templates. Filters: district and duty type. "Print rota…" saves the week shown,
as filtered, as the A4 landscape 排班表 PDF and then opens the print dialog; "Export to
Excel…" saves the same table as a workbook; both are made in the background. It refreshes
when the rota, places or volunteers change.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.rota import DutyType, week_start
from redband_desktop.errors import RedbandError
from redband_desktop.services.rota.types import Person, ShiftInfo, WeekFilter
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.changes import watch
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.rota.attendance_dialog import AttendanceDialog
from redband_desktop.ui.rota.generate_dialog import GenerateDialog
from redband_desktop.ui.rota.patrol_log_dialog import PatrolLogDialog
from redband_desktop.ui.rota.skipped_dialog import SkippedDaysDialog
from redband_desktop.ui.rota.template_dialog import TemplateDialog
from redband_desktop.ui.rota.templates_dialog import TemplatesDialog
from redband_desktop.ui.rota.week_model import WeekModel
from redband_desktop.ui.widgets.combos import enum_combo
from redband_desktop.ui.widgets.feedback import run_in_background, show_error
from redband_desktop.ui.widgets.pdf_preview import PdfPreview
from redband_desktop.ui.widgets.pdf_printing import print_document
from redband_desktop.ui.widgets.volunteer_picker import VolunteerPicker

if TYPE_CHECKING:
    from redband_desktop.services import Services

SHOWS = Change.DUTY | Change.PLACES | Change.VOLUNTEERS


class RotaPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._rota = services, services.rota
        self.monday = week_start(date.today())
        self.copied_day: date | None = None
        self.model = WeekModel(self)
        self.table = QTableView(objectName="rota_table")
        self.table.setModel(self.model)
        self.district = QComboBox(objectName="filter_district")
        self.duty = enum_combo(DutyType, "filter_duty", self.tr("All duty types"))
        self.week_label = QLabel(objectName="week_label")
        self.previous_button = QPushButton(self.tr("◀ Previous week"), objectName="previous_week")
        self.today_button = QPushButton(self.tr("This week"), objectName="this_week")
        self.next_button = QPushButton(self.tr("Next week ▶"), objectName="next_week")
        self.assign_button = QPushButton(self.tr("Assign…"), objectName="assign")
        self.remove_button = QPushButton(self.tr("Remove…"), objectName="remove")
        self.copy_week_button = QPushButton(self.tr("Copy last week"), objectName="copy_last_week")
        self.generate_button = QPushButton(self.tr("Generate shifts…"), objectName="generate")
        self.template_button = QPushButton(self.tr("New template…"), objectName="new_template")
        self.templates_button = QPushButton(self.tr("Templates…"), objectName="templates")
        self.skipped_button = QPushButton(self.tr("Skipped days…"), objectName="skipped_days")
        self.attendance_button = QPushButton(self.tr("Attendance…"), objectName="attendance")
        self.patrol_button = QPushButton(self.tr("Patrol log…"), objectName="patrol_log")
        self.print_button = QPushButton(self.tr("Print rota…"), objectName="print_rota")
        self.print_button.setToolTip(self.tr("Save the week shown as an A4 PDF for a notice board, then print it"))
        self.excel_button = QPushButton(self.tr("Export to Excel…"), objectName="export_rota")
        self.busy = False  # a rota document is being made
        self._preview: PdfPreview | None = None
        self.totals = QLabel(objectName="rota_totals", wordWrap=True)
        self.notice = QLabel(objectName="rota_notice", wordWrap=True)
        may_edit = services.access.can(Action.EDIT)
        for button in (self.assign_button, self.remove_button, self.copy_week_button, self.generate_button,
                       self.template_button):
            button.setEnabled(may_edit)
        self._layout()
        self._connect()
        self.reload_choices()
        watch(self, services.changes, SHOWS, self._changed)
        self.refresh()

    def _layout(self) -> None:
        t = self.table
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setWordWrap(True)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        title = QLabel(self.tr("Duty rota"))
        title.setStyleSheet("font-size:16px;font-weight:bold")
        filters = QHBoxLayout()
        for widget in (self.previous_button, self.today_button, self.next_button, self.week_label):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.district)
        filters.addWidget(self.duty)
        filters.addWidget(self.print_button)
        filters.addWidget(self.excel_button)
        bottom = QHBoxLayout()
        for button in (self.assign_button, self.remove_button, self.copy_week_button, self.attendance_button,
                       self.patrol_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.skipped_button)
        bottom.addWidget(self.templates_button)
        bottom.addWidget(self.template_button)
        bottom.addWidget(self.generate_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.notice)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.district.currentIndexChanged.connect(self.refresh)
        self.duty.currentIndexChanged.connect(self.refresh)
        self.previous_button.clicked.connect(lambda: self.go_to(self.monday - timedelta(days=7)))
        self.next_button.clicked.connect(lambda: self.go_to(self.monday + timedelta(days=7)))
        self.today_button.clicked.connect(lambda: self.go_to(date.today()))
        self.assign_button.clicked.connect(self.assign)
        self.remove_button.clicked.connect(self.remove)
        self.copy_week_button.clicked.connect(self.copy_last_week)
        self.generate_button.clicked.connect(self.generate)
        self.template_button.clicked.connect(self.new_template)
        self.templates_button.clicked.connect(self.show_templates)
        self.skipped_button.clicked.connect(lambda: SkippedDaysDialog(self._services, self).exec())
        self.attendance_button.clicked.connect(self.record_attendance)
        self.patrol_button.clicked.connect(self.patrol_log)
        self.print_button.clicked.connect(lambda: self.save_document("pdf"))
        self.excel_button.clicked.connect(lambda: self.save_document("xlsx"))
        self.table.doubleClicked.connect(lambda _index: self.assign())
        own = Qt.ShortcutContext.WidgetShortcut
        page = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot, widget, context in (
            (Qt.Key.Key_Return, self.assign, self.table, own), (Qt.Key.Key_Enter, self.assign, self.table, own),
            (Qt.Key.Key_Delete, self.remove, self.table, own),
            (QKeySequence.StandardKey.Copy, self.copy_day, self.table, own),
            (QKeySequence.StandardKey.Paste, self.paste_day, self.table, own),
            (QKeySequence.StandardKey.New, self.template_button.click, self, page),
            ("Ctrl+J", self.patrol_button.click, self, page),
            ("Alt+Left", self.previous_button.click, self, page), ("Alt+Right", self.next_button.click, self, page),
        ):
            QShortcut(QKeySequence(key), widget, slot, context=context)

    # -- showing ---------------------------------------------------------------------------
    def reload_choices(self) -> None:
        keep = self.district.currentData()
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem(self.tr("All districts"), None)
        for d in self._services.structure.districts():
            self.district.addItem(d.name, d.id)
        self.district.setCurrentIndex(max(self.district.findData(keep), 0))
        self.district.blockSignals(False)

    def _changed(self, kinds: Change) -> None:
        if kinds & Change.PLACES:
            self.reload_choices()
        self.refresh()

    def current_filter(self) -> WeekFilter:
        return WeekFilter(district_id=self.district.currentData(), duty_type=self.duty.currentData() or "")

    def go_to(self, day: date) -> None:
        self.monday = week_start(day)
        self.refresh()

    def refresh(self) -> None:
        where = self.table.currentIndex()
        view = self._rota.week(self.monday, self.current_filter())
        self.model.show(view)
        self.week_label.setText(f"{view.days[0]:%Y-%m-%d} – {view.days[-1]:%m-%d}")
        if view.rows:
            self.totals.setText(self.tr("{places} places · people assigned {assigned} of {needed} · "
                                        "shifts short of people {gaps}").format(
                places=len(view.rows), assigned=view.assigned, needed=view.needed, gaps=view.gaps))
        else:  # a first visit, or a filter that leaves nothing: say how shifts come about
            self.totals.setText(self.tr(
                "No shifts in this week. Shifts come from templates: New template… (Ctrl+N) says where, "
                "which duty, on which days and at what time; Generate shifts… then makes them for a period."))
        row, column = (where.row(), where.column()) if where.isValid() else (0, date.today().weekday())
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), column))

    # -- acting ----------------------------------------------------------------------------
    def _attempt(self, action) -> object | None:  # noqa: ANN001 - a callable
        try:
            return action()
        except RedbandError as exc:
            show_error(self, exc)
            return None

    def _choose_shift(self, title: str) -> ShiftInfo | None:
        shifts = self.model.shifts(self.table.currentIndex())
        if len(shifts) <= 1:
            return shifts[0] if shifts else None
        lang = ui_lang()
        labels = [f"{sh.starts_at:%H:%M}–{sh.ends_at:%H:%M} {DutyType(sh.duty_type).label(lang)} "
                  f"{len(sh.people)}/{sh.needed}" for sh in shifts]
        text, ok = QInputDialog.getItem(self, title, self.tr("Shift"), labels, 0, False)
        return shifts[labels.index(text)] if ok else None

    def assign(self) -> None:
        if not self.assign_button.isEnabled():
            return
        shift = self._choose_shift(self.tr("Assign to which shift?"))
        if shift is None:
            return
        picker = VolunteerPicker(self._services.roster, self.tr("Put a volunteer on {place} {day}").format(
            place=shift.place, day=f"{shift.day:%m-%d} {shift.starts_at:%H:%M}"), None, parent=self,
            site_first=shift.site_id)
        if not picker.exec() or picker.picked is None:
            return
        done = self._attempt(lambda: self._rota.assign(shift.id, picker.picked.id))
        if done is not None:
            lang = ui_lang()
            self.notice.setText("\n".join(p.text(lang) for p in done.warnings))

    def remove(self) -> None:
        if not self.remove_button.isEnabled():
            return
        shift = self._choose_shift(self.tr("Remove from which shift?"))
        if shift is None or not shift.people:
            return
        person: Person = shift.people[0]
        if len(shift.people) > 1:
            names = [p.name for p in shift.people]
            text, ok = QInputDialog.getItem(self, self.tr("Remove whom?"), self.tr("Volunteer"), names, 0, False)
            if not ok:
                return
            person = shift.people[names.index(text)]
        if self._attempt(lambda: self._rota.unassign(shift.id, person.volunteer_id)) is not None:
            self.notice.setText(self.tr("{name} taken off the shift").format(name=person.name))

    def copy_day(self) -> None:
        self.copied_day = self.model.day(self.table.currentIndex().column())
        if self.copied_day is not None:
            self.notice.setText(self.tr("Copied {day}: Ctrl+V pastes it onto another day").format(
                day=f"{self.copied_day:%Y-%m-%d}"))

    def paste_day(self) -> None:
        target = self.model.day(self.table.currentIndex().column())
        if self.copied_day is None or target is None or not self.assign_button.isEnabled():
            return
        source = self.copied_day
        self._report(self._attempt(lambda: self._rota.copy_day(source, target, self.current_filter().district_id)))

    def copy_last_week(self) -> None:
        self._report(self._attempt(lambda: self._rota.copy_last_week(self.monday, self.current_filter().district_id)))

    def _report(self, copied) -> None:  # noqa: ANN001 - Copied or None
        if copied is None:
            return
        lang = ui_lang()
        lines = [self.tr("{shifts} shifts made, {people} people put on shifts").format(
            shifts=copied.shifts_created, people=copied.assigned)]
        self.notice.setText("\n".join(lines + [p.text(lang) for p in copied.refused]))

    def generate(self) -> None:
        dialog = GenerateDialog(self._rota, self.monday, self.current_filter().district_id, self)
        if dialog.exec() and dialog.result_ is not None:
            r = dialog.result_
            self.notice.setText(self.tr("{created} shifts made ({existing} were there, {skipped} on skipped days)")
                                .format(created=r.created, existing=r.existing, skipped=r.skipped))

    def record_attendance(self) -> None:
        """The attendance of the day under the cursor (today when no day is chosen)."""
        day = self.model.day(self.table.currentIndex().column()) or date.today()
        AttendanceDialog(self._services, day, self.current_filter().district_id, self).exec()

    def patrol_log(self) -> None:
        """The patrol log of the shift under the cursor (which one, when the cell has several)."""
        shift = self._choose_shift(self.tr("Patrol log of which shift?"))
        if shift is not None:
            PatrolLogDialog(self._services, shift, self).exec()

    def show_templates(self) -> None:
        TemplatesDialog(self._services, self.current_filter().district_id, self).exec()

    def new_template(self) -> None:
        dialog = TemplateDialog(self._services, self)
        if dialog.exec() and dialog.saved is not None:
            self.notice.setText(self.tr("Template saved: generate shifts to put it on the rota"))

    # -- the printed rota ------------------------------------------------------------------
    def save_document(self, fmt: str) -> None:
        """Ask where to save the week shown (as filtered), make it in the background, save
        it; a PDF then goes to the print dialog."""
        if self.busy:
            return
        suggested = Path.home() / f"排班表_{self.monday:%Y%m%d}.{fmt}"
        if fmt == "pdf":
            title, pattern = self.tr("Save the rota as PDF"), self.tr("PDF document (*.pdf)")
        else:
            title, pattern = self.tr("Export the rota to Excel"), self.tr("Excel workbook (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, title, str(suggested), pattern)
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        monday, f, rota = self.monday, self.current_filter(), self._rota
        self._set_busy(True)
        self.notice.setText(self.tr("Making the rota…"))
        run_in_background(lambda: rota.week_document(monday, f, fmt),
                          lambda data: self._made(Path(path), fmt, data), self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.print_button, self.excel_button):
            button.setEnabled(not busy)

    def _made(self, path: Path, fmt: str, data: bytes) -> None:
        self._set_busy(False)
        try:
            path.write_bytes(data)
        except OSError as exc:  # a full disk or a folder we may not write to: say so
            self.notice.setText(self.tr("The file could not be written: {error}").format(error=exc))
            return
        self.notice.setText(self.tr("Rota saved: {path}").format(path=path))
        if fmt == "pdf":
            if self._preview is None:
                self._preview = PdfPreview(self)
                self._preview.hide()
            self._preview.show_pdf(data)
            print_document(self._preview, self, path.stem, self.notice.setText)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.notice.setText("")
        show_error(self, exc)
