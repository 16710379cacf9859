"""文书 — the case's printed forms, previewed in the window: 人民调解协议书 (written
agreements only), 调解记录, 回访记录 and the whole 卷宗. "Print…" goes through the system
print dialog at true size without holding up the window; "Save as PDF…" writes the
previewed file.

The PDF is made in the background and only when the tab is looked at: every document
made is written to the audit trail (it carries personal data), so a change on another
tab marks the preview stale instead of printing it again unseen. Before the first one,
the committee's name is settled (`CommitteePrompt`: asked once, if never set)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.mediation import OutcomeKind
from redband_desktop.services.mediation.service import MediationService
from redband_desktop.services.mediation.types import CaseDetail
from redband_desktop.ui.mediation.committee_prompt import CommitteePrompt
from redband_desktop.ui.widgets.feedback import run_in_background, show_error
from redband_desktop.ui.widgets.pdf_preview import PdfPreview
from redband_desktop.ui.widgets.pdf_printing import print_document


class DocumentsTab(QWidget):
    def __init__(self, mediation: MediationService, committee: CommitteePrompt,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mediation = mediation
        self._committee = committee
        self._note: str | None = None  # what the committee prompt said; None: not asked yet
        self._settling = False
        self.case: CaseDetail | None = None
        self.busy = False
        self._request = 0  # only the newest request's PDF is shown
        self._shown: tuple[int, int, str] | None = None  # (case id, reload count, which) in the preview
        self._pending: tuple[int, int, str] | None = None  # … being made
        self._seen = 0  # bumped by every reload: a change elsewhere makes the preview stale
        self.which = QComboBox(objectName="document")
        for code, title in (("agreement", self.tr("Mediation agreement (协议书)")),
                            ("sessions", self.tr("Session records (调解记录)")),
                            ("follow_ups", self.tr("Follow-up records (回访记录)")),
                            ("file", self.tr("Whole case file (卷宗)"))):
            self.which.addItem(title, code)
        self.which.setCurrentIndex(self.which.findData("file"))  # always there, whatever the stage
        self.state = QLabel(objectName="document_state")
        self.note = QLabel(objectName="committee_note", wordWrap=True, visible=False)  # the committee's name
        self.print_button = QPushButton(self.tr("Print…"), objectName="print_document")
        self.save_button = QPushButton(self.tr("Save as PDF…"), objectName="save_document")
        self.preview = PdfPreview()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Document")))
        top.addWidget(self.which)
        top.addWidget(self.state, 1)
        top.addWidget(self.save_button)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.preview, 1)
        self.which.currentIndexChanged.connect(self.refresh)
        self.print_button.clicked.connect(self.print_it)
        self.save_button.clicked.connect(self.save)
        self._enable_output(False)

    def show_case(self, case: CaseDetail, _can_edit: bool) -> None:
        """Reading is enough to print; the choices follow what the file holds."""
        self.case = case
        self._seen += 1
        available = {"agreement": case.outcome is not None and case.outcome.kind is OutcomeKind.WRITTEN,
                     "sessions": bool(case.sessions), "follow_ups": bool(case.follow_ups), "file": True}
        model: QStandardItemModel = self.which.model()
        for row in range(self.which.count()):
            model.item(row).setEnabled(available[self.which.itemData(row)])
        if not available[self.which.currentData()]:
            self.which.setCurrentIndex(self.which.findData("file"))  # refreshes if visible
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Make the chosen document unless the preview already shows it for this state.
        The first time, the committee's name is settled first (out of the show event)."""
        if self.case is None or not self.isVisible():
            return
        if self._note is None:
            QTimer.singleShot(0, self._settle_committee)
            return
        wanted = (self.case.id, self._seen, self.which.currentData())
        if wanted in (self._shown, self._pending):
            return
        self._pending = wanted
        self._request += 1
        request, case_id, which = self._request, self.case.id, wanted[2]
        self.busy = True
        self._enable_output(False)
        self.state.setText(self.tr("Preparing…"))
        run_in_background(lambda: self._mediation.document(case_id, which),
                          lambda pdf: self._made(request, wanted, pdf), lambda exc: self._failed(request, exc))

    def _settle_committee(self) -> None:
        if self._note is not None or self._settling:  # refreshes queued while the question is open
            return
        self._settling = True
        try:
            self._note = self._committee.settle(self)
        finally:
            self._settling = False
        self.refresh()

    def _made(self, request: int, wanted: tuple[int, int, str], pdf: bytes) -> None:
        if request != self._request:
            return
        self.busy = False
        self._shown, self._pending = wanted, None
        self.preview.show_pdf(pdf)
        pages = self.tr("{pages} page(s)").format(pages=self.preview.page_count())
        self.state.setText(pages)
        self.note.setText(self._note or "")
        self.note.setVisible(bool(self._note))
        self._enable_output(True)

    def _failed(self, request: int, exc: BaseException) -> None:
        if request != self._request:
            return
        self.busy = False
        self._pending = None
        self.state.setText("")
        show_error(self, exc)

    def _enable_output(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def file_name(self) -> str:
        return f"{self.case.number} {self.which.currentText()}.pdf"

    def save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), str(Path.home() / self.file_name()),
                                              self.tr("PDF document (*.pdf)"))
        if not path:
            return
        try:
            Path(path).write_bytes(self.preview.pdf)
        except OSError as exc:  # a full disk or a folder we may not write to: say so
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))

    def print_it(self) -> None:
        print_document(self.preview, self, self.file_name().removesuffix(".pdf"), self.state.setText)
