"""Saving a list's export: ask where, then write the bytes the service made (the service
checks the right, masks and records the export; the UI only saves the file). The
result is said next to the button that asked for it, not in a message box."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from redband_desktop.errors import RedbandError
from redband_desktop.services.shared.exports import Export
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.feedback import show_crash

log = logging.getLogger(__name__)
OK_STYLE = "color: #1b7f3b;"
BAD_STYLE = "color: #c62828;"


def save_export(parent: QWidget, title: str, file_name: str, produce: Callable[[], Export],
                note: QLabel | None = None, path: str | None = None) -> Path | None:
    """Ask for a file (unless `path`), write `produce()` (the service's `Export`) there and
    say so in `note`; None when cancelled or refused (the reason in `note`)."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / file_name),
                                              QCoreApplication.translate("exporting", "Excel workbook (*.xlsx)"))
    if not path:
        return None
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    try:
        made = produce()
        Path(path).write_bytes(made.data)
    except RedbandError as exc:
        _say(note, exc.message(ui_lang()), BAD_STYLE)
        return None
    except OSError as exc:
        text = QCoreApplication.translate("exporting", "The file could not be written: {error}").format(error=exc)
        _say(note, text, BAD_STYLE)
        return None
    except Exception as exc:  # noqa: BLE001 - a bug: logged with its traceback, shown as a crash
        log.exception("export failed")
        show_crash(parent, exc)
        return None
    text = QCoreApplication.translate("exporting", "Exported {count} rows to {file}.").format(
        count=f"{made.rows:,}", file=Path(path).name)
    _say(note, text, OK_STYLE)
    return Path(path)


def _say(note: QLabel | None, text: str, style: str) -> None:
    if note is None:
        return
    note.setText(text)
    note.setToolTip(text)
    note.setStyleSheet(style)
    note.show()
