"""The screen lock: an opaque, application-modal dialog over the main window that asks
the signed-in user for their password.

It closes nothing underneath: open dialogs and half-typed forms are still there after
unlocking. "Sign out" lets the next person at the PC sign in instead (the main window
then decides what to do).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.errors import PermissionDenied
from redband_desktop.ui.i18n import bracketed, label, ui_lang
from redband_desktop.ui.widgets.field_errors import ERROR_STYLE

if TYPE_CHECKING:
    from redband_desktop.services.accounts.service import AccountService

PANEL_WIDTH = 400


class LockDialog(QDialog):
    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, accounts: AccountService, user_text: str, parent: QWidget | None = None,
                 deactivated: bool = False) -> None:
        """`deactivated`: locked because an administrator deactivated the account, not
        for want of input (unlocking then fails too: only "Sign out" helps)."""
        super().__init__(parent)
        self._deactivated = deactivated
        self._accounts = accounts
        self.setObjectName("lock_dialog")
        self.setWindowTitle(self.tr("Locked — 红袖标 Desktop"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setStyleSheet("QDialog#lock_dialog{background:#3b3b3b}"
                           "QFrame#lock_panel{background:white;border-radius:8px}")
        self.password = QLineEdit(objectName="lock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.try_unlock)
        self.error = QLabel(objectName="lock_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"), objectName="unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.sign_out_button = QPushButton(self.tr("Sign out"), objectName="lock_sign_out")
        self.sign_out_button.setAutoDefault(False)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self._layout(user_text)
        self.password.setFocus()

    def _layout(self, user_text: str) -> None:
        panel = QFrame(objectName="lock_panel")
        panel.setFixedWidth(PANEL_WIDTH)
        title = QLabel(self.tr("The screen is locked"))
        title.setStyleSheet("font-size:18px;font-weight:bold;color:#c8102e")
        if self._deactivated:
            text = self.tr("The account of {user} was deactivated by an administrator, so the program "
                           "was locked. Sign out to let someone else sign in.")
        else:
            text = self.tr("No input for a while, so the program was locked to protect personal "
                           "data. {user}, enter your password to continue.")
        who = QLabel(text.format(user=user_text), objectName="lock_reason")
        who.setWordWrap(True)
        who.setFixedWidth(PANEL_WIDTH - 48)
        who.setMinimumHeight(who.heightForWidth(PANEL_WIDTH - 48))
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(24, 20, 24, 20)
        for widget in (title, who, self.password, self.error):
            inner.addWidget(widget)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def try_unlock(self) -> None:
        try:
            self._accounts.unlock_screen(self.password.text())
        except PermissionDenied as exc:  # wrong password (tries left) or locked (until when)
            self.password.clear()
            self.error.setText(exc.message(ui_lang()))
            self.error.show()
            self.password.setFocus()
            return
        self.error.hide()
        self.password.clear()
        self.unlocked.emit()
        self.accept()

    # Escape and the window's close button must not unlock.
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.result() != QDialog.DialogCode.Accepted:
            event.ignore()
            return
        super().closeEvent(event)


def user_text(display_name: str, role: object) -> str:
    """“张三（管理员）”: who is signed in, as the status bar and the lock show it."""
    return display_name + bracketed(label(role))  # type: ignore[arg-type]
