"""Printing a PDF where the system cannot take one (Windows): each page is rendered by
QtPdf and painted at its true size into the chosen printer, one page at a time, on a
worker thread (Qt allows painting on a QPrinter outside the GUI thread), at no more than
600 dpi — a 1200 dpi printer gets a 600 dpi image scaled up by its driver, a quarter of
the spool and of the time, and nothing a card or form needs is finer than that.

The worker loads its own copy of the PDF (QtPdf's document belongs to the GUI thread's
preview), reports progress after every page and stops between pages when asked, aborting
the print job so that nothing half-printed comes out.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from redband_desktop.errors import RedbandError
from redband_desktop.ui.widgets.print_choices import PrintFailed

MAX_DPI = 600
POINTS_PER_INCH = 72.0


class PrintCancelled(RedbandError):
    code = "cancelled"


def page_numbers(ranges: str, count: int) -> list[int]:
    """0-based pages of "1-3,5" (every page for ""), within the document."""
    if not ranges:
        return list(range(count))
    pages: list[int] = []
    for part in ranges.split(","):
        first, _, last = part.partition("-")
        pages += range(int(first) - 1, min(int(last or first), count))
    return [p for p in pages if 0 <= p < count]


def raster_dpi(printer_dpi: int) -> int:
    return max(72, min(printer_dpi, MAX_DPI))


def paint_pdf(pdf: bytes, printer: QPrinter, pages: list[int], copies: int = 1,
              progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> int:
    """Paint `pages` (`copies` times over, for printers that cannot copy themselves) into
    `printer`; returns how many pages were painted. Raises PrintCancelled when
    `cancelled()` turns true, after aborting the job."""
    handle, path = tempfile.mkstemp(suffix=".pdf")
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(pdf)
        document = QPdfDocument()
        document.load(path)  # a file loads at once, which a worker without an event loop needs
        try:
            return _paint(document, printer, pages * max(1, copies), progress, cancelled)
        finally:
            document.close()
    finally:
        os.unlink(path)


def _paint(document: QPdfDocument, printer: QPrinter, pages: list[int],
           progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool] | None) -> int:
    from PySide6.QtGui import QPainter

    device_dpi = printer.resolution()
    dpi = raster_dpi(device_dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("printer_unavailable", printer=printer.printerName() or printer.outputFileName())
    try:
        for done, page in enumerate(pages):
            if cancelled is not None and cancelled():
                printer.abort()
                raise PrintCancelled()
            if done:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(page, QSize(round(points.width() / POINTS_PER_INCH * dpi),
                                                round(points.height() / POINTS_PER_INCH * dpi)))
            target = QRectF(0, 0, points.width() / POINTS_PER_INCH * device_dpi,
                            points.height() / POINTS_PER_INCH * device_dpi)
            painter.drawImage(target, image)
            if progress is not None:
                progress(done + 1, len(pages))
    finally:
        painter.end()
    return len(pages)
