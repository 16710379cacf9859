"""File → Database location: where this PC finds the station's database.

A file on this PC (the default), or a PostgreSQL server on the station's intranet
(`postgresql://user:password@server/redband`) shared by several PCs. The location is
checked before it is saved and takes effect at the next start.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.errors import RedbandError
from redband_desktop.paths import UserDirs
from redband_desktop.services.station.setup import check_location, shown_location
from redband_desktop.ui.i18n import ui_lang


class DatabaseDialog(QDialog):
    def __init__(self, dirs: UserDirs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dirs = dirs
        self.setWindowTitle(self.tr("Database location"))
        intro = QLabel(self.tr(
            "A database file on this PC, or a PostgreSQL server on the station's intranet "
            "shared by several PCs, e.g. postgresql://user:password@server/redband. "
            "The new location is used from the next start."))
        intro.setWordWrap(True)
        # The stored location is shown with its password hidden; saved unchanged, it stays as stored.
        self._stored = dirs.database()
        self.location = QLineEdit(self._masked(self._stored), objectName="location")
        browse = QPushButton(self.tr("File…"))
        browse.clicked.connect(self._browse)
        self.result = QLabel(objectName="result")
        self.result.setWordWrap(True)
        test = QPushButton(self.tr("Test"), objectName="test")
        test.clicked.connect(self.test)
        default = QPushButton(self.tr("Use the default file"))
        default.clicked.connect(lambda: self.location.setText(str(dirs.default_db)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.location, 1)
        row.addWidget(browse)
        actions = QHBoxLayout()
        actions.addWidget(test)
        actions.addWidget(default)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        for item in (intro, row, actions, self.result, self.buttons):
            layout.addLayout(item) if isinstance(item, QHBoxLayout) else layout.addWidget(item)
        self.setMinimumWidth(620)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Database file"), self.location.text(), self.tr("Database (*.sqlite3)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.location.setText(path)

    @staticmethod
    def _masked(location: str) -> str:
        return shown_location(location) if "://" in location else location

    def chosen(self) -> str:
        """The location typed, or the stored one (with its password) if left as shown."""
        text = self.location.text().strip()
        return self._stored if text == self._masked(self._stored) else text

    def test(self) -> bool:
        """Check the location and say what is there; True when it can be used."""
        try:
            state = check_location(self.chosen())
        except RedbandError as exc:
            self._show(exc.message(ui_lang()), ok=False)
            return False
        texts = {
            "new": self.tr("Nothing there yet: a new station database will be created at the next start."),
            "current": self.tr("A station database of this version: ready to use."),
            "older": self.tr("A station database of an older version: it is backed up and upgraded at the next start."),
        }
        self._show(texts[state], ok=True)
        return True

    def _show(self, text: str, ok: bool) -> None:
        self.result.setStyleSheet("color:#2e7d32" if ok else "color:#c0392b")
        self.result.setText(text)

    def save(self) -> None:
        if self.test():
            self._dirs.set_database(self.chosen())
            self.accept()
