"""Add or edit a station user: user name, name, police number, role, district, active.

A new user also gets an initial password, which they must change at their first
sign-in. Errors appear under their fields; a stale edit (someone else saved first) is
reported and nothing is overwritten.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Role
from redband_desktop.services.accounts.types import UserForm
from redband_desktop.ui.i18n import label
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.form_inputs import password_input

if TYPE_CHECKING:
    from redband_desktop.services.accounts.service import AccountService
    from redband_desktop.services.accounts.types import UserRow
    from redband_desktop.services.sites.structure import StructureService


class UserDialog(QDialog):
    saved = Signal(object)  # UserRow

    def __init__(
        self, accounts: AccountService, structure: StructureService, row: UserRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._row = row
        self.setWindowTitle(self.tr("Add user") if row is None else self.tr("Edit user {name}").format(
            name=row.username))
        self.username = QLineEdit(objectName="username")
        self.display_name = QLineEdit(objectName="display_name")
        self.police_no = QLineEdit(objectName="police_no")
        self.role = QComboBox(objectName="role")
        for role in Role:
            self.role.addItem(label(role), role.value)
        self.district = QComboBox(objectName="district")
        self.district.addItem(self.tr("(none)"), None)
        for d in structure.districts():
            self.district.addItem(d.name, d.id)
        self.active = QCheckBox(self.tr("Account active (may sign in)"), objectName="active")
        self.password = password_input("password")
        self.confirm = password_input("confirm_password")
        self.errors = FieldErrors()
        self.general = FieldErrors.make_label("general")
        self.general.hide()
        self._layout()
        self._fill(row)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        self.setMinimumWidth(460)

    def _layout(self) -> None:
        form = QFormLayout()
        rows = [(self.tr("User name"), "username", self.username),
                (self.tr("Full name"), "display_name", self.display_name),
                (self.tr("Police number"), "police_no", self.police_no),
                (self.tr("Role"), "role", self.role),
                (self.tr("District"), "district_id", self.district)]
        if self._row is None:
            rows += [(self.tr("Initial password"), "password", self.password),
                     (self.tr("Password again"), "confirm_password", self.confirm)]
        for text, field, widget in rows:
            form.addRow(text, widget)
            self.errors.add_to_form(field, form, widget)
        form.addRow("", self.active)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def _fill(self, row: UserRow | None) -> None:
        if row is None:
            self.role.setCurrentIndex(self.role.findData(Role.CLERK.value))
            self.active.setChecked(True)
            return
        self.username.setText(row.username)
        self.display_name.setText(row.display_name)
        self.police_no.setText(row.police_no)
        self.role.setCurrentIndex(self.role.findData(row.role.value))
        self.district.setCurrentIndex(max(0, self.district.findData(row.district_id)))
        self.active.setChecked(row.active)

    def _role_changed(self) -> None:
        """Only a community officer is tied to a district."""
        officer = self.role.currentData() == Role.OFFICER.value
        self.district.setEnabled(officer)
        if not officer:
            self.district.setCurrentIndex(0)

    def form(self) -> UserForm:
        return UserForm(self.username.text(), self.display_name.text(), self.police_no.text(),
                        self.role.currentData(), self.district.currentData(), self.active.isChecked())

    def save(self) -> None:
        done: list[UserRow] = []

        def save() -> None:
            if self._row is None:
                done.append(self._accounts.create_user(self.form(), self.password.text(), self.confirm.text()))
            else:
                done.append(self._accounts.update_user(self._row.id, self._row.version, self.form()))

        if self.errors.attempt(self, self.general, save):
            self.saved.emit(done[0])
            self.accept()
