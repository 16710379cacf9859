"""Help → About: version, where the data, logs and backups live, and licences of the
parts shipped with the program."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from redband_desktop.ui.main_window import AppInfo


class AboutDialog(QDialog):
    def __init__(self, info: AppInfo, station: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About 红袖标 Desktop"))
        text = QLabel(self._html(info, station), objectName="about_text")
        text.setWordWrap(True)
        text.setOpenExternalLinks(False)
        text.linkActivated.connect(lambda link: QDesktopServices.openUrl(QUrl(link)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _html(self, info: AppInfo, station: str) -> str:
        def folder(path: object) -> str:
            p = html.escape(str(path))
            return f'<a href="file:///{p.lstrip("/")}">{p}</a>'

        rows = [
            (self.tr("Version"), html.escape(info.version)),
            (self.tr("Station"), html.escape(station)),
            (self.tr("Database"), html.escape(info.database.removeprefix("sqlite:///"))),
            (self.tr("Mode"), self._mode(info)),
            (self.tr("Data folder"), folder(info.dirs.data)),
            (self.tr("Log folder"), folder(info.dirs.logs)),
            (self.tr("Backup folder"), folder(info.dirs.backups)),
        ]
        table = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
        licences = self.tr(
            "Bundled parts: WenQuanYi Micro Hei font (Apache License 2.0 or GPLv3 with font "
            "exception); Qt {qt} via PySide6 (LGPLv3)."
        ).format(qt=PySide6.__version__)
        title = self.tr("红袖标 Desktop — public-security volunteer management for police stations. "
                        "Works fully offline; your data stays on this computer.")
        return f"<h3>红袖标 Desktop</h3><p>{title}</p><table cellspacing=6>{table}</table><p>{licences}</p>"

    def _mode(self, info: AppInfo) -> str:
        """Portable (portable.txt beside the program) or installed, in the user's words."""
        if info.dirs.portable:
            return self.tr("Portable: data, logs, backups and settings in the data folder "
                           "beside the program (portable.txt)")
        return self.tr("Installed: data, logs, backups and settings in this user account's "
                       "own folders")
