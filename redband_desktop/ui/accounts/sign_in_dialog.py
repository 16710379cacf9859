"""The sign-in dialog, and the sign-in step of start-up and of "Sign out".

A wrong password says how many tries are left; a locked account says until when (both
come from the accounts service). A user whose password was set by an administrator must
choose their own before the main window opens: cancelling that signs them out again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.errors import RedbandError
from redband_desktop.ui.accounts.change_password_dialog import ChangePasswordDialog
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.field_errors import ERROR_STYLE

if TYPE_CHECKING:
    from redband_desktop.services.accounts.service import AccountService
    from redband_desktop.services.shared.access import Actor


class SignInDialog(QDialog):
    def __init__(
        self, accounts: AccountService, station_name: str, parent: QWidget | None = None, username: str = ""
    ) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in — 红袖标 Desktop"))
        title = QLabel(station_name or "红袖标 Desktop", objectName="station")
        title.setStyleSheet("font-size:20px;font-weight:bold;color:#c8102e")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(self.tr("Public-security volunteers (红袖标)"))
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit(username, objectName="username")
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="sign_in_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.error)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(400)
        (self.password if username else self.username).setFocus()

    def sign_in(self) -> None:
        name, password = self.username.text().strip(), self.password.text()
        if not name:
            self._fail(self.tr("Enter your user name."), self.username)
            return
        if not password:
            self._fail(self.tr("Enter your password."), self.password)
            return
        try:
            self.actor = self._accounts.sign_in(name, password)
        except RedbandError as exc:
            self.password.clear()
            self._fail(exc.message(ui_lang()), self.password)
            return
        self.accept()

    def _fail(self, message: str, focus: QLineEdit) -> None:
        self.error.setText(message)
        self.error.show()
        focus.setFocus()


def sign_in_interactively(accounts: AccountService, station_name: str, parent: QWidget | None = None) -> bool:
    """Ask for a user name and password (and a new password when one is due). False when
    the user gave up; then nobody is signed in."""
    dialog = SignInDialog(accounts, station_name, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return False
    if dialog.actor.must_change_password:
        change = ChangePasswordDialog(accounts, forced=True, parent=parent)
        if change.exec() != QDialog.DialogCode.Accepted:
            accounts.sign_out()
            return False
    return True
