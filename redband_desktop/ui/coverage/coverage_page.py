"""The coverage view (定点见红): which buildings and zones have no active head or lead,
coverage % per district and per site, and the gaps with their reason. Double-clicking
(or Enter on) a gap asks the site page to open that place with the assign dialog;
"Export…" saves the table of gaps and sites to an .xlsx file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.coverage import CoverageLine, CoverageReport
from redband_desktop.errors import RedbandError
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.changes import watch
from redband_desktop.ui.i18n import label
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.preset_note import PresetNote
from redband_desktop.ui.widgets.sorted_cell import SortedCell

if TYPE_CHECKING:
    from redband_desktop.services import Services

GAP_ROLE = Qt.ItemDataRole.UserRole


def _table(columns: list[str], name: str, sortable: bool = True) -> QTableWidget:
    table = QTableWidget(0, len(columns), objectName=name)
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setSortingEnabled(sortable)
    return table


def _percent(line: CoverageLine) -> str:
    return "—" if line.percent is None else f"{line.percent:.1f}%"


def _figures(line: CoverageLine) -> list[SortedCell]:
    counts = (line.buildings_total, line.buildings_covered, line.zones_total, line.zones_covered)
    return [*(SortedCell(str(n), n) for n in counts), SortedCell(_percent(line), -1.0 if line.percent is None else line.percent)]


SHOWS = Change.VOLUNTEERS | Change.PLACES | Change.HEADS | Change.CARDS  # heads' status, names, cards


class CoveragePage(QWidget):
    fix_requested = Signal(str, int)  # place kind ("building"/"zone"), id

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.report: CoverageReport | None = None
        self.summary = QLabel(objectName="coverage_summary")
        self.summary.setStyleSheet("font-size:16px;font-weight:bold")
        line_columns = [self.tr("Buildings"), self.tr("Covered"), self.tr("Zones"), self.tr("Covered"),
                        self.tr("Coverage")]
        # The districts in the station's order, with the station's total as the last row.
        self.districts = _table([self.tr("District"), *line_columns], "districts", sortable=False)
        self.sites = _table([self.tr("Site"), self.tr("District"), *line_columns], "sites")
        self.gaps = _table([self.tr("District"), self.tr("Site"), self.tr("Building / zone"),
                            self.tr("Head"), self.tr("Gap")], "gaps")
        # Set from a home-page figure until "Show all": only gaps of this reason (GapReason
        # code) in this district.
        self.gap_reason: str | None = None
        self.gap_district: int | None = None
        self.preset_note = PresetNote("gaps_preset")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setEnabled(services.access.can(Action.EXPORT))
        self._build()
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self.export)
        self.preset_note.cleared.connect(lambda: self.show_gaps(None, None, ""))
        self.gaps.activated.connect(lambda index: self._fix(index.row()))
        self.gaps.doubleClicked.connect(lambda index: self._fix(index.row()))
        self.reload()
        watch(self, services.changes, SHOWS, lambda _kinds: self.reload())

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.districts)
        left.addWidget(self.sites)
        gaps = QWidget()
        column = QVBoxLayout(gaps)
        column.setContentsMargins(0, 0, 0, 0)
        self.gaps_title = QLabel(objectName="gaps_title")
        column.addWidget(self.gaps_title)
        column.addWidget(self.preset_note)
        column.addWidget(self.gaps, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(gaps)
        splitter.setSizes([620, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def reload(self) -> None:
        try:
            report = self.report = self._services.coverage.report()
        except RedbandError as exc:
            show_error(self, exc)
            return
        s = report.station
        self.summary.setText(self.tr("Covered: {covered} of {total} buildings and zones ({percent}) — {gaps} gaps")
                             .format(covered=s.covered, total=s.total, percent=_percent(s), gaps=len(report.gaps)))
        total = [SortedCell(self.tr("Whole station")), *_figures(s)]
        for cell in total:
            font = cell.font()
            font.setBold(True)
            cell.setFont(font)
        self._fill(self.districts, [[SortedCell(d.name), *_figures(d)] for d in report.districts] + [total])
        self._fill(self.sites, [[SortedCell(x.name), SortedCell(x.district_name), *_figures(x)] for x in report.sites])
        rows = []
        for g in report.gaps:
            if (self.gap_reason and g.reason.value != self.gap_reason) or (
                    self.gap_district is not None and g.place.district_id != self.gap_district):
                continue
            first = SortedCell(g.place.district_name)
            first.setData(GAP_ROLE, (g.place.kind.value, g.place.place_id))
            rows.append([first, *(SortedCell(t) for t in (g.place.site_name, g.place.label, g.place.head_name,
                                                      label(g.reason)))])
        self._fill(self.gaps, rows)
        self.gaps_title.setText(self.tr("{n} gaps — double-click one to assign a head").format(n=len(rows)))

    def show_gaps(self, reason: str | None, district_id: int | None, label: str) -> None:
        """From a home-page figure: only the gaps of `reason` (a GapReason code) in the district."""
        self.gap_reason, self.gap_district = reason, district_id
        self.preset_note.show_label(label)
        self.reload()

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[SortedCell]]) -> None:
        sorting = table.isSortingEnabled()
        table.setSortingEnabled(False)  # rows stay where they are put while filling
        table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, cell in enumerate(cells):
                table.setItem(r, c, cell)
        table.setSortingEnabled(sorting)

    def _fix(self, row: int) -> None:
        item = self.gaps.item(row, 0)
        if item is not None:
            kind, ident = item.data(GAP_ROLE)
            self.fix_requested.emit(kind, ident)

    def export(self, path: str | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export coverage"), self.tr("coverage.xlsx"),
                                                  self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return None
        target = Path(path)
        try:
            target.write_bytes(self._services.coverage.export().data)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export coverage"), str(exc))
            return None
        except RedbandError as exc:
            show_error(self, exc)
            return None
        return target
