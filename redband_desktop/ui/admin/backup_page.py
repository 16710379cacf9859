"""The Backups page: every backup with its date, kind, size and volunteer count; back up
now, restore (after a confirmation), restore from a file, export to a chosen file
(encrypted with a passphrase typed twice), and the backup folder.

All copying runs through `run_in_background`; the buttons are disabled meanwhile. The
page also owns the automatic backups: a timer asks the service every few minutes
(`auto_backup_if_due` decides: only after changes, at most every 30 minutes), and the
application's `aboutToQuit` makes a last backup if anything changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.ui.admin import passphrase_dialog
from redband_desktop.ui.widgets.feedback import run_in_background, show_error

if TYPE_CHECKING:
    from redband_desktop.services import Services
    from redband_desktop.services.backups.types import BackupInfo

AUTO_CHECK_MS = 5 * 60 * 1000


class BackupPage(QWidget):

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._backups = services.backups
        self._rows: list[BackupInfo] = []
        self.busy = False
        self._build()
        self.auto_timer = QTimer(self, interval=AUTO_CHECK_MS, timeout=self.auto_backup)
        if self._backups.available:
            self.auto_timer.start()
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.backup_on_exit)
        self.refresh()

    # ------------------------------------------------------------ layout
    def _build(self) -> None:
        title = QLabel(self.tr("Backups"), objectName="pageTitle")
        title.setStyleSheet("font-size:18px;font-weight:bold")
        intro = QLabel(self.tr("The program backs up the database automatically after changes "
                               "(at most every 30 minutes), when it closes and before every "
                               "upgrade. Each backup is checked after it is written."))
        intro.setWordWrap(True)
        self.folder_edit = QLineEdit(readOnly=True, objectName="backupFolder")
        self.change_folder_button = QPushButton(self.tr("Change…"), clicked=self.choose_folder)
        self.open_folder_button = QPushButton(self.tr("Open folder"), clicked=self.open_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Backup folder:")))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.change_folder_button)
        folder_row.addWidget(self.open_folder_button)
        self.table = self._build_table()
        self.backup_button = QPushButton(self.tr("Back up now"), clicked=self.backup_now)
        self.restore_button = QPushButton(self.tr("Restore…"), clicked=self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Restore from file…"), clicked=self.restore_from_file)
        self.export_button = QPushButton(self.tr("Export to file…"), clicked=self.export)
        buttons = QHBoxLayout()
        for b in (self.backup_button, self.restore_button, self.restore_file_button, self.export_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.status = QLabel(objectName="backupStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        for w in (title, intro):
            layout.addWidget(w)
        layout.addLayout(folder_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        if not self._backups.available:
            self.status.setText(self.tr("This database is on a server; it is backed up by the "
                                        "server's administrator, not by this program."))

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, 5, objectName="backupTable")
        table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Size"),
                                         self.tr("Volunteers"), self.tr("File")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setMinimumSectionSize(96)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # the file name takes the rest
        table.doubleClicked.connect(self.restore_selected)
        return table

    def kind_label(self, kind: str) -> str:
        labels = {
            "auto": self.tr("Automatic"),
            "exit": self.tr("On closing"),
            "manual": self.tr("Manual"),
            "pre-migration": self.tr("Before upgrade"),
            "pre-restore": self.tr("Before restore"),
        }
        return labels.get(kind, kind)

    # ------------------------------------------------------------ showing
    def refresh(self) -> None:
        enabled = self._backups.available and not self.busy
        for b in (self.backup_button, self.restore_button, self.restore_file_button, self.export_button,
                  self.change_folder_button, self.open_folder_button):
            b.setEnabled(enabled)
        if not self._backups.available:
            return
        self.folder_edit.setText(str(self._backups.folder()))
        self._rows = self._backups.list()
        self.table.setRowCount(len(self._rows))
        for r, info in enumerate(self._rows):
            cells = (f"{info.taken:%Y-%m-%d %H:%M}", self.kind_label(info.kind),
                     _size(info.size), "" if info.volunteers is None else f"{info.volunteers:,}",
                     info.path.name)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(str(info.path))
                self.table.setItem(r, c, item)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    # ------------------------------------------------------------ actions
    def _run(self, fn, message: str, on_done) -> None:  # noqa: ANN001
        self.busy = True
        self.status.setText(message)
        self.refresh()

        def done(result) -> None:  # noqa: ANN001
            self.busy = False
            self.refresh()
            on_done(result)

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.status.setText("")
            self.refresh()
            show_error(self, exc)

        run_in_background(fn, done, failed)

    def backup_now(self) -> None:
        self._run(lambda: self._backups.backup_now("manual"), self.tr("Backing up…"),
                  lambda info: self.status.setText(
                      self.tr("Backed up and verified: {path}").format(path=info.path)))

    def auto_backup(self) -> None:
        if self.busy:
            return
        self._run(self._backups.auto_backup_if_due, "", lambda _info: self.status.setText(""))

    def backup_on_exit(self) -> None:
        try:
            self._backups.backup_on_exit()
        except Exception as exc:  # noqa: BLE001 - the app is closing; the log has it
            import logging

            logging.getLogger(__name__).error("backup on exit failed: %s", exc)

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            self.restore_from_file()
            return
        self._restore(info.path, f"{info.taken:%Y-%m-%d %H:%M}")

    def restore_from_file(self) -> None:
        """A backup from elsewhere: an exported (encrypted) copy, or any backup file."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a backup file"), str(self._backups.folder()),
            self.tr("Backups (*.rbk *.sqlite3 *.db);;All files (*)"))
        if name:
            self._restore(Path(name), name)

    def _restore(self, source: Path, when: str) -> None:
        passphrase = None
        if self._backups.is_sealed(source):
            passphrase = passphrase_dialog.ask_passphrase(source.name, self)
            if passphrase is None:
                return
        answer = QMessageBox.question(
            self, self.tr("Restore a backup"),
            self.tr("Replace the current database with the backup of {when}?\n\n"
                    "Everything entered since then is replaced. The current database is first "
                    "saved as a \"Before restore\" backup, so this can be undone.").format(when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda: self._backups.restore(source, passphrase), self.tr("Restoring…"), self._restored)

    def _restored(self, _result) -> None:  # noqa: ANN001
        self.status.setText(self.tr("Restored. The previous database was kept as a "
                                    "\"Before restore\" backup."))  # every page refreshes from the notice

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export a backup"), str(Path.home() / "redband-backup.rbk"),
            self.tr("Encrypted backups (*.rbk)"))
        if not name:
            return
        dest = Path(name) if Path(name).suffix else Path(name + ".rbk")
        passphrase = passphrase_dialog.ask_new_passphrase(self._backups.check_passphrase, self)
        if passphrase is None:
            return
        self._run(lambda: self._backups.export(dest, passphrase, passphrase), self.tr("Exporting…"),
                  lambda info: self.status.setText(
                      self.tr("Exported, encrypted and verified ({count} volunteers): {path}")
                      .format(count=info.volunteers or 0, path=info.path)))

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"),
                                                str(self._backups.folder()))
        if not name:
            return
        try:
            self._backups.set_folder(Path(name))
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
        self.refresh()

    def open_folder(self) -> None:
        folder = self._backups.folder()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"
