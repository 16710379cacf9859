"""Start-up recovery: when `quick_check` finds the database damaged, the file has been
moved aside (never deleted); tell the user and offer the newest good backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from redband_desktop.errors import RedbandError
from redband_desktop.services.backups.recovery import Recovery, restore_file
from redband_desktop.ui.i18n import ui_lang


def ask(recovery: Recovery, url: str, backups: Path, parent: QWidget | None = None) -> bool:
    """Explain the damage and offer the newest good backup (restored here) or an empty
    database. Returns False when the user chose to quit."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("recovery", "The database was damaged"))
    box.setText(recovery.error(for_cli=False).message(ui_lang()))
    restore = None
    if recovery.backup is not None:
        restore = box.addButton(QCoreApplication.translate("recovery", "Restore the backup of {date}").format(
            date=f"{recovery.backup.taken:%Y-%m-%d %H:%M}"), QMessageBox.ButtonRole.AcceptRole)
    empty = box.addButton(QCoreApplication.translate("recovery", "Start with an empty database"), QMessageBox.ButtonRole.DestructiveRole)
    quit_button = box.addButton(QCoreApplication.translate("recovery", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore or quit_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore and recovery.backup is not None:
        try:
            restore_file(url, backups, recovery.backup.path)
        except RedbandError as exc:
            QMessageBox.critical(parent, QCoreApplication.translate("recovery", "Restore failed"), exc.message(ui_lang()))
            return False
        return True
    return clicked is empty
