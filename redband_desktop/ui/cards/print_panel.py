"""Batch printing: choose who (everyone, a district, a site, new volunteers without a
card, cards running out within N days), the layout (A4 2 × 5 with crop marks and
mirrored backs, or one CR80 card a page) and the first free slot of a used sheet; the
PDF is made in the background with a progress dialog that can cancel it, then shown
in the preview, printed through the system dialog or saved.

Making cards first issues the missing ones (one short transaction), then draws the PDF;
cancelling while it is drawn, or a failure, revokes the cards issued for the batch
again, so no card of an unfinished batch stays valid. Either way the register reloads.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.errors import RedbandError
from redband_desktop.services.cards.types import CardSelection
from redband_desktop.ui.i18n import bracketed
from redband_desktop.ui.widgets.feedback import run_in_background, show_error
from redband_desktop.ui.widgets.pdf_preview import PdfPreview
from redband_desktop.ui.widgets.pdf_printing import print_document

if TYPE_CHECKING:
    from redband_desktop.services import Services
    from redband_desktop.services.cards.types import PrintResult


class _Progress(QObject):
    step = Signal(int, int)  # emitted from the worker, delivered on the GUI thread


class PrintPanel(QWidget):

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.kind = QComboBox(objectName="selection_kind")
        # the everyday batch first: "everyone" is one deliberate choice away, not the default
        for code, text in ((
            "without_card", self.tr("Volunteers without a valid card")),
            ("expiring", self.tr("Cards expiring within N days")), ("district", self.tr("One district")),
            ("site", self.tr("One site")), ("all", self.tr("All active volunteers")),
        ):
            self.kind.addItem(text, code)
        self._chosen: tuple[int, ...] = ()  # volunteers chosen elsewhere (the roster, their dialog)
        self.district = QComboBox(objectName="selection_district")
        self.site = QComboBox(objectName="selection_site")
        self.days = QSpinBox(objectName="selection_days", minimum=1, maximum=365, value=60)
        self.layout_combo = QComboBox(objectName="layout")
        self.layout_combo.addItem(self.tr("A4 sheet, 2 × 5 cards"), "a4")
        self.layout_combo.addItem(self.tr("Card printer (CR80), one card a page"), "cr80")
        self.start = QSpinBox(objectName="start_position", minimum=1, maximum=10, value=1)
        self.count = QLabel(objectName="selection_count")
        self.no_phone = QLabel(self.tr("The station phone is empty: the back of every card will have no number "
                                       "to call. Enter it on the Card design tab."), objectName="no_phone")
        self.no_phone.setWordWrap(True)
        self.no_phone.setStyleSheet("color:#b26a00")
        self.make_button = QPushButton(self.tr("Make cards"), objectName="make_cards")
        self.print_button = QPushButton(self.tr("Print…"), objectName="print_cards", enabled=False)
        self.save_button = QPushButton(self.tr("Save as PDF…"), objectName="save_pdf", enabled=False)
        self.preview = PdfPreview(self)
        self.result: PrintResult | None = None
        self.busy = False
        self._cancel = threading.Event()
        self._build()
        self._fill_places()
        self._kind_changed()
        self.check_phone()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Print for"), self.kind)
        form.addRow(self.tr("District"), self.district)
        form.addRow(self.tr("Site"), self.site)
        form.addRow(self.tr("Days"), self.days)
        form.addRow(self.tr("Layout"), self.layout_combo)
        form.addRow(self.tr("Start at slot"), self.start)
        form.addRow("", self.count)
        buttons = QHBoxLayout()
        for b in (self.make_button, self.print_button, self.save_button):
            buttons.addWidget(b)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addLayout(buttons)
        side.addWidget(self.no_phone)
        side.addStretch()
        layout = QHBoxLayout(self)
        layout.addLayout(side)
        layout.addWidget(self.preview, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for w in (self.district, self.site):
            w.currentIndexChanged.connect(self._update_count)
        self.days.valueChanged.connect(self._update_count)
        self.layout_combo.currentIndexChanged.connect(
            lambda: self.start.setEnabled(self.layout_combo.currentData() == "a4"))
        self.make_button.clicked.connect(self.make)
        self.print_button.clicked.connect(self.print_cards)
        self.save_button.clicked.connect(self.save)

    def _fill_places(self) -> None:
        for d in self._services.structure.districts():
            self.district.addItem(d.name, d.id)
        for s in self._services.structure.sites():
            self.site.addItem(s.name + bracketed(s.district_name), s.id)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.district.setEnabled(kind == "district")
        self.site.setEnabled(kind == "site")
        self.days.setEnabled(kind == "expiring")
        self._update_count()

    def refresh(self) -> None:
        """Cards, volunteers or the design changed: count again, check the phone again."""
        if not self.busy:
            self._update_count()
        self.check_phone()

    def check_phone(self) -> None:
        """Warn, before anything is printed, that the card backs would carry no phone."""
        self.no_phone.setVisible(not self._services.cards.settings().phone.strip())

    def print_for(self, volunteer_ids: list[int]) -> None:
        """Choose these volunteers (from the roster or a volunteer's dialog) for the batch."""
        self._chosen = tuple(volunteer_ids)
        text = self.tr("The chosen volunteers ({n})").format(n=len(volunteer_ids))
        at = self.kind.findData("ids")
        if at < 0:
            self.kind.addItem(text, "ids")
            at = self.kind.count() - 1
        self.kind.setItemText(at, text)
        self.kind.setCurrentIndex(at)
        self._update_count()

    def selection(self) -> CardSelection:
        return CardSelection(self.kind.currentData(), ids=self._chosen, district_id=self.district.currentData(),
                             site_id=self.site.currentData(), days=self.days.value())

    def _update_count(self) -> None:
        n = self._services.cards.count_selected(self.selection())
        self.count.setText(self.tr("{n} volunteer(s) selected").format(n=n))

    # ------------------------------------------------------------ making the PDF
    def make(self) -> None:
        """Issue and render in the background; the dialog's Cancel stops the worker."""
        if self.busy:
            return
        self.busy = True
        self.make_button.setEnabled(False)
        self._cancel.clear()
        dialog = QProgressDialog(self.tr("Making cards…"), self.tr("Cancel"), 0, 100, self)
        dialog.setObjectName("card_progress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(self._cancel.set)
        progress = _Progress(self)
        progress.step.connect(self._on_step)  # a bound slot: queued onto the GUI thread
        self._dialog, self._progress = dialog, progress
        sel, layout, start = self.selection(), self.layout_combo.currentData(), self.start.value() - 1
        run_in_background(
            lambda: self._services.cards.print_batch(sel, layout, start, progress.step.emit, self._cancel.is_set),
            self._made, self._failed,
        )

    def _on_step(self, done: int, total: int) -> None:
        self._dialog.setValue(int(done * 100 / max(total, 1)))

    def cancel(self) -> None:
        self._cancel.set()

    def _finish(self) -> None:
        self.busy = False
        self.make_button.setEnabled(True)
        self._dialog.reset()
        self._dialog.deleteLater()

    def _made(self, result: PrintResult) -> None:
        self._finish()
        self.result = result
        self.preview.show_pdf(result.pdf)
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.count.setText(self.tr("{n} card(s) ready, {new} newly issued").format(n=result.cards, new=result.issued))

    def _failed(self, exc: BaseException) -> None:
        self._finish()  # a batch taken back is in the register already, by its change notice
        if isinstance(exc, RedbandError) and exc.code == "cancelled":
            self.count.setText(self.tr("Cancelled; the cards issued for this batch were revoked."))
            return
        show_error(self, exc)  # also when taking the batch back failed after a cancel

    def print_cards(self) -> None:
        """The system print dialog; the PDF goes to the printer at true size without
        holding up the window (see `pdf_printing`)."""
        if self.result is not None:
            print_document(self.preview, self, self.tr("Volunteer ID cards"), self.count.setText)

    def save(self, path: str | None = None) -> None:
        if self.result is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save cards as PDF"), "志愿者证.pdf", "PDF (*.pdf)")
        if path:
            Path(path).write_bytes(self.result.pdf)
