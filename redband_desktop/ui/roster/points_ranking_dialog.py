"""积分排行 (Points ranking…, in the File menu, for those who may see statistics): the points
each volunteer earned in a period — this year by default — most first, equal points sharing
a rank, for the whole station or one district (an officer sees their own district only).
Counted from the records by the rules in force on each record's day, like the points tab;
Enter or a double click on a row opens nothing: it is a list to read and print from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from redband_desktop.services.points.service import PointsService

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class PointsRankingDialog(QDialog):
    def __init__(self, points: PointsService, districts: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("points_ranking_dialog")
        self.setWindowTitle(self.tr("Points ranking"))
        self._points = points
        today = QDate.currentDate()
        self.date_from = self._date("ranking_from", QDate(today.year(), 1, 1))
        self.date_to = self._date("ranking_to", today)
        self.district = QComboBox(self, objectName="ranking_district")
        self.district.addItem(self.tr("Whole station"), None)
        for ident, name in districts:
            self.district.addItem(name, ident)
        self.table = QTableWidget(0, 6, self, objectName="points_ranking")
        self.table.setHorizontalHeaderLabels([self.tr("Rank"), self.tr("Name"), self.tr("Volunteer number"),
                                              self.tr("Site"), self.tr("Status"), self.tr("Points")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.total = QLabel(self, objectName="ranking_total")
        top = QHBoxLayout()
        for caption, widget in ((self.tr("&From"), self.date_from), (self.tr("&To"), self.date_to),
                                (self.tr("&District"), self.district)):
            label = QLabel(caption, self)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        top.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(buttons)
        self.date_to.setMinimumDate(self.date_from.date())
        self.date_from.dateChanged.connect(self.date_to.setMinimumDate)  # never the wrong way round
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.reload())
        self.district.currentIndexChanged.connect(lambda _i: self.reload())
        fit_to_screen(self, 760, 620)
        self.reload()

    def _date(self, name: str, value: QDate) -> QDateEdit:
        edit = QDateEdit(value, self, objectName=name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def reload(self) -> None:
        first, last = self.date_from.date().toPython(), self.date_to.date().toPython()
        try:
            rows = self._points.ranking(first, last, self.district.currentData())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        lang = ui_lang()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            status = VolunteerStatus(row.status).label(lang)
            for c, text in enumerate((str(row.rank), row.name, row.volunteer_no, row.site, status, str(row.points))):
                item = QTableWidgetItem(text)
                if c in (0, 5):
                    item.setTextAlignment(RIGHT)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.total.setText(self.tr("{count} volunteers earned {points} points in all").format(
            count=len(rows), points=sum(r.points for r in rows)))
