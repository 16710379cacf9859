"""Lock the screen after a spell without keyboard or mouse input.

`IdleLock` is an application-wide event filter: every key press, click, wheel turn or
mouse move restarts a single-shot timer; when it fires, a `LockDialog` covers the main
window until the signed-in user types their password. The interval comes from the
station settings (minutes) and can be given in milliseconds for tests. The main window
also locks it at once when the signed-in account turns out to be deactivated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from redband_desktop.ui.accounts.lock_dialog import LockDialog

if TYPE_CHECKING:
    from redband_desktop.services.accounts.service import AccountService

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


class IdleLock(QObject):
    def __init__(
        self, accounts: AccountService, window: QWidget, interval_ms: int,
        who: Callable[[], str], on_sign_out: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._accounts = accounts
        self._window = window
        self._who = who
        self._on_sign_out = on_sign_out
        self.dialog: LockDialog | None = None
        self.timer = QTimer(self, singleShot=True, interval=interval_ms)
        self.timer.timeout.connect(self.lock)

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def start(self) -> None:
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self.timer.stop()

    def set_interval(self, interval_ms: int) -> None:
        self.timer.setInterval(interval_ms)
        if not self.locked and self.timer.isActive():
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in INPUT_EVENTS and not self.locked:
            self.timer.start()
        return False

    def lock(self, deactivated: bool = False) -> None:
        """Cover the window; `deactivated` says it is because the account was deactivated."""
        if self.locked or not self._window.isVisible():
            return
        self.timer.stop()
        dialog = LockDialog(self._accounts, self._who(), self._window, deactivated)
        dialog.unlocked.connect(self._unlocked)
        dialog.sign_out_requested.connect(self._sign_out)
        dialog.setGeometry(self._window.geometry())
        self.dialog = dialog
        dialog.show()
        dialog.activateWindow()

    def _unlocked(self) -> None:
        self._forget_dialog()
        self.timer.start()

    def _sign_out(self) -> None:
        dialog = self._forget_dialog()
        if dialog is not None:
            dialog.accept()
        self._on_sign_out()

    def _forget_dialog(self) -> LockDialog | None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        return dialog

