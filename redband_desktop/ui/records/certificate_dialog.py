"""The service certificate (志愿服务证明) of one volunteer, from the service-record tab:
choose the period (this year so far by default) and see the hours it would state; Issue
numbers, registers and shows it (it carries the full ID number, so it needs the right to
see full personal data, and is audited). The volunteer's certificates issued before are
listed, and Reprint shows one again under the same number (audited). The shown PDF can be
printed or saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.records import hours_text
from redband_desktop.errors import RedbandError
from redband_desktop.services.records.types import Printed
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.fitting import fit_to_screen
from redband_desktop.ui.widgets.form_inputs import date_edit
from redband_desktop.ui.widgets.pdf_preview import PdfPreview
from redband_desktop.ui.widgets.pdf_printing import print_document

if TYPE_CHECKING:
    from redband_desktop.services.records.service import RecordsService


def _day(edit) -> date:  # noqa: ANN001 - a QDateEdit
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class CertificateDialog(QDialog):
    def __init__(self, records: RecordsService, volunteer_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records, self._volunteer_id = records, volunteer_id
        self.setWindowTitle(self.tr("Service certificate — {name}").format(name=name))
        today = QDate.currentDate()
        self.first = date_edit(self, "first_day", QDate(today.year(), 1, 1), QDate(1990, 1, 1))
        self.last = date_edit(self, "last_day", today, QDate(1990, 1, 1))
        self.hours = QLabel(objectName="period_hours")
        self.errors = FieldErrors()
        self.general = FieldErrors.make_label("general")
        self.general.hide()
        self.issue_button = QPushButton(self.tr("Issue certificate"), objectName="issue_certificate")
        self.issue_button.setEnabled(records.can(Action.REVEAL))
        if not self.issue_button.isEnabled():
            self.issue_button.setToolTip(self.tr("Certificates carry the full ID number: your account may not "
                                                 "see full personal data."))
        self.register = QTableWidget(0, 4, objectName="certificate_register")
        self.register.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Period"), self.tr("Hours"),
                                                  self.tr("Issued")])
        self.register.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.register.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.register.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.register.verticalHeader().setVisible(False)
        self.register.horizontalHeader().setStretchLastSection(True)
        self.reprint_button = QPushButton(self.tr("Reprint"), objectName="reprint_certificate")
        self.reprint_button.setEnabled(False)
        self.preview = PdfPreview(self)
        self.print_button = QPushButton(self.tr("Print…"), objectName="print_certificate", enabled=False)
        self.save_button = QPushButton(self.tr("Save PDF…"), objectName="save_certificate", enabled=False)
        self.note = QLabel(objectName="certificate_note", wordWrap=True)
        self._layout()
        self.first.dateChanged.connect(self._period_changed)
        self.last.dateChanged.connect(self._period_changed)
        self.issue_button.clicked.connect(self.issue)
        self.reprint_button.clicked.connect(self.reprint)
        self.register.itemSelectionChanged.connect(
            lambda: self.reprint_button.setEnabled(self.issue_button.isEnabled() and bool(self._selected())))
        self.print_button.clicked.connect(lambda: print_document(self.preview, self, self.windowTitle(),
                                                                 self.note.setText))
        self.save_button.clicked.connect(self.save)
        self._period_changed()
        self._load_register()
        fit_to_screen(self, 1000, 640)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("From"), self.first)
        self.errors.add_to_form("first_day", form, self.first)
        form.addRow(self.tr("To"), self.last)
        self.errors.add_to_form("last_day", form, self.last)
        form.addRow(self.tr("Service hours"), self.hours)
        form.addRow(self.general)
        form.addRow(self.issue_button)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(QLabel(self.tr("Certificates issued")))
        left.addWidget(self.register, 1)
        left.addWidget(self.reprint_button)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        side = QWidget()
        side.setLayout(left)
        side.setFixedWidth(340)
        layout.addWidget(side)
        layout.addLayout(right, 1)

    def _period_changed(self) -> None:
        self.errors.clear()
        self.general.hide()
        try:
            minutes = self._records.period_minutes(self._volunteer_id, _day(self.first), _day(self.last))
        except RedbandError as exc:
            self.hours.setText(exc.message(ui_lang()))
            return
        self.hours.setText(self.tr("{hours} hours").format(hours=hours_text(minutes)))

    def _load_register(self) -> None:
        rows = self._records.certificates(volunteer_id=self._volunteer_id)
        self._rows = rows
        self.register.setRowCount(len(rows))
        for r, c in enumerate(rows):
            for col, text in enumerate((c.number, f"{c.first_day:%Y-%m-%d}–{c.last_day:%Y-%m-%d}",
                                        hours_text(c.minutes), f"{c.issued_at:%Y-%m-%d %H:%M} {c.issued_by}")):
                self.register.setItem(r, col, QTableWidgetItem(text))
        self.register.resizeColumnsToContents()

    def _selected(self) -> int | None:
        rows = self.register.selectionModel().selectedRows()
        return self._rows[rows[0].row()].id if rows else None

    def issue(self) -> None:
        done: list[Printed] = []
        if self.errors.attempt(self, self.general, lambda: done.append(self._records.issue_certificate(
                self._volunteer_id, _day(self.first), _day(self.last)))):
            self._show(done[0], self.tr("Certificate {number} issued."))
            self._load_register()

    def reprint(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        try:
            printed = self._records.reprint_certificate(chosen)
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return
        self._show(printed, self.tr("Certificate {number} shown again under its number."))
        self._load_register()

    def _show(self, printed: Printed, text: str) -> None:
        self.printed = printed
        self.preview.show_pdf(printed.pdf)
        self.note.setText(text.format(number=printed.certificate.number))
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def save(self) -> None:
        number = self.printed.certificate.number
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save certificate"),
                                              str(Path.home() / f"志愿服务证明-{number}.pdf"), self.tr("PDF (*.pdf)"))
        if not path:
            return
        try:
            Path(path).write_bytes(self.preview.pdf)
        except OSError as exc:
            self.note.setText(self.tr("The file could not be written: {error}").format(error=exc))
            return
        self.note.setText(self.tr("Saved to {file}.").format(file=Path(path).name))
