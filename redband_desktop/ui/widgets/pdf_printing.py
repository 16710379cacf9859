"""Printing a PDF through the system print dialog: each page is rendered by QtPdf at the
printer's resolution and painted at its true size, so cards keep their 85.6 × 54 mm."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

POINTS_PER_INCH = 72.0


def print_document(document: QPdfDocument, parent: QWidget | None = None) -> bool:
    """Ask for a printer and print every page; False when the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    first = document.pagePointSize(0)
    printer.setPageSize(QPageSize(first, QPageSize.Unit.Point))
    printer.setFullPage(True)  # our own margins and offsets; none added by Qt
    printer.setPageOrientation(QPageLayout.Orientation.Portrait if first.height() >= first.width()
                               else QPageLayout.Orientation.Landscape)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_pages(document, printer)
    return True


def paint_pages(document: QPdfDocument, printer: QPrinter) -> None:
    painter = QPainter(printer)
    try:
        dpi = printer.resolution()
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / POINTS_PER_INCH * dpi), round(points.height() / POINTS_PER_INCH * dpi))
            image = document.render(page, size)
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
    finally:
        painter.end()
