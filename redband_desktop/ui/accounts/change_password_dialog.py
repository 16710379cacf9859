"""Change one's own password: current, new and again, with errors under each field.

Also shown right after signing in when an administrator set (or reset) the password,
so nobody keeps working with a password someone else knows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.form_inputs import password_input
from redband_desktop.ui.widgets.wrapping_label import WrappingLabel, help_label

if TYPE_CHECKING:
    from redband_desktop.services.accounts.service import AccountService


class ChangePasswordDialog(QDialog):
    def __init__(self, accounts: AccountService, forced: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self.setWindowTitle(self.tr("Change password"))
        self.old = password_input("old_password")
        self.new = password_input("new_password")
        self.confirm = password_input("confirm_password")
        self.errors = FieldErrors()
        self.general = FieldErrors.make_label("general")
        self.general.hide()
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.old)
        self.errors.add_to_form("old_password", form, self.old)
        form.addRow(self.tr("New password"), self.new)
        self.errors.add_to_form("password", form, self.new)
        form.addRow(self.tr("New password again"), self.confirm)
        self.errors.add_to_form("confirm_password", form, self.confirm)
        hint = help_label(self.tr("At least 8 characters, mixing three of: upper-case letters, lower-case "
                                  "letters, digits, symbols. It must not contain your user name."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change password"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if forced:
            intro = WrappingLabel()
            intro.setObjectName("forced_intro")
            intro.setText(self.tr("Your password was set by an administrator. Choose your own password "
                                  "before you continue."))
            layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.old.setFocus()

    def save(self) -> None:
        if self.errors.attempt(self, self.general, lambda: self._accounts.change_password(
                self.old.text(), self.new.text(), self.confirm.text())):
            self.accept()
