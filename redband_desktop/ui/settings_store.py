"""Where Qt keeps the window preferences (column widths …): the user's own place by default
(the registry on Windows, ~/.config on Linux), or an .ini file in a portable copy's data
folder, so that a copy on a USB stick leaves nothing behind on the PC it runs on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def keep_settings_in(folder: Path) -> None:
    """Every `QSettings()` made after this reads and writes an .ini file below `folder`."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
