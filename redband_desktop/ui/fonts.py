"""Make Chinese render on any PC: register the bundled WenQuanYi Micro Hei font and use
it as the application font when the system has no Chinese font of its own."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from redband_desktop.paths import font_path

log = logging.getLogger(__name__)
SYSTEM_CJK_FAMILIES = (
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "SimSun",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Sarasa Gothic SC",
)


def ensure_cjk_font(app: QApplication) -> str | None:
    """Register the bundled font; returns the family used as the app font, if any."""
    installed = set(QFontDatabase.families())
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    if font_id < 0:
        log.warning("bundled font %s could not be loaded", font_path())
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    if installed.intersection(SYSTEM_CJK_FAMILIES):
        return None
    font = QFont(family)
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    app.setFont(font)
    return family
