"""The service-record tab (服务记录) on a volunteer's page in the roster, laid out after the
Ministry of Civil Affairs' rules on volunteer service records: a line of basic information
and hours (in all and per year, the same clock time counted once), every service newest
first (date, kind, content, hours, whether it counts as training), and beside it the
commendations and awards and the yearly evaluations. The ID number is always masked here:
the roster's reveal button and the certificate are the audited ways to the full one. Buttons record a commendation (a
double-click corrects one), write the year's evaluation (the district's officer or an
administrator) and open the certificate dialog. Every change is audited by the service."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.activities import ActivityType
from redband_desktop.domain.records import AwardLevel, hours_text
from redband_desktop.domain.rota import DutyType
from redband_desktop.services.records.types import ServiceRecord
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.records.award_dialog import AwardDialog
from redband_desktop.ui.records.certificate_dialog import CertificateDialog
from redband_desktop.ui.records.evaluation_dialog import EvaluationDialog
from redband_desktop.ui.widgets.feedback import show_error

if TYPE_CHECKING:
    from redband_desktop.services.records.service import RecordsService

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def table(name: str, headers: Sequence[str], rows: Sequence[Sequence[str]], numbers: Sequence[int] = ()) -> QTableWidget:
    t = QTableWidget(len(rows), len(headers), objectName=name)
    t.setHorizontalHeaderLabels(list(headers))
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setTabKeyNavigation(False)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(True)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in numbers:
                item.setTextAlignment(RIGHT)
            t.setItem(r, c, item)
    t.resizeColumnsToContents()
    return t


class ServiceRecordTab(QWidget):
    def __init__(self, records: RecordsService, volunteer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("service_record")
        self._records, self._volunteer_id = records, volunteer_id
        self.summary = QLabel(objectName="record_summary")
        # a long line is cut at the tab's edge (the tooltip has it all) and never widens the dialog
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.award_button = QPushButton(self.tr("Record a commendation…"), objectName="add_award")
        self.remove_button = QPushButton(self.tr("Remove commendation"), objectName="remove_award")
        self.evaluate_button = QPushButton(self.tr("Yearly evaluation…"), objectName="evaluate")
        self.certificate_button = QPushButton(self.tr("Service certificate…"), objectName="certificate")
        district = records.district_of(volunteer_id)
        self.award_button.setEnabled(records.can(Action.EDIT, district))
        self.evaluate_button.setEnabled(records.can_evaluate(volunteer_id))
        self.certificate_button.setEnabled(records.can(Action.READ))
        self.award_button.clicked.connect(self.add_award)
        self.remove_button.clicked.connect(self.remove_award)
        self.evaluate_button.clicked.connect(self.evaluate)
        self.certificate_button.clicked.connect(self.open_certificates)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._body: QWidget | None = None
        self.reload()

    def reload(self) -> None:
        self.record = self._records.service_record(self._volunteer_id)
        self.summary.setText(self.summary_text(self.record))
        self.summary.setToolTip(self.summary.text())
        if self._body is not None:
            self._body.deleteLater()
        self._body = self._build(self.record)
        self._layout.addWidget(self._body, 1)

    def summary_text(self, r: ServiceRecord) -> str:
        years = "，".join(self.tr("{year}: {hours} h").format(year=y.year, hours=hours_text(y.minutes))
                         for y in r.years)
        text = self.tr("No. {number} · {name} · ID {id} · {district} {site} · joined {joined} · "
                       "{hours} hours in all").format(number=r.volunteer_no, name=r.name, id=r.id_number,
                                                      district=r.district, site=r.site,
                                                      joined=f"{r.joined_on:%Y-%m-%d}", hours=hours_text(r.total_minutes))
        counts = self.tr("{services} services, {training} of them training").format(
            services=len(r.services), training=len(r.training))
        return f"{text}（{years}） · {counts}" if years else f"{text} · {counts}"

    def _build(self, r: ServiceRecord) -> QWidget:
        """One row under a one-line summary (the tab is short in the volunteer's dialog):
        services, commendations, evaluations, each a table as tall as the tab, and the
        buttons in a column at the right."""
        lang = ui_lang()
        body = QWidget()
        self.services = table("record_services", (self.tr("Date"), self.tr("Service"), self.tr("Content"),
                                                   self.tr("Hours"), self.tr("Training")),
                              [(f"{i.day:%Y-%m-%d}", self.kind_text(i.kind, i.kind_code, lang), i.content,
                                hours_text(i.minutes), self.tr("Yes") if i.training else "") for i in r.services],
                              numbers=(3,))
        self.services.horizontalHeader().setStretchLastSection(False)
        self.services.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.awards = table("record_awards", (self.tr("Commendation ({count})").format(count=len(r.awards)),
                                               self.tr("Level"), self.tr("Date"), self.tr("Awarded by")),
                            [(a.name, AwardLevel(a.level).label(lang), f"{a.awarded_on:%Y-%m-%d}", a.awarded_by)
                             for a in r.awards])
        self.awards.itemDoubleClicked.connect(lambda _item: self.correct_award())
        self.evaluations = table("record_evaluations", (self.tr("Year"), self.tr("Stars"), self.tr("Comment")),
                                 [(str(e.year), "★" * e.stars + "☆" * (5 - e.stars), e.comment)
                                  for e in r.evaluations])
        for t in (self.awards, self.evaluations):
            t.setToolTip(self.tr("Double-click a commendation to correct it.") if t is self.awards else "")
        self.remove_button.setEnabled(self.award_button.isEnabled() and bool(r.awards)
                                      and self._records.can(Action.DELETE))
        buttons = QVBoxLayout()
        for b in (self.award_button, self.remove_button, self.evaluate_button, self.certificate_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        columns = QHBoxLayout()
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(self.services, 5)
        columns.addWidget(self.awards, 3)
        columns.addWidget(self.evaluations, 2)
        columns.addLayout(buttons)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        outer.addWidget(self.summary)
        outer.addLayout(columns, 1)
        QWidget.setTabOrder(self.services, self.awards)
        QWidget.setTabOrder(self.awards, self.evaluations)
        return body

    def kind_text(self, kind: str, code: str, lang: str) -> str:
        if kind == "shift":
            return self.tr("Duty: {type}").format(type=DutyType(code).label(lang))
        return ActivityType(code).label(lang)

    def add_award(self) -> None:
        if AwardDialog(self._records, self._volunteer_id, None, self).exec():
            self.reload()

    def _chosen_award(self):  # noqa: ANN202 - an Award or None
        rows = self.awards.selectionModel().selectedRows()
        return self.record.awards[rows[0].row()] if rows else None

    def correct_award(self) -> None:
        award = self._chosen_award()
        if award is not None and self.award_button.isEnabled() and AwardDialog(
                self._records, self._volunteer_id, award, self).exec():
            self.reload()

    def remove_award(self) -> None:
        award = self._chosen_award()
        if award is None:
            self.awards.setFocus()
            return
        answer = QMessageBox.question(self, self.tr("Remove commendation"),
                                      self.tr("Remove “{name}” from the service record?").format(name=award.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._records.remove_award(award.id, award.version)
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return
        self.reload()

    def evaluate(self) -> None:
        if EvaluationDialog(self._records, self._volunteer_id, self.record.evaluations, self).exec():
            self.reload()

    def open_certificates(self) -> None:
        CertificateDialog(self._records, self._volunteer_id, self.record.name, self).exec()
