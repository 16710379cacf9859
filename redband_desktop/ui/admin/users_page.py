"""The users page: the station's accounts, who may do what, and who is locked out.

Administrators add and edit accounts, reset forgotten passwords and lift lockouts here;
the page also holds the station's security settings. It is only offered to roles with
the USERS right (the services refuse everyone else anyway).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.admin.reset_password_dialog import ResetPasswordDialog
from redband_desktop.ui.admin.security_settings import SecuritySettingsBox
from redband_desktop.ui.admin.user_dialog import UserDialog
from redband_desktop.ui.changes import watch
from redband_desktop.ui.i18n import label
from redband_desktop.ui.widgets.exporting import save_export
from redband_desktop.ui.widgets.feedback import show_error

if TYPE_CHECKING:
    from redband_desktop.services import Services
    from redband_desktop.services.accounts.types import UserRow


def _when(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment else ""


class UsersPage(QWidget):

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._rows: dict[int, UserRow] = {}
        self.table = self._make_table()
        self.add_button = QPushButton(self.tr("Add user…"), objectName="add_user")
        self.edit_button = QPushButton(self.tr("Edit…"), objectName="edit_user")
        self.reset_button = QPushButton(self.tr("Reset password…"), objectName="reset_password")
        self.unlock_button = QPushButton(self.tr("Unlock"), objectName="unlock_user")
        self.count = QLabel(objectName="users_count")
        self.export_button = QPushButton(self.tr("Export…"), objectName="export_users")
        self.export_note = QLabel(objectName="users_export_note")
        self.message = QLabel(objectName="users_message")
        self.message.setStyleSheet("color:#2e7d32")
        self.security: SecuritySettingsBox | None = None
        if services.access.can(Action.SETTINGS):
            self.security = SecuritySettingsBox(services.station)
        self._layout()
        self._connect()
        self.refresh()
        watch(self, services.changes, Change.USERS | Change.PLACES, lambda _kinds: self.refresh())

    def _headers(self) -> list[str]:
        return [self.tr("User name"), self.tr("Name"), self.tr("Police no."), self.tr("Role"),
                self.tr("District"), self.tr("Active"), self.tr("Locked until"), self.tr("Last sign-in")]

    def _make_table(self) -> QTableWidget:
        headers = self._headers()
        table = QTableWidget(0, len(headers), objectName="users_table")
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # a handful of accounts: the columns share the pane's width instead of a third of it
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        return table

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.reset_button, self.unlock_button, self.export_button):
            buttons.addWidget(button)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.export_note)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("User accounts"))
        title.setStyleSheet("font-size:16px;font-weight:bold")
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        if self.security is not None:
            layout.addWidget(self.security)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_selected)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.export_button.clicked.connect(lambda: self.export())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)

    def export(self, path: str | None = None) -> None:
        """The accounts as a workbook (administrators only: the service checks)."""
        save_export(self, self.tr("Export user accounts"), self.tr("users.xlsx"),
                    self._services.accounts.export_users, self.export_note, path)

    # -- loading -----------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_row()
        try:
            rows = self._services.accounts.users()
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            rows = []
        self._rows = {r.id: r for r in rows}
        self.table.setSortingEnabled(False)  # rows stay where they are put while filling
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            self._fill_row(i, row)
        self.table.setSortingEnabled(True)
        active = sum(r.active for r in rows)
        self.count.setText(self.tr("Accounts: {count} ({active} active)").format(count=len(rows), active=active))
        if selected is not None:
            self.select(selected.id)
        self._update_buttons()

    def _fill_row(self, i: int, row: UserRow) -> None:
        locked = row.locked_until if row.locked_until and row.locked_until > datetime.now() else None
        values = [row.username, row.display_name, row.police_no, label(row.role), row.district,
                  self.tr("yes") if row.active else self.tr("no"), _when(locked), _when(row.last_sign_in)]
        for col, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            if col == 6 and locked:
                item.setForeground(Qt.GlobalColor.red)
            if not row.active:
                item.setForeground(Qt.GlobalColor.gray)
            self.table.setItem(i, col, item)

    def select(self, user_id: int) -> None:
        for i in range(self.table.rowCount()):
            if self.table.item(i, 0).data(Qt.ItemDataRole.UserRole) == user_id:
                self.table.selectRow(i)
                return

    def selected_row(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self._rows.get(self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        row = self.selected_row()
        for button in (self.edit_button, self.reset_button):
            button.setEnabled(row is not None)
        self.unlock_button.setEnabled(row is not None and bool(row.locked_until))

    # -- actions -----------------------------------------------------------------
    def add_user(self) -> None:
        self._open(UserDialog(self._services.accounts, self._services.structure, None, self))

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open(UserDialog(self._services.accounts, self._services.structure, row, self))

    def _open(self, dialog: UserDialog) -> None:
        dialog.saved.connect(self._after_save)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _after_save(self, saved: UserRow) -> None:
        self.select(saved.id)  # the list itself refreshed from the change notice
        self.message.setText(self.tr("Saved {username}.").format(username=saved.username))

    def reset_password(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        dialog = ResetPasswordDialog(self._services.accounts, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._done(self.tr(
            "New password set for {username}; they must change it when they sign in.").format(
            username=row.username)))
        dialog.open()

    def unlock(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        try:
            self._services.accounts.unlock(row.id)
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return
        self._done(self.tr("{username} may sign in again.").format(username=row.username))

    def _done(self, message: str) -> None:
        self.message.setText(message)
