"""The 表彰 (recognition) page: the hours ranking of a period for the station, a district or
a site (equal hours share a rank; suspended and left volunteers are listed apart, never
ranked), exported for the station's annual commendation list; the inactive volunteers —
active, with no shift or activity in the last N days (station setting, default 90) — with
their last service, for the officer to call; batch certificates for everyone ranked with
at least N hours (`batch_certificates`); and the register of service certificates,
searchable by number, volunteer number or name, where one is reprinted under its number.
Service time is the service record's: shifts and activities, the same time counted once."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.domain.records import hours_text
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.changes import watch
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.records.batch_certificates import BatchCertificates
from redband_desktop.ui.records.service_record_tab import table
from redband_desktop.ui.widgets.exporting import save_export
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.form_inputs import date_edit

if TYPE_CHECKING:
    from redband_desktop.services import Services

SHOWS = Change.DUTY | Change.ACTIVITIES | Change.VOLUNTEERS | Change.PLACES


def _day(edit) -> date:  # noqa: ANN001 - a QDateEdit
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _fill(target: QTableWidget, source: QTableWidget, stretch: int | None = None) -> None:
    """Put a freshly built table's rows and headers into the one on the page; the column
    `stretch` (a place name) takes the spare width rather than the last one."""
    target.setRowCount(source.rowCount())
    target.setColumnCount(source.columnCount())
    target.setHorizontalHeaderLabels([source.horizontalHeaderItem(c).text() for c in range(source.columnCount())])
    for r in range(source.rowCount()):
        for c in range(source.columnCount()):
            target.setItem(r, c, source.takeItem(r, c))
    target.resizeColumnsToContents()
    header = target.horizontalHeader()
    header.setStretchLastSection(stretch is None)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    source.deleteLater()


class RecognitionPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recognition_page")
        self._services = services
        self._records = services.records
        self._sites = services.structure.sites()
        self._districts = services.structure.districts()
        self.tabs = QTabWidget(objectName="recognition_tabs")
        self.tabs.addTab(self._ranking_tab(), self.tr("Hours ranking"))
        self.tabs.addTab(self._inactive_tab(), self.tr("Inactive volunteers"))
        self.tabs.addTab(self._register_tab(), self.tr("Certificates issued"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self._shown: set[int] = set()
        self.tabs.currentChanged.connect(self._tab_shown)
        watch(self, services.changes, SHOWS, lambda _kinds: self._refresh_current())

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().showEvent(event)
        self._tab_shown(self.tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        if index not in self._shown:
            self._shown.add(index)
            self._refresh_current()

    def _refresh_current(self) -> None:
        (self.show_ranking, self.show_inactive, self.search_register)[self.tabs.currentIndex()]()

    def _district_combo(self, name: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.addItem(self.tr("Whole station"), None)
        for d in self._districts:
            combo.addItem(d.name, d.id)
        return combo

    # -- ranking ---------------------------------------------------------------------------
    def _ranking_tab(self) -> QWidget:
        today = QDate.currentDate()
        self.first = date_edit(self, "ranking_first", QDate(today.year(), 1, 1), QDate(1990, 1, 1))
        self.last = date_edit(self, "ranking_last", today, QDate(1990, 1, 1))
        self.district = self._district_combo("ranking_district")
        self.site = QComboBox(objectName="ranking_site")
        self.site.setMinimumContentsLength(10)
        self.site.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._fill_sites()
        self.district.currentIndexChanged.connect(self._fill_sites)
        show = QPushButton(self.tr("Show"), objectName="show_ranking")
        show.clicked.connect(self.show_ranking)
        self.export_button = QPushButton(self.tr("Export…"), objectName="export_ranking")
        self.export_button.setEnabled(self._records.can(Action.EXPORT))
        self.export_button.clicked.connect(self.export_ranking)
        self.batch_button = QPushButton(self.tr("Batch certificates…"), objectName="batch_certificates")
        self.batch_button.setEnabled(self._records.can(Action.REVEAL))
        self.batch_button.clicked.connect(self.batch_certificates)
        self.ranking_note = QLabel(objectName="ranking_note")
        self.ranked = table("ranking_table", (), [])
        self.apart = table("ranking_apart", (), [])
        self.apart.setMaximumHeight(150)
        bar = QHBoxLayout()
        for text, widget in ((self.tr("From"), self.first), (self.tr("To"), self.last),
                             (self.tr("District"), self.district), (self.tr("Site"), self.site)):
            bar.addWidget(QLabel(text))
            bar.addWidget(widget)
        bar.addWidget(show)
        bar.addStretch(1)
        bar.addWidget(self.batch_button)
        bar.addWidget(self.export_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(self.ranking_note)
        layout.addWidget(self.ranked, 1)
        self.apart_label = QLabel(self.tr("Suspended or left (not ranked)"))
        layout.addWidget(self.apart_label)
        layout.addWidget(self.apart)
        return tab

    def _fill_sites(self) -> None:
        district = self.district.currentData()
        self.site.clear()
        self.site.addItem(self.tr("All sites"), None)
        for s in self._sites:
            if district is None or s.district_id == district:
                self.site.addItem(s.name, s.id)

    def show_ranking(self) -> None:
        try:
            self.result = self._records.ranking(_day(self.first), _day(self.last), self.district.currentData(),
                                                self.site.currentData())
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return
        lang = ui_lang()
        headers = (self.tr("Rank"), self.tr("Volunteer number"), self.tr("Name"), self.tr("District"),
                   self.tr("Site"), self.tr("Status"), self.tr("Hours"))

        def cells(r, rank: str):  # noqa: ANN001, ANN202
            return (rank, r.volunteer_no, r.name, r.district, r.site, VolunteerStatus(r.status).label(lang),
                    hours_text(r.minutes))
        _fill(self.ranked, table("x", headers, [cells(r, str(r.rank)) for r in self.result.rows], (0, 6)), 4)
        _fill(self.apart, table("x", headers, [cells(r, "—") for r in self.result.apart], (6,)), 4)
        total = sum(r.minutes for r in self.result.rows) + sum(r.minutes for r in self.result.apart)
        self.ranking_note.setText(self.tr("{count} volunteers served {hours} hours from {first} to {last}.").format(
            count=len(self.result.rows) + len(self.result.apart), hours=hours_text(total),
            first=f"{self.result.first:%Y-%m-%d}", last=f"{self.result.last:%Y-%m-%d}"))
        self.apart_label.setVisible(bool(self.result.apart))
        self.apart.setVisible(bool(self.result.apart))

    def export_ranking(self) -> None:
        if not hasattr(self, "result"):
            self.show_ranking()
        name = f"志愿服务时长排名-{self.result.first:%Y%m%d}-{self.result.last:%Y%m%d}.xlsx"
        save_export(self, self.tr("Export the ranking"), name,
                    lambda: self._records.export_ranking(self.result), self.ranking_note)

    def batch_certificates(self, hours: int | None = None, path: str | None = None) -> BatchCertificates | None:
        """Certificates in one PDF for everyone ranked with at least `hours` (asked)."""
        if not hasattr(self, "result"):
            self.show_ranking()
        job = BatchCertificates(self._records, self.result, self)
        job.finished.connect(lambda _batch: self.search_register())
        return job if job.start(hours, path) else None

    # -- inactive ----------------------------------------------------------------------------
    def _inactive_tab(self) -> QWidget:
        self.days = QSpinBox(objectName="inactive_days", minimum=7, maximum=730)
        self.days.setValue(self._services.station.settings().inactive_days)
        self.days.setSuffix(self.tr(" days"))
        self.inactive_district = self._district_combo("inactive_district")
        show = QPushButton(self.tr("Show"), objectName="show_inactive")
        show.clicked.connect(self.show_inactive)
        self.inactive_note = QLabel(objectName="inactive_note", wordWrap=True)
        self.inactive_table = table("inactive_table", (), [])
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("No service for")))
        bar.addWidget(self.days)
        bar.addWidget(QLabel(self.tr("District")))
        bar.addWidget(self.inactive_district)
        bar.addWidget(show)
        bar.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(self.inactive_note)
        layout.addWidget(self.inactive_table, 1)
        return tab

    def show_inactive(self) -> None:
        try:
            result = self._records.inactive(self.days.value(), self.inactive_district.currentData())
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return
        headers = (self.tr("Volunteer number"), self.tr("Name"), self.tr("District"), self.tr("Site"),
                   self.tr("Last service"))
        rows = [(r.volunteer_no, r.name, r.district, r.site,
                 f"{r.last_service:%Y-%m-%d}" if r.last_service else self.tr("Never")) for r in result.rows]
        _fill(self.inactive_table, table("x", headers, rows), 3)
        self.inactive_note.setText(self.tr("{count} active volunteers have had no shift or activity since {since}.")
                                   .format(count=len(rows), since=f"{result.since:%Y-%m-%d}"))

    # -- certificate register ------------------------------------------------------------------
    def _register_tab(self) -> QWidget:
        self.search = QLineEdit(objectName="certificate_search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Certificate number, volunteer number or name"))
        self.search.textChanged.connect(self.search_register)
        self.reprint_button = QPushButton(self.tr("Reprint and save…"), objectName="reprint_saved")
        self.reprint_button.setEnabled(self._records.can(Action.REVEAL))
        self.reprint_button.clicked.connect(self.reprint)
        self.register_note = QLabel(objectName="register_note")
        self.register = table("certificate_table", (), [])
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.reprint_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(self.register, 1)
        layout.addWidget(self.register_note)
        return tab

    def search_register(self) -> None:
        try:
            self.certificates = self._records.certificates(self.search.text())
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return
        headers = (self.tr("Number"), self.tr("Volunteer number"), self.tr("Name"), self.tr("Period"),
                   self.tr("Hours"), self.tr("Issued by"), self.tr("Issued"), self.tr("Printed"))
        rows = [(c.number, c.volunteer_no, c.name, f"{c.first_day:%Y-%m-%d}–{c.last_day:%Y-%m-%d}",
                 hours_text(c.minutes), c.issued_by, f"{c.issued_at:%Y-%m-%d %H:%M}", str(c.printed_count))
                for c in self.certificates]
        _fill(self.register, table("x", headers, rows, (4, 7)))

    def reprint(self) -> None:
        rows = self.register.selectionModel().selectedRows() if self.register.selectionModel() else []
        if not rows:
            self.register_note.setText(self.tr("Choose a certificate in the list first."))
            self.register.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        chosen = self.certificates[rows[0].row()]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save certificate"),
                                              str(Path.home() / f"志愿服务证明-{chosen.number}.pdf"), self.tr("PDF (*.pdf)"))
        if not path:
            return
        try:
            printed = self._records.reprint_certificate(chosen.id)
            Path(path).write_bytes(printed.pdf)
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return
        self.register_note.setText(self.tr("Certificate {number} saved to {file}.").format(
            number=chosen.number, file=Path(path).name))
        self.search_register()
