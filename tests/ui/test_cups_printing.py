"""Cards printed through a real CUPS queue come out at their true size: the clerk makes a
batch, presses Print…, picks the queue in the print dialog, and the PDF goes to CUPS as it
is (a spool the size of the PDF, not hundreds of megabytes of pages painted on this PC).

The queue is Debian's CUPS-PDF printer (printer-driver-cups-pdf), which runs the job
through CUPS' filters and writes what a printer would get as a PDF; read back with
pdftotext's word boxes, the cards on an A4 sheet and a CR80 card page measure
85.6 × 54 mm. The queue is made as awkward as an office laser printer: 4 mm it cannot
print along every edge, and set to fit pages into what it can print (a job sent as it
was before would come out at 96 %, cards 82 mm wide). As root on Debian (CI) the fixture
starts the scheduler and adds the queue when needed and takes them away afterwards;
elsewhere the test says why it is skipped.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog

from redband_desktop.ui.cards.cards_page import CardsPage
from redband_desktop.ui.widgets import print_choices

QUEUE = "RedbandTestPDF"
MM = 72 / 25.4
CARD_W, CARD_H, GAP = 85.60, 53.98, 3.0  # mm: ISO ID-1 and the A4 sheet's gutter
PPDS = ("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd", "/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd")
INSTALL = "apt-get install cups printer-driver-cups-pdf (make sysdeps)"


def _run(*cmd: str) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)


def _scheduler_running() -> bool:
    return _run("lpstat", "-r").stdout.strip() == "scheduler is running"


@pytest.fixture(scope="module")
def cups_pdf_queue(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """(queue name, folder CUPS-PDF writes into)."""
    tmp = tmp_path_factory.mktemp("cups")
    if not sys.platform.startswith("linux"):
        pytest.skip("the CUPS-PDF queue is a Linux test")
    missing = [tool for tool in ("lp", "lpstat", "lpadmin", "cupsd", "pdftotext", "pdfinfo") if not shutil.which(tool)]
    ppd = next((p for p in PPDS if Path(p).exists()), None)
    if missing or ppd is None or not Path("/usr/lib/cups/backend/cups-pdf").exists():
        pytest.skip(f"needs CUPS and CUPS-PDF ({', '.join(missing) or 'cups-pdf'} missing): {INSTALL}")
    scheduler = None
    if not _scheduler_running():
        if os.geteuid() != 0:
            pytest.skip("the CUPS scheduler is not running and only root may start it")
        scheduler = subprocess.Popen([shutil.which("cupsd"), "-f"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while not _scheduler_running() and time.monotonic() < deadline:
            time.sleep(0.2)
        if not _scheduler_running():
            scheduler.terminate()
            pytest.skip("the CUPS scheduler did not start (cupsd -f)")
    made = _run("lpadmin", "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-P", str(_with_margins(Path(ppd), tmp)),
                "-o", "print-scaling-default=fit")
    if made.returncode != 0:
        _stop(scheduler)
        pytest.skip(f"cannot add a CUPS-PDF queue: {made.stderr.strip()}")
    try:
        yield QUEUE, _output_folder()
    finally:
        _run("lpadmin", "-x", QUEUE)
        _stop(scheduler)


def _with_margins(ppd: Path, folder: Path) -> Path:
    """CUPS-PDF's description with 4 mm (12 pt) along every edge it cannot print."""
    text = ppd.read_text(errors="replace")
    text = re.sub(r'^\*ImageableArea A4/A4: "[^"]*"', '*ImageableArea A4/A4: "12 12 583 830"', text, flags=re.M)
    text = re.sub(r"^\*HWMargins: .*$", "*HWMargins: 12 12 12 12", text, flags=re.M)
    out = folder / "margins.ppd"
    out.write_text(text)
    return out


def _stop(scheduler: subprocess.Popen | None) -> None:
    if scheduler is not None:
        scheduler.terminate()
        scheduler.wait(timeout=30)


def _output_folder() -> Path:
    """CUPS-PDF's "Out" folder for this user (${HOME}/PDF unless configured)."""
    out = "${HOME}/PDF"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        for line in conf.read_text(errors="replace").splitlines():
            if re.match(r"^\s*Out\s+", line):
                out = line.split(None, 1)[1].strip()
    return Path(out.replace("${HOME}", pwd.getpwuid(os.getuid()).pw_dir))


def _printed(folder: Path, token: str, timeout: float = 90) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [p for p in folder.glob(f"*{token}*.pdf") if p.stat().st_size > 0]
        if found and _run("lpstat", "-o", QUEUE).stdout.strip() == "":  # the job has finished writing
            return found[0]
        time.sleep(0.5)
    raise AssertionError(f"CUPS-PDF wrote nothing for {token} into {folder} within {timeout:.0f} s")


def _words(path: Path, page: int = 1) -> list[tuple[str, float, float, float]]:
    """(text, x0, y0, x1) of every word on the page, in points."""
    html = _run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-").stdout
    return [(t, float(a), float(b), float(c))
            for a, b, c, t in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]+)<', html)]


def _card_numbers(path: Path) -> dict[str, tuple[float, float, float]]:
    return {t: (x0, y0, x1 - x0) for t, x0, y0, x1 in _words(path) if re.fullmatch(r"\d{4}-\d{5}", t)}


def _print_through_the_dialog(qtbot, page: CardsPage, queue: str, monkeypatch) -> str:  # noqa: ANN001
    """Print… with the dialog accepted on `queue`; the job's title token."""
    panel = page.printing
    token = f"rbtest{uuid.uuid4().hex[:10]}"

    def choose_queue(dialog: QPrintDialog) -> int:
        dialog.printer().setPrinterName(queue)
        return QPrintDialog.DialogCode.Accepted

    real_submit = print_choices.submit
    monkeypatch.setattr(QPrintDialog, "exec", choose_queue)
    monkeypatch.setattr(print_choices, "submit", lambda pdf, c: real_submit(pdf, replace(c, title=token)))
    panel.print_cards()
    qtbot.waitUntil(lambda: queue in panel.count.text(), timeout=60_000)  # "Sent to … (job …)"
    return token


@pytest.fixture
def page(qtbot, demo_without_cards):  # noqa: ANN001, ANN201 - new cards only: numbered in sheet order
    widget = CardsPage(demo_without_cards)
    qtbot.addWidget(widget)
    return widget


def _make(qtbot, page: CardsPage, layout: str) -> bytes:  # noqa: ANN001
    panel = page.printing
    panel.kind.setCurrentIndex(panel.kind.findData("site"))
    panel.site.setCurrentIndex(0)
    panel.layout_combo.setCurrentIndex(panel.layout_combo.findData(layout))
    panel.make()
    qtbot.waitUntil(lambda: not panel.busy, timeout=60_000)
    return panel.result.pdf


def test_a4_sheet_cards_print_at_85_6_by_54_mm(qtbot, page, cups_pdf_queue, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    queue, folder = cups_pdf_queue
    pdf = _make(qtbot, page, "a4")
    token = _print_through_the_dialog(qtbot, page, queue, monkeypatch)
    printed = _printed(folder, token)
    try:
        assert "595 x 842 pts (A4)" in _run("pdfinfo", str(printed)).stdout
        (tmp_path / "sent.pdf").write_bytes(pdf)
        sent, out = _card_numbers(tmp_path / "sent.pdf"), _card_numbers(printed)
        assert set(out) == set(sent) and len(out) >= 4
        (x1, y1, w1), (x2, _, _), (_, y3, _) = (out[n] for n in sorted(out)[:3])  # 1st, 2nd (right), 3rd (below)
        assert (x2 - x1) / MM - GAP == pytest.approx(CARD_W, abs=0.2)  # the card's printed width
        assert (y3 - y1) / MM - GAP == pytest.approx(CARD_H, abs=0.2)  # and height
        assert w1 == pytest.approx(sent[sorted(sent)[0]][2], rel=0.005)  # not scaled
    finally:
        printed.unlink()


def test_card_printer_page_prints_at_85_6_by_54_mm(qtbot, page, cups_pdf_queue, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    queue, folder = cups_pdf_queue
    pdf = _make(qtbot, page, "cr80")
    token = _print_through_the_dialog(qtbot, page, queue, monkeypatch)
    printed = _printed(folder, token)
    try:
        size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", _run("pdfinfo", str(printed)).stdout)
        # Ghostscript (inside CUPS-PDF) rounds the page to whole points: 242 × 153 pt
        assert float(size.group(1)) / MM == pytest.approx(CARD_W, abs=0.4)
        assert float(size.group(2)) / MM == pytest.approx(CARD_H, abs=0.4)
        (tmp_path / "sent.pdf").write_bytes(pdf)
        first = sorted(_card_numbers(tmp_path / "sent.pdf"))[0]
        assert _card_numbers(printed)[first][2] == pytest.approx(_card_numbers(tmp_path / "sent.pdf")[first][2],
                                                                  rel=0.005)  # not scaled
    finally:
        printed.unlink()


def test_the_spool_is_the_pdf_itself(qtbot, page, cups_pdf_queue, monkeypatch) -> None:  # noqa: ANN001
    queue, folder = cups_pdf_queue
    pdf = _make(qtbot, page, "a4")
    token = _print_through_the_dialog(qtbot, page, queue, monkeypatch)
    _printed(folder, token).unlink()
    job = re.search(rf"\(job ({re.escape(queue)}-\d+)\)", page.printing.count.text()).group(1)
    line = next(x for x in _run("lpstat", "-W", "completed", "-o", queue).stdout.splitlines() if x.startswith(job))
    spooled = int(line.split()[2])  # bytes CUPS received for the job
    assert spooled < 1.1 * len(pdf) + 4096
