"""The red-armband app icon for every window, and the desktop entry the window belongs to."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from redband_desktop.paths import icon_path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The .desktop file's name without ".desktop": Linux task bars match the window to the
# launcher's icon and name through it (Wayland app id, X11 WM_CLASS).
DESKTOP_ENTRY = "redband-desktop"


def app_icon() -> QIcon:
    """All drawn sizes, so a task bar or title bar uses the one drawn for it (16 px has a
    plain stripe instead of blurred characters) rather than scaling 256 px down."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_path(size)
        if path.is_file():
            icon.addFile(str(path))
    return icon


def install_app_icon(app: QApplication) -> None:
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_ENTRY)
