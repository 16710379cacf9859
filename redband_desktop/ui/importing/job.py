"""A slow importer call in the background with a progress dialog that can cancel it.

The worker reports (done, total) into a plain list and reads the cancel flag; a timer on
the GUI thread shows the figures, so the worker never touches a widget and the window
stays responsive while 10,000 rows are checked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from redband_desktop.ui.widgets.feedback import run_in_background


def run_with_progress(parent: QWidget, label: str, work: Callable[[Callable[[int, int], bool]], Any],
                      on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> QProgressDialog:
    """Run `work(progress)`; `progress(done, total)` returns False once the user cancels."""
    dialog = QProgressDialog(label, QCoreApplication.translate("job", "Cancel"), 0, 0, parent)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    state = {"done": 0, "total": 0, "cancelled": False}
    dialog.canceled.connect(lambda: state.__setitem__("cancelled", True))

    def progress(done: int, total: int) -> bool:
        state["done"], state["total"] = done, total
        return not state["cancelled"]

    timer = QTimer(dialog)
    timer.timeout.connect(lambda: (dialog.setMaximum(state["total"]), dialog.setValue(state["done"])))
    timer.start(100)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        timer.stop()
        dialog.reset()
        dialog.deleteLater()
        callback(value)

    run_in_background(lambda: work(progress), lambda r: finish(on_done, r), lambda e: finish(on_error, e))
    return dialog
