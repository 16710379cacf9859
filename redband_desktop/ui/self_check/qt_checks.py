"""The Qt checks of `redband self-test`: plugins, print support, font, PDF preview, pages.

A plugin is loaded with QPluginLoader rather than by starting Qt on it, so the xcb
(X11) plugin is checked even where the test runs offscreen, and its error names the
system library it lacks.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QLibraryInfo,
    QPluginLoader,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QMainWindow

from redband_desktop.paths import font_path
from redband_desktop.ui.fonts import ensure_cjk_font
from redband_desktop.ui.self_check.report import FAIL, OK, WARN, Check, remedy

BUNDLED_FAMILY = "WenQuanYi Micro Hei"
# What each system needs to show a window (FAIL when it cannot load) and what is only
# useful (WARN): offscreen is what this self-test and headless tools run on.
PLATFORMS = {
    "linux": (("xcb", True), ("offscreen", True)),
    "win32": (("windows", True), ("offscreen", False)),
    "darwin": (("cocoa", True), ("offscreen", False)),
}


def _plugins(kind: str) -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / kind


def _load_plugin(kind: str, stem: str, required: bool, label: str) -> Check:
    """Load the plugin file whose name contains `stem` and report why it cannot load."""
    folder = _plugins(kind)
    files = sorted(p for p in folder.glob(f"*{stem}*") if p.suffix in (".so", ".dll", ".dylib"))
    bad = FAIL if required else WARN
    if not files:
        return Check(label, bad, f"no {stem} plugin in {folder}", "重新安装本程序 / reinstall the program")
    loader = QPluginLoader(str(files[0]))
    if loader.load():
        return Check(label, OK, files[0].name)
    error = loader.errorString()
    return Check(label, bad, error, remedy(error))


def platform_plugins() -> list[Check]:
    system = "linux" if sys.platform.startswith("linux") else sys.platform
    return [_load_plugin("platforms", f"q{name}" if system != "win32" else f"q{name}", required,
                         f"Qt platform plugin {name}")
            for name, required in PLATFORMS.get(system, ())]


def print_support() -> list[Check]:
    """The system print plugin (CUPS on Linux), the printers Qt sees, and Qt's own PDF
    writer, which the print dialog's "save as PDF" uses."""
    checks = []
    if sys.platform.startswith("linux"):
        checks.append(_load_plugin("printsupport", "cups", True, "print plugin (CUPS)"))
    names = QPrinterInfo.availablePrinterNames()
    checks.append(Check("printers", OK, ", ".join(names)) if names else Check(
        "printers", WARN, "no printer installed",
        "装好打印机驱动后可直接打印；现在可先保存为 PDF / cards can be saved as PDF until a printer is set up"))
    checks.append(_qt_pdf_writer())
    return checks


def _qt_pdf_writer() -> Check:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "page.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        painter = QPainter()
        if not painter.begin(printer):
            return Check("print to PDF", FAIL, "QPrinter could not start a page")
        painter.drawText(100, 100, "红袖标")
        painter.end()
        size = out.stat().st_size if out.exists() else 0
    return Check("print to PDF", OK, f"{size} bytes") if size else Check("print to PDF", FAIL, "empty file")


def font(app: QApplication) -> Check:
    """The bundled font registers and has Chinese glyphs."""
    if not font_path().is_file():
        return Check("font", FAIL, f"missing {font_path()}", "重新安装本程序 / reinstall the program")
    used = ensure_cjk_font(app)
    if BUNDLED_FAMILY not in QFontDatabase.families():
        return Check("font", FAIL, f"{font_path().name} did not load")
    metrics = QFontMetrics(QFont(BUNDLED_FAMILY))
    if not all(metrics.inFontUcs4(ord(ch)) for ch in "红袖标志愿者"):
        return Check("font", FAIL, f"{BUNDLED_FAMILY} has no Chinese glyphs")
    shown = used or f"{app.font().family()} (the system's Chinese font)"
    return Check("font", OK, f"{BUNDLED_FAMILY} registered; window font {shown}")


def render_pdf(label: str, pdf: bytes) -> Check:
    """Render the first page the way the app's print preview (QtPdf) does; a blank page fails."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        return Check(label, FAIL, f"QtPdf could not open it ({document.error().name})")
    image = document.render(0, document.pagePointSize(0).toSize())
    pages = document.pageCount()
    document.close()
    if image.isNull() or _blank(image):
        return Check(label, FAIL, "the first page renders blank")
    return Check(label, OK, f"{len(pdf) // 1024} KB, {pages} page(s), rendered")


def _blank(image: QImage) -> bool:
    small = image.scaled(64, 64).convertToFormat(QImage.Format.Format_Grayscale8)
    return all(small.pixelColor(x, y).lightness() > 250 for x in range(64) for y in range(64))


@contextmanager
def qt_messages() -> Iterator[list[str]]:
    """Collect Qt's warnings while the block runs (a page that warns has a problem)."""
    seen: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg and "propagateSizeHints" not in message:
            seen.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        yield seen
    finally:
        qInstallMessageHandler(previous)


def visit_pages(window: QMainWindow, pump: Callable[[], None]) -> list[Check]:
    """Show every page of the navigation list in turn, as a user clicking down it."""
    nav, pages = window.nav, window.pages  # type: ignore[attr-defined]
    checks = []
    for row in range(nav.count()):
        title = nav.item(row).text()
        with qt_messages() as seen:
            nav.setCurrentRow(row)
            pump()
        page = pages.currentWidget()
        if pages.currentIndex() != row or not page.isVisible():
            checks.append(Check(f"page {title}", FAIL, "did not show"))
        elif seen:
            checks.append(Check(f"page {title}", WARN, "; ".join(seen[:3])))
        else:
            checks.append(Check(f"page {title}", OK, f"{page.width()}×{page.height()}"))
    return checks


def screenshot(window: QMainWindow, path: Path) -> Check:
    ok = window.grab().save(str(path))
    return Check("screenshot", OK if ok else FAIL, str(path))
