"""The first-run dialog: name the station, create its first administrator and optionally
load the demonstration station.

Loading the demo takes a few seconds, so it runs in the background behind a busy
progress dialog; the window stays responsive and errors are shown under their fields,
never swallowed. A database that was set up without an administrator (`redband init`
without --admin) gets the same dialog asking only for the administrator. Either way the
new administrator is signed in when the dialog closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.errors import ValidationError
from redband_desktop.services.station.setup import FirstAdmin
from redband_desktop.ui.widgets.feedback import run_in_background, show_error
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.form_inputs import password_input
from redband_desktop.ui.widgets.wrapping_label import WrappingLabel, help_label

if TYPE_CHECKING:
    from redband_desktop.services.accounts.service import AccountService
    from redband_desktop.services.station.setup import SetupService


class FirstRunDialog(QDialog):
    def __init__(
        self, setup: SetupService, accounts: AccountService | None = None, parent: QWidget | None = None,
        station_name: str = "",
    ) -> None:
        """With `station_name` the station is already set up: only the administrator is
        asked for (and created through `accounts`)."""
        super().__init__(parent)
        self._setup = setup
        self._accounts = accounts
        self._admin_only = bool(station_name)
        self._with_admin = setup.needs_admin()  # false after a first run that failed later on
        self._progress: QProgressDialog | None = None
        self.setWindowTitle(self.tr("Welcome to 红袖标 Desktop"))
        self.errors = FieldErrors()
        self.general = FieldErrors.make_label("general")
        self.general.hide()
        self.station = QLineEdit(station_name, objectName="station_name")
        self.station.setPlaceholderText(self.tr("e.g. 金家河派出所"))
        self.station.setEnabled(not self._admin_only)
        self.demo = QCheckBox(self.tr("Load demonstration data"), objectName="demo")
        self.demo.setVisible(not self._admin_only)
        self.username = QLineEdit("admin", objectName="username")
        self.display_name = QLineEdit(objectName="display_name")
        self.password = password_input("password")
        self.confirm = password_input("confirm_password")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok_text = self.tr("Create administrator") if self._admin_only else self.tr("Create station")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self.setMinimumWidth(560)
        (self.display_name if self._admin_only else self.station).setFocus()

    def _intro(self) -> str:
        if self._admin_only:
            return self.tr("This station's database has no user accounts yet. Create the first "
                           "administrator; you will be signed in as them.")
        return self.tr(
            "This is the first start. Enter the name of your police station to create its "
            "database on this computer. You can load a demonstration station (6 districts, "
            "43 compounds, 2 markets, 12 organisations and 1,100 fictitious volunteers) to try "
            "the program out.")

    def _layout(self) -> None:
        intro = WrappingLabel()
        intro.setText(self._intro())
        station = QFormLayout()
        station.addRow(self.tr("Station name"), self.station)
        self.errors.add_to_form("station_name", station, self.station)
        station.addRow("", self.demo)
        admin_box = QGroupBox(self.tr("First administrator"))
        admin_box.setVisible(self._with_admin)
        admin = QFormLayout(admin_box)
        for text, field, widget in (
            (self.tr("User name"), "username", self.username),
            (self.tr("Full name"), "display_name", self.display_name),
            (self.tr("Password"), "password", self.password),
            (self.tr("Password again"), "confirm_password", self.confirm),
        ):
            admin.addRow(text, widget)
            self.errors.add_to_form(field, admin, widget)
        admin.addRow(help_label(self.tr("At least 8 characters, mixing three of: upper-case letters, "
                                        "lower-case letters, digits, symbols. Keep it safe: this account "
                                        "manages all others.")))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(station)
        layout.addWidget(admin_box)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)

    def admin(self) -> FirstAdmin:
        return FirstAdmin(self.username.text().strip(), self.display_name.text(), self.password.text(),
                          self.confirm.text())

    def create(self) -> None:
        name, demo, admin = self.station.text(), self.demo.isChecked(), self.admin()
        self.buttons.setEnabled(False)
        self.errors.clear()
        self.general.hide()
        if self._admin_only:
            accounts = self._accounts
            job = lambda: accounts.create_first_admin(  # noqa: E731
                admin.username, admin.display_name, admin.password, admin.confirm)
        else:
            job = lambda: self._setup.first_run(name, admin if self._with_admin else None, demo)  # noqa: E731
        if demo:
            self._progress = QProgressDialog(self.tr("Loading the demonstration station…"), "", 0, 0, self)
            self._progress.setCancelButton(None)
            self._progress.setWindowModality(Qt.WindowModality.WindowModal)
            self._progress.setMinimumDuration(0)
            self._progress.show()
        run_in_background(job, self._done, self._failed)

    def _done(self, _result: object) -> None:
        self._close_progress()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.errors.show_problems(exc, self.general)
        else:
            show_error(self, exc)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None
