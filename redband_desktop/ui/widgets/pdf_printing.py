"""Printing a previewed PDF through the system print dialog, at its true size (cards keep
their 85.6 × 54 mm), without freezing the window.

After the dialog, one of three ways, none of them on the GUI thread's time:
- "Print to file" (the Unix dialog's PDF output): the PDF itself is written there.
- CUPS (Linux, Kylin, UOS, macOS): the PDF itself goes to the chosen queue with the
  dialog's copies, sides and page range (`print_choices`), on a worker.
- Anywhere else (Windows): the pages are rendered on a worker at no more than 600 dpi and
  painted into the printer page by page, with a progress dialog and Cancel
  (`raster_printing`).
`report(text)` is told how it went (sent, cancelled); failures are shown as messages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from redband_desktop.errors import RedbandError
from redband_desktop.ui.widgets import print_choices, raster_printing
from redband_desktop.ui.widgets.feedback import run_in_background, show_error
from redband_desktop.ui.widgets.pdf_preview import PdfPreview
from redband_desktop.ui.widgets.print_choices import PrintChoices

_SIDES = {QPrinter.DuplexMode.DuplexNone: "one-sided", QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
          QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge"}  # DuplexAuto: the queue's default
_running: set[QObject] = set()  # jobs on a worker, kept alive until they report


def print_document(preview: PdfPreview, parent: QWidget | None = None, title: str = "",
                   report: Callable[[str], None] | None = None) -> bool:
    """Ask for a printer and print the previewed PDF; False when the user cancelled."""
    printer = _printer_for(preview)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
    dialog.setMinMax(1, max(1, preview.page_count()))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    start_printing(printer, preview, parent, title, report or (lambda _text: None))
    return True


def _printer_for(preview: PdfPreview) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    first = preview.document.pagePointSize(0)
    printer.setPageSize(QPageSize(first, QPageSize.Unit.Point))
    printer.setFullPage(True)  # our own margins and offsets; none added by Qt
    printer.setPageOrientation(QPageLayout.Orientation.Portrait if first.height() >= first.width()
                               else QPageLayout.Orientation.Landscape)
    return printer


def start_printing(printer: QPrinter, preview: PdfPreview, parent: QWidget | None, title: str,
                   report: Callable[[str], None]) -> None:
    """Print `preview.pdf` as the accepted dialog left `printer` set."""
    pdf = preview.pdf
    if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        _write_file(pdf, printer.outputFileName(), parent, report)
    elif print_choices.cups_available() and printer.printerName():
        choices = read_choices(printer, preview, title)
        run_in_background(lambda: print_choices.submit(pdf, choices),
                          lambda job: report(_sent(choices.printer, job)), lambda exc: show_error(parent, exc))
    else:
        _Rasterising(printer, preview, parent, report).start()


def _sent(printer: str, job: str) -> str:
    return QCoreApplication.translate("PdfPrinting", "Sent to {printer} (job {job}).").format(
        printer=printer, job=job or "?")


def read_choices(printer: QPrinter, preview: PdfPreview, title: str) -> PrintChoices:
    """What the dialog chose, as CUPS options; a custom paper (a CR80 card) is given by
    its exact size."""
    pages = ""
    if printer.printRange() is QPrinter.PrintRange.PageRange and not printer.pageRanges().isEmpty():
        pages = printer.pageRanges().toString()
    size = preview.document.pagePointSize(0)
    paper = printer.pageLayout().pageSize()  # the document's, unless the user chose another paper
    media = print_choices.media_for(size.width(), size.height(),
                                    "" if paper.id() == QPageSize.PageSizeId.Custom else paper.key())
    return PrintChoices(
        printer=printer.printerName(), title=title, copies=printer.copyCount(), collate=printer.collateCopies(),
        sides=_SIDES.get(printer.duplex(), ""), pages=pages, media=media,
        grayscale=printer.colorMode() is QPrinter.ColorMode.GrayScale,
    )


def _write_file(pdf: bytes, path: str, parent: QWidget | None, report: Callable[[str], None]) -> None:
    try:
        Path(path).write_bytes(pdf)
    except OSError as exc:  # a full disk or a folder we may not write to: say so
        show_error(parent, print_choices.PrintFailed(printer=path, detail=str(exc)))
        return
    report(QCoreApplication.translate("PdfPrinting", "Saved to {path}.").format(path=path))


class _Rasterising(QObject):
    """One rasterised print run: the worker paints, this object (on the GUI thread) shows
    the progress dialog and passes Cancel on."""

    step = Signal(int, int)  # emitted by the worker, delivered on the GUI thread

    def __init__(self, printer: QPrinter, preview: PdfPreview, parent: QWidget | None,
                 report: Callable[[str], None]) -> None:
        super().__init__(parent)
        self._printer, self._pdf, self._parent, self._report = printer, preview.pdf, parent, report
        pages = printer.pageRanges().toString() if printer.printRange() is QPrinter.PrintRange.PageRange else ""
        self._pages = raster_printing.page_numbers(pages, preview.page_count())
        self._copies = 1 if printer.supportsMultipleCopies() else printer.copyCount()
        self._stop = threading.Event()
        self.dialog = QProgressDialog(self.tr("Printing…"), self.tr("Cancel"), 0, len(self._pages) * self._copies, parent)
        self.dialog.setObjectName("print_progress")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.canceled.connect(self.cancel)
        self.step.connect(self._stepped)

    def start(self) -> None:
        _running.add(self)
        run_in_background(
            lambda: raster_printing.paint_pdf(self._pdf, self._printer, self._pages, self._copies,
                                              self.step.emit, self._stop.is_set),
            self._done, self._failed)

    def cancel(self) -> None:
        self._stop.set()

    def _stepped(self, done: int, total: int) -> None:
        self.dialog.setValue(done)
        self.dialog.setLabelText(self.tr("Printing page {done} of {total}…").format(done=done, total=total))

    def _finish(self) -> None:
        _running.discard(self)
        self.dialog.reset()
        self.dialog.deleteLater()

    def _done(self, pages: int) -> None:
        self._finish()
        self._report(self.tr("Sent {pages} page(s) to {printer}.").format(
            pages=pages, printer=self._printer.printerName() or self._printer.outputFileName()))

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, RedbandError) and exc.code == "cancelled":
            self._report(self.tr("Printing cancelled."))
        else:
            show_error(self._parent, exc)
