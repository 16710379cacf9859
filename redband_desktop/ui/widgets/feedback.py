"""Telling the user what happened: expected errors as clear messages, bugs as a crash
dialog (already logged with their traceback), and slow work in the background.

`run_in_background(fn, on_done, on_error)` runs `fn` on the global QThreadPool; the
callbacks run on the GUI thread. Workers never touch widgets.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from redband_desktop.errors import PermissionDenied, RedbandError
from redband_desktop.ui.i18n import ui_lang

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """An expected failure gets its message; anything else is a bug: crash dialog. A
    refusal because the account was deactivated gets none: the window locks itself and
    says why."""
    if isinstance(exc, PermissionDenied) and exc.code == "account_deactivated":
        return
    if isinstance(exc, RedbandError):
        QMessageBox.warning(parent, QCoreApplication.translate("feedback", "Cannot do that"), exc.message(ui_lang()))
    else:
        show_crash(parent, exc)


def show_crash(parent: QWidget | None, exc: BaseException) -> None:
    details = "".join(traceback.format_exception(exc))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("feedback", "Unexpected error"))
    box.setText(QCoreApplication.translate("feedback", "Something went wrong that the program did not expect. Your saved "
                          "data is safe; the details were written to the log file. Please tell your "
                          "administrator."))
    box.setDetailedText(details)
    box.exec()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            if not isinstance(exc, RedbandError):
                log.exception("background job failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


_running: set[_Job] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    job = _Job(fn)
    job.setAutoDelete(False)
    _running.add(job)  # keep the Python wrapper (and its signals) alive until it reports

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(job)
        callback(value)

    job.signals.done.connect(lambda r: finish(on_done, r))
    job.signals.failed.connect(lambda e: finish(on_error, e))
    QThreadPool.globalInstance().start(job)
