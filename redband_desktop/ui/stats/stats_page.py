"""The statistics page (统计分析): choose a period (this month, quarter, year to date, last 12
months, or a range) and a comparison (同比 / 环比); read the headline sentence, the
incident tables by group and category, district and site, contact-type incidents by kind
of site, the zero-incident compounds and units, the volunteers' work and the charts.
Double-clicking a row opens the incident register filtered to exactly what it counts.
The 治安成绩单 is saved as PDF or Excel in the background, with progress. The page
refreshes itself when incidents, clues, cases or places change."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from redband_desktop.domain.periods import Comparison, PeriodKind
from redband_desktop.errors import ValidationError
from redband_desktop.messages import field_label, render
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.changes import watch
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.stats.stats_tabs import StatsTabs
from redband_desktop.ui.widgets.feedback import run_in_background, show_error
from redband_desktop.ui.widgets.pdf_preview import PdfPreview
from redband_desktop.ui.widgets.pdf_printing import print_document

if TYPE_CHECKING:
    from redband_desktop.services import Services
    from redband_desktop.services.stats.types import StationFigures

SHOWS = Change.INCIDENTS | Change.CLUES | Change.MEDIATION | Change.PLACES | Change.VOLUNTEERS


class _Progress(QObject):
    """Carries the report's progress from the worker thread to the dialog."""

    step = Signal(int)


class StatsPage(QWidget):
    open_incidents = Signal(object, str)  # an IncidentFilter, and what it shows (for the register's note)
    open_clues = Signal(object, str)  # a ClueFilter, and what it shows
    open_cases = Signal(object, str)  # a MediationFilter, and what it shows

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.figures: StationFigures | None = None
        self.kind = QComboBox(objectName="stats_period")
        for k in PeriodKind:
            self.kind.addItem(k.label(ui_lang()), k.value)
        self.kind.setCurrentIndex(self.kind.findData(PeriodKind.YEAR_TO_DATE.value))
        today = QDate.currentDate()
        self.date_from = QDateEdit(QDate(today.year(), 1, 1), objectName="stats_from", calendarPopup=True)
        self.date_to = QDateEdit(today, objectName="stats_to", calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.compare = QComboBox(objectName="stats_compare")
        for c in Comparison:
            self.compare.addItem(c.label(ui_lang()), c.value)
        self.pdf_button = QPushButton(self.tr("Save report (PDF)…"), objectName="report_pdf")
        self.xlsx_button = QPushButton(self.tr("Save as Excel…"), objectName="report_xlsx")
        self.print_button = QPushButton(self.tr("Print report…"), objectName="report_print")
        self.preview = PdfPreview(self)  # what is printed; never shown (the PDF is what prints)
        self.preview.hide()
        self.error = QLabel(objectName="stats_error", wordWrap=True)
        self.error.setStyleSheet("color:#b00020")
        self.headline = QLabel(objectName="stats_headline", wordWrap=True)
        self.headline.setStyleSheet("font-size:15px;font-weight:bold")
        self.tabs = StatsTabs(self)
        self.tabs.open_incidents.connect(self.open_incidents)
        self.tabs.open_clues.connect(self.open_clues)
        self.tabs.open_cases.connect(self.open_cases)
        self._busy: QProgressDialog | None = None
        self._computing = False
        self._pending: tuple | None = None
        self.calculating = QLabel(self.tr("Calculating…"), objectName="stats_calculating")
        self.calculating.setStyleSheet("color:#8a6d00;font-weight:bold")
        self.calculating.hide()
        self._layout()
        self._connect()
        self._dates_enabled()
        self.refresh()
        watch(self, services.changes, SHOWS, lambda _kinds: self.refresh())

    def _layout(self) -> None:
        title = QLabel(self.tr("Statistics"))
        title.setStyleSheet("font-size:16px;font-weight:bold")
        bar = QHBoxLayout()
        for label, widget in ((self.tr("Period"), self.kind), (self.tr("From"), self.date_from),
                              (self.tr("To"), self.date_to), (self.tr("Compared"), self.compare)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.calculating)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.headline)
        layout.addWidget(self.tabs, 1)
        self.error.hide()

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self._dates_enabled)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.compare.currentIndexChanged.connect(self.refresh)
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)
        self.pdf_button.clicked.connect(lambda: self.save_report("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save_report("xlsx"))
        self.print_button.clicked.connect(self.print_report)

    def _dates_enabled(self) -> None:
        custom = self.kind.currentData() == PeriodKind.CUSTOM.value
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)

    def _period(self):  # noqa: ANN202 - a Period
        kind = self.kind.currentData()
        if kind == PeriodKind.CUSTOM.value:
            return self._services.stats.period(kind, self.date_from.date().toPython(), self.date_to.date().toPython())
        return self._services.stats.period(kind)

    def refresh(self) -> None:
        try:
            period = self._period()
        except ValidationError as exc:
            lang = ui_lang()
            self.error.setText("；".join(f"{field_label(p.field, lang)}：{render(p.code, p.params, lang)}"
                                        for p in exc.problems))
            self.error.setStyleSheet("color:#b00020")
            self.error.show()
            return
        self.error.hide()
        if self.kind.currentData() != PeriodKind.CUSTOM.value:
            for edit, day in ((self.date_from, period.start), (self.date_to, period.end)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self._calculate((period, self.compare.currentData()))

    def _calculate(self, asked: tuple) -> None:  # noqa: ANN001 - (Period, comparison code)
        """Compute the figures on a worker; the page stays usable and says it is counting.
        While one computation runs, only the last asked for follows it."""
        self.calculating.show()
        self._enable_reports()
        if self._computing:
            self._pending = asked
            return
        self._computing, self._pending = True, None
        stats, lang = self._services.stats, ui_lang()

        def work() -> tuple:
            f = stats.figures(*asked)
            return f, stats.headline(f, lang)

        run_in_background(work, lambda result: self._computed(result, None),
                          lambda exc: self._computed(None, exc))

    def _computed(self, result: tuple | None, exc: BaseException | None) -> None:
        if not isValid(self):  # the page went (signed out) while the worker counted
            return
        self._computing = False
        if self._pending is not None:  # asked for other figures meanwhile: those count, not these
            self._calculate(self._pending)
            return
        self.calculating.hide()
        if exc is not None:
            self._enable_reports()
            show_error(self, exc)
            return
        self.figures, headline = result
        self.headline.setText(headline)
        self.tabs.show_figures(self.figures)
        self._enable_reports()

    def _enable_reports(self) -> None:
        ready = self.figures is not None and self.calculating.isHidden() and self._busy is None
        for button in (self.pdf_button, self.xlsx_button, self.print_button):
            button.setEnabled(ready)

    @property
    def computing(self) -> bool:
        return self._computing

    def save_report(self, fmt: str) -> None:
        if self.figures is None:
            return
        f = self.figures
        suggested = f"治安成绩单_{f.period.start:%Y%m%d}-{f.period.end:%Y%m%d}.{fmt}"
        pattern = self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("Excel workbook (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), suggested, pattern)
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        self.generate(fmt, Path(path))

    def print_report(self) -> None:
        """Make the report's PDF in the background, then print it through the system's print
        dialog as the other documents are printed (true size, on a worker)."""
        if self.figures is not None:
            self.generate("pdf", None)

    def _print(self, data: bytes) -> None:
        f = self.figures
        self.preview.show_pdf(data)
        print_document(self.preview, self, f"治安成绩单_{f.period.start:%Y%m%d}-{f.period.end:%Y%m%d}", self._say)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setStyleSheet("color:#1b5e20")
        self.error.show()

    def generate(self, fmt: str, path: Path | None) -> None:
        """Make the report in the background with a progress dialog; Cancel discards it.
        Saved to `path`, or (None) printed."""
        f = self.figures
        progress = _Progress(self)
        dialog = QProgressDialog(self.tr("Making the report…"), self.tr("Cancel"), 0, 100, self)
        dialog.setWindowTitle(self.tr("Statistics report"))
        dialog.setMinimumDuration(0)
        progress.step.connect(dialog.setValue)
        self._busy = dialog
        for button in (self.pdf_button, self.xlsx_button, self.print_button):
            button.setEnabled(False)

        def done(data: bytes) -> None:
            cancelled = dialog.wasCanceled()  # read first: closing the dialog counts as a cancel
            self._finish()
            if cancelled:
                return
            if path is None:
                self._print(data)
                return
            path.write_bytes(data)
            self._say(self.tr("Report saved: {path}").format(path=path))

        def failed(exc: BaseException) -> None:
            self._finish()
            show_error(self, exc)

        stats = self._services.stats
        run_in_background(lambda: stats.report_document(fmt, f.period, f.comparison, progress.step.emit), done, failed)

    def _finish(self) -> None:
        if self._busy is not None:
            self._busy.close()
            self._busy = None
        self._enable_reports()

    @property
    def busy(self) -> bool:
        return self._busy is not None

    def period_text(self) -> str:
        f = self.figures
        return f"{f.period.start} — {f.period.end}" if f else ""

