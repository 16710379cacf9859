"""Printing a previewed PDF: the print dialog's choices become CUPS options (copies,
sides, page range, the paper's exact size, never scaled); "print to file" writes the PDF
itself; where there is no CUPS the pages are rendered on a worker at no more than 600 dpi
with progress and Cancel, while the window stays free; a printer that refuses the job is
a message, not a traceback."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QPageLayout, QPageRanges
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from redband_desktop.ui.widgets import pdf_printing, print_choices, raster_printing
from redband_desktop.ui.widgets.pdf_preview import PdfPreview
from redband_desktop.ui.widgets.print_choices import PrintChoices, lp_command

MM = 72 / 25.4


def _preview(qtbot, services, layout: str) -> PdfPreview:  # noqa: ANN001
    """A preview holding a site's batch of cards, as the print panel has it."""
    from redband_desktop.services.cards.types import CardSelection

    site = services.structure.sites()[0].id
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.show_pdf(services.cards.print_batch(CardSelection("site", site_id=site), layout).pdf)
    return preview


@pytest.fixture
def sheets(qtbot, demo_services):  # noqa: ANN001, ANN201
    """Three A4 pages of cards."""
    return _preview(qtbot, demo_services, "a4")


def _printer(preview: PdfPreview) -> QPrinter:
    return pdf_printing._printer_for(preview)


def test_lp_gets_the_dialogs_choices_and_never_scales() -> None:
    cmd = lp_command(PrintChoices("Office_HP", "志愿者证", copies=2, collate=False, sides="two-sided-long-edge",
                                  pages="1-3,5", media="A4", grayscale=True))
    assert cmd[:3] == ["lp", "-d", "Office_HP"] and cmd[-1] == "--"
    options = [cmd[i + 1] for i, part in enumerate(cmd) if part == "-o"]
    assert options == ["print-scaling=none", "collate=false", "sides=two-sided-long-edge", "page-ranges=1-3,5",
                       "media=A4", "print-color-mode=monochrome"]
    assert cmd[cmd.index("-n") + 1] == "2" and cmd[cmd.index("-t") + 1] == "志愿者证"
    assert lp_command(PrintChoices("Card")) == ["lp", "-d", "Card", "-n", "1", "-o", "print-scaling=none", "--"]
    for bad in (PrintChoices("x", pages="1;rm"), PrintChoices("x", sides="both")):
        with pytest.raises(ValueError):
            lp_command(bad)


def test_choices_read_from_the_dialog(sheets) -> None:  # noqa: ANN001
    printer = _printer(sheets)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # takes every setting, whatever this PC's printers
    printer.setCopyCount(3)
    printer.duplex = lambda: QPrinter.DuplexMode.DuplexLongSide  # as a duplex printer's dialog leaves it
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    ranges = QPageRanges()
    ranges.addRange(1, 2)
    printer.setPageRanges(ranges)
    choices = pdf_printing.read_choices(printer, sheets, "cards")
    assert (choices.copies, choices.sides, choices.pages, choices.media) == (3, "two-sided-long-edge", "1-2", "A4")
    assert choices.printer == printer.printerName() and choices.title == "cards"


def test_card_printer_pages_keep_their_exact_size(qtbot, demo_services) -> None:  # noqa: ANN001
    cards = _preview(qtbot, demo_services, "cr80")
    choices = pdf_printing.read_choices(_printer(cards), cards, "")
    assert choices.media == "Custom.85.60x53.98mm"


def test_media_names() -> None:
    assert print_choices.media_for(85.6 * MM, 53.98 * MM) == "Custom.85.60x53.98mm"
    assert print_choices.media_for(595.28, 841.89, "A4") == "A4"


def test_print_to_file_writes_the_pdf_itself(sheets, tmp_path: Path) -> None:  # noqa: ANN001
    printer = _printer(sheets)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    said: list[str] = []
    pdf_printing.start_printing(printer, sheets, None, "cards", said.append)
    assert (tmp_path / "out.pdf").read_bytes() == sheets.pdf and said


def test_a_refused_job_is_a_message(qtbot, sheets, monkeypatch) -> None:  # noqa: ANN001
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    monkeypatch.setattr(print_choices, "cups_available", lambda: True)
    monkeypatch.setattr(print_choices, "lp_command", lambda _c: ["sh", "-c", "echo 'lp: No such destination' >&2; exit 1"])
    printer = _printer(sheets)
    printer.printerName = lambda: "Nowhere"  # whatever printers this PC has
    said: list[str] = []
    pdf_printing.start_printing(printer, sheets, None, "cards", said.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "No such destination" in shown[0] and not said


def test_raster_pages_are_painted_on_a_worker_at_no_more_than_600_dpi(qtbot, sheets, tmp_path) -> None:  # noqa: ANN001
    printer = _printer(sheets)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # stands in for a Windows printer
    printer.setOutputFileName(str(tmp_path / "spool.pdf"))
    printer.setResolution(1200)
    said: list[str] = []
    job = pdf_printing._Rasterising(printer, sheets, None, said.append)
    job.start()
    assert not said  # start() returned at once: the pages are painted on a worker
    qtbot.waitUntil(lambda: bool(said), timeout=120_000)
    pages = sheets.page_count()
    assert said == [f"Sent {pages} page(s) to {tmp_path / 'spool.pdf'}."]
    info = subprocess.run(["pdfinfo", str(tmp_path / "spool.pdf")], capture_output=True, text=True).stdout
    assert re.search(rf"Pages:\s+{pages}\b", info) and "595" in info  # A4 pages at their own size
    if shutil.which("pdfimages"):
        images = subprocess.run(["pdfimages", "-list", str(tmp_path / "spool.pdf")], capture_output=True,
                                text=True).stdout.splitlines()[2:]
        widths = {int(line.split()[3]) for line in images}
        assert widths and max(widths) <= round(210 / 25.4 * 600) + 1  # 600 dpi, not the printer's 1200


def test_raster_printing_can_be_cancelled_between_pages(qtbot, sheets, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    real = raster_printing.paint_pdf

    def paint(pdf, printer, pages, copies, progress, cancelled):  # noqa: ANN001, ANN202
        def step(done: int, total: int) -> None:
            progress(done, total)
            if done == 1:  # the clerk's Cancel arrives while the first page is done
                _wait(cancelled)
        return real(pdf, printer, pages, copies, step, cancelled)

    monkeypatch.setattr(raster_printing, "paint_pdf", paint)
    printer = _printer(sheets)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "spool.pdf"))
    printer.setResolution(150)
    said: list[str] = []
    job = pdf_printing._Rasterising(printer, sheets, None, said.append)
    job.step.connect(lambda done, _total: job.dialog.canceled.emit() if done == 1 else None)  # Cancel clicked
    job.start()
    qtbot.waitUntil(lambda: bool(said), timeout=60_000)
    assert said == ["Printing cancelled."]


def _wait(condition) -> None:  # noqa: ANN001 - on the worker: no Qt event loop to spin
    import time

    deadline = time.monotonic() + 10
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.mark.qt_log_ignore("QPainter::begin")  # Qt says so too, on the worker
def test_a_printer_that_cannot_be_opened_is_a_message(qtbot, sheets, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    printer = _printer(sheets)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "no such folder" / "spool.pdf"))
    said: list[str] = []
    pdf_printing._Rasterising(printer, sheets, None, said.append).start()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert "spool.pdf" in shown[0] and not said


def test_page_numbers_of_a_range() -> None:
    assert raster_printing.page_numbers("", 3) == [0, 1, 2]
    assert raster_printing.page_numbers("1-2,5,9", 6) == [0, 1, 4]
    assert raster_printing.raster_dpi(1200) == 600 and raster_printing.raster_dpi(300) == 300


def test_orientation_follows_the_first_page(sheets) -> None:  # noqa: ANN001
    assert _printer(sheets).pageLayout().orientation() is QPageLayout.Orientation.Portrait
