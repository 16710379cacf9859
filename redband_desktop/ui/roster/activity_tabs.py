"""What a volunteer has done for the station, on their page in the roster: the incidents
they reported or helped with, the clues they reported (with where each one went) and the
mediation cases they sat on as a mediator — one tab each, counts in the tab titles — their
duty (值班: the last twelve months one by one and every shift, newest first, with the
attendance and hours; see `duty_tab`), their service record (服务记录: services, training,
commendations, evaluations, hours and certificates; see `records.service_record_tab`), their
points (积分: the balance, the entries that make it up and the prizes exchanged; see
`points_tab`) and their ID cards, newest first, with a button that prints theirs (the print
tab of the ID cards page, with them chosen)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.clues import ClueClosing, ClueStatus, ClueType
from redband_desktop.domain.incidents import IncidentCategory, IncidentStatus, VolunteerRole
from redband_desktop.services.cards.types import CardFilter
from redband_desktop.ui.i18n import bracketed, label, ui_lang
from redband_desktop.ui.records.service_record_tab import ServiceRecordTab
from redband_desktop.ui.roster.duty_tab import DutyTab
from redband_desktop.ui.roster.points_tab import PointsTab

if TYPE_CHECKING:
    from redband_desktop.services import Services


class ActivityTabs(QTabWidget):
    print_requested = Signal(int)  # this volunteer's id: print their card

    def __init__(self, services: Services, volunteer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activity_tabs")
        lang = ui_lang()
        self.incidents = self._tab(
            self.tr("Incidents ({count})"), "activity_incidents",
            (self.tr("Number"), self.tr("Received"), self.tr("Category"), self.tr("Role"), self.tr("Status")),
            services.incidents.for_volunteer(volunteer_id),
            lambda i: (i.row.number, f"{i.row.received_at:%Y-%m-%d}", IncidentCategory(i.row.category).label(lang),
                       "、".join(VolunteerRole(r).label(lang) for r in i.roles),
                       IncidentStatus(i.row.status).label(lang)))
        self.clues = self._tab(
            self.tr("Clues ({count})"), "activity_clues",
            (self.tr("Number"), self.tr("Reported"), self.tr("Type"), self.tr("State"), self.tr("Content")),
            services.clues.for_volunteer(volunteer_id),
            lambda c: (c.number, f"{c.reported_at:%Y-%m-%d}", ClueType(c.clue_type).label(lang),
                       ClueStatus(c.status).label(lang) + (bracketed(ClueClosing(c.closing).label(lang))
                                                           if c.closing else ""), c.content))
        self.cases = self._tab(
            self.tr("Mediation cases ({count})"), "activity_cases",
            (self.tr("Case number"), self.tr("Registered"), self.tr("Type"), self.tr("Stage"), self.tr("Parties")),
            services.mediation.for_volunteer(volunteer_id),
            lambda c: (c.number, f"{c.registered_on:%Y-%m-%d}", label(c.dispute_type), label(c.status), c.parties))
        self.duty = DutyTab(services.rota.volunteer_duty(volunteer_id), self)
        self.addTab(self.duty, self.tr("Duty ({count})").format(count=len(self.duty.shifts_shown)))
        self.record = ServiceRecordTab(services.records, volunteer_id, self)
        self.addTab(self.record, self.tr("Service record"))
        self.points = PointsTab(services.points, services.access, volunteer_id, self)
        self.addTab(self.points, self.tr("Points ({count})").format(count=self.points.account.balance))
        self.points.balance_changed.connect(lambda n: self.setTabText(
            self.indexOf(self.points), self.tr("Points ({count})").format(count=n)))
        self.cards = self._cards_tab(services, volunteer_id)

    def _cards_tab(self, services: Services, volunteer_id: int) -> QTableWidget:
        statuses = {"valid": self.tr("Valid"), "expired": self.tr("Expired"), "revoked": self.tr("Revoked"),
                    "lost": self.tr("Lost"), "replaced": self.tr("Replaced")}
        table = self._table(
            "activity_cards",
            (self.tr("Card number"), self.tr("Issued"), self.tr("Valid until"), self.tr("Status"),
             self.tr("Printed"), self.tr("Reason")),
            services.cards.register(CardFilter(volunteer_id=volunteer_id)),
            lambda c: (c.card_no, c.issued_on.isoformat(), c.valid_until.isoformat(), statuses[c.shown_status],
                       str(c.printed_count), c.reason))
        self.print_button = QPushButton(self.tr("Print this volunteer's card…"), objectName="print_card")
        self.print_button.setEnabled(services.cards.can(Action.EDIT))  # printing issues a card if needed
        self.print_button.clicked.connect(lambda: self.print_requested.emit(volunteer_id))
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(table)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.print_button)
        layout.addLayout(row)
        self.addTab(tab, self.tr("ID cards ({count})").format(count=table.rowCount()))
        return table

    def _tab(self, title: str, name: str, headers: Sequence[str], rows: Sequence,
             cells: Callable[[object], Sequence[str]]) -> QTableWidget:
        table = self._table(name, headers, rows, cells)
        self.addTab(table, title.format(count=len(rows)))
        return table

    @staticmethod
    def _table(name: str, headers: Sequence[str], rows: Sequence,
               cells: Callable[[object], Sequence[str]]) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers), objectName=name)
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(cells(row)):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        return table
