"""One mediation case in its own window: a header that says where the case stands (number,
stage, deadline with its overdue / due-soon warning, extension, the incident it came
from) and one tab per part of the file — registration, parties, investigation, sessions,
outcome, follow-ups and the printed documents.

Every tab writes through the mediation service and then calls `changed()`: the window
reads the case again (masked as the signed-in user may see it), every tab shows the new
state; the case list refreshes from the change notice the write caused. Buttons are
enabled only for the stages the service accepts them in, and only for users who may edit
the case's district."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from redband_desktop.domain.access import Action
from redband_desktop.domain.mediation import OPEN_STATUSES, CaseStatus
from redband_desktop.services.mediation.types import CaseDetail
from redband_desktop.ui.i18n import label
from redband_desktop.ui.mediation.committee_prompt import CommitteePrompt
from redband_desktop.ui.mediation.documents_tab import DocumentsTab
from redband_desktop.ui.mediation.follow_ups_tab import FollowUpsTab
from redband_desktop.ui.mediation.investigation_tab import InvestigationTab
from redband_desktop.ui.mediation.outcome_tab import OutcomeTab
from redband_desktop.ui.mediation.parties_tab import PartiesTab
from redband_desktop.ui.mediation.registration_tab import RegistrationTab
from redband_desktop.ui.mediation.sessions_tab import SessionsTab
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.fitting import fit_to_screen
from redband_desktop.ui.widgets.read_only import READABLE

if TYPE_CHECKING:
    from redband_desktop.services import Services

WARN = "#c62828"
SOON = "#b26a00"


class CaseWindow(QWidget):
    def __init__(self, services: Services, case_id: int, parent: QWidget | None = None,
                 committee: CommitteePrompt | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._services = services
        self.case_id = case_id
        self.case: CaseDetail | None = None
        self.title = QLabel(objectName="case_title")
        self.title.setStyleSheet("font-size:17px;font-weight:bold")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_line = QLabel(objectName="case_status")
        self.status_line.setWordWrap(True)
        self.status_line.setTextFormat(Qt.TextFormat.RichText)
        self.tabs = QTabWidget(objectName="case_tabs")
        self.registration = RegistrationTab(services, self.changed, self.reload)
        self.parties = PartiesTab(services.mediation, self.changed)
        self.investigation = InvestigationTab(services.mediation, self.changed)
        self.sessions = SessionsTab(services, self.changed)
        self.outcome = OutcomeTab(services.mediation, self.changed)
        self.follow_ups = FollowUpsTab(services.mediation, self.changed)
        self.documents = DocumentsTab(services.mediation,
                                      committee or CommitteePrompt(services.station, services.access, self))
        for tab, title in ((self.registration, self.tr("Registration")), (self.parties, self.tr("Parties")),
                           (self.investigation, self.tr("Investigation")), (self.sessions, self.tr("Sessions")),
                           (self.outcome, self.tr("Outcome")), (self.follow_ups, self.tr("Follow-ups")),
                           (self.documents, self.tr("Documents"))):
            self.tabs.addTab(tab, title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status_line)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.setStyleSheet(READABLE)  # a closed file reads as text, not as greyed-out fields
        fit_to_screen(self, 1100, 700)
        self.reload()

    def reload(self) -> bool:
        """Read the case again and show it everywhere; False if it cannot be read."""
        try:
            case = self._services.mediation.case(self.case_id)
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return False
        self.case = case
        # A closed file (结案) is kept as it was closed: it can be read and printed only.
        can_edit = self._services.access.can(Action.EDIT, case.form.district_id) and case.status is not CaseStatus.CLOSED
        self.setWindowTitle(self.tr("Mediation case {number}").format(number=case.number))
        self._show_header(case)
        for tab in (self.registration, self.parties, self.investigation, self.sessions, self.outcome,
                    self.follow_ups, self.documents):
            tab.show_case(case, can_edit)
        return True

    def changed(self) -> None:
        """After a write: show the saved state."""
        self.reload()

    def _show_header(self, case: CaseDetail) -> None:
        self.title.setText(f"{case.number}　{label(case.form.dispute_type)}　{case.form.summary}")
        self.status_line.setText("　·　".join(self._status_parts(case)))

    def _status_parts(self, case: CaseDetail) -> list[str]:
        stage = self.tr("Stage: {stage}").format(stage=f"<b>{escape(label(case.status))}</b>")
        parts = [stage]
        if case.status in OPEN_STATUSES:
            due = self.tr("Deadline {date}").format(date=f"{case.deadline:%Y-%m-%d}")
            # tr() outside the f-strings: lupdate does not see calls inside them
            overdue, soon = self.tr("overdue"), self.tr("due soon")
            if case.overdue:
                due = f"<span style='color:{WARN};font-weight:bold'>⚠ {due} — {overdue}</span>"
            elif case.due_soon:
                due = f"<span style='color:{SOON};font-weight:bold'>⏰ {due} — {soon}</span>"
            parts.append(due)
        if case.extended:
            reason = case.extension_reason.replace("\n", "；")
            parts.append(escape(self.tr("Extended: {reason}").format(reason=reason)))
        if case.follow_up_due:
            visit = escape(self.tr("Follow-up visit due"))
            parts.append(f"<span style='color:{SOON};font-weight:bold'>⏰ {visit}</span>")
        if case.closed_on:
            parts.append(escape(self.tr("Closed {date}").format(date=f"{case.closed_on:%Y-%m-%d}")))
        place = "　".join(x for x in (case.district_name, case.site_name) if x)
        if place:
            parts.append(escape(place))
        parts.append(escape(label(case.form.source)))
        if case.incident_number:
            parts.append(escape(self.tr("From incident {number}").format(number=case.incident_number)))
        return parts
