"""The passphrase of an exported backup: typed twice for a new export (with the errors under
the fields, checked by the backup service), once to restore an encrypted file.

The passphrase is not stored anywhere; whoever restores the copy must be told it apart
from the stick (in person, by phone), and without it the copy cannot be opened at all.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.form_inputs import password_input
from redband_desktop.ui.widgets.wrapping_label import WrappingLabel

Check = Callable[[str, str | None], None]


class PassphraseDialog(QDialog):
    """`check` given: a new passphrase, typed twice and checked before the dialog closes.
    Without: the passphrase of the encrypted file `file_name`, typed once."""

    def __init__(self, check: Check | None = None, file_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self.setWindowTitle(self.tr("Backup passphrase"))
        self.passphrase = password_input("passphrase")
        self.confirm = password_input("passphrase_confirm")
        self.errors = FieldErrors()
        self.general = FieldErrors.make_label("general")
        self.general.hide()
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.errors.add_to_form("passphrase", form, self.passphrase)
        if check is not None:
            form.addRow(self.tr("Passphrase again"), self.confirm)
            self.errors.add_to_form("passphrase_confirm", form, self.confirm)
        intro = WrappingLabel()
        intro.setObjectName("passphrase_intro")
        intro.setText(self._intro(file_name))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.passphrase.setFocus()

    def _intro(self, file_name: str) -> str:
        if self._check is None:
            return self.tr("{file} is encrypted. Type the passphrase it was exported with.").format(file=file_name)
        return self.tr("The exported copy holds every volunteer's ID number and phone, so it is encrypted. "
                       "Choose a passphrase of at least 10 characters and type it twice. Keep it apart from "
                       "the copy: without it the copy cannot be restored, by anyone.")

    def save(self) -> None:
        if self._check is None:
            if self.passphrase.text():
                self.accept()
            return
        if self.errors.attempt(self, self.general, lambda: self._check(self.passphrase.text(), self.confirm.text())):
            self.accept()


def ask_new_passphrase(check: Check, parent: QWidget | None = None) -> str | None:
    """A new export's passphrase, or None when cancelled."""
    dialog = PassphraseDialog(check, parent=parent)
    return dialog.passphrase.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_passphrase(file_name: str, parent: QWidget | None = None) -> str | None:
    """The passphrase of an encrypted backup being restored, or None when cancelled."""
    dialog = PassphraseDialog(None, file_name, parent)
    return dialog.passphrase.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
