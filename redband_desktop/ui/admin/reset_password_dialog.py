"""An administrator sets a new password for a user who forgot theirs. The user must
choose their own at the next sign-in; a lock from wrong passwords is lifted too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.form_inputs import password_input

if TYPE_CHECKING:
    from redband_desktop.services.accounts.service import AccountService
    from redband_desktop.services.accounts.types import UserRow


class ResetPasswordDialog(QDialog):
    def __init__(self, accounts: AccountService, row: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._row = row
        self.setWindowTitle(self.tr("Reset password"))
        intro = QLabel(self.tr("New password for {name} ({username}). They must choose their own "
                               "password when they next sign in.").format(
            name=row.display_name, username=row.username))
        intro.setWordWrap(True)
        self.password = password_input("password")
        self.confirm = password_input("confirm_password")
        self.errors = FieldErrors()
        self.general = FieldErrors.make_label("general")
        self.general.hide()
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.password)
        self.errors.add_to_form("password", form, self.password)
        form.addRow(self.tr("Password again"), self.confirm)
        self.errors.add_to_form("confirm_password", form, self.confirm)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reset password"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def save(self) -> None:
        if self.errors.attempt(self, self.general, lambda: self._accounts.reset_password(
                self._row.id, self.password.text(), self.confirm.text())):
            self.accept()
