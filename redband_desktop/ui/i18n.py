"""Language: Qt translators for our strings and Qt's own, and labels for domain codes.

The chosen language is installed once at start-up as Qt's default locale, so any widget
can ask `ui_lang()` without a global of our own. Domain enumerations carry their own
Chinese and English labels (they are also printed and exported without Qt).
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from redband_desktop.domain.enums import LabeledEnum
from redband_desktop.paths import resources_dir

SUPPORTED = ("zh_CN", "en")


def install_language(app: QApplication, lang: str) -> list[QTranslator]:
    """Install translators for `lang` and make it the default locale. Returns them so
    the caller keeps them alive for the application's lifetime."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh_CN"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    translators: list[QTranslator] = []
    if lang != "zh_CN":
        return translators
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "i18n" / "redband_zh_CN.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    qt_own = QTranslator(app)
    if qt_own.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        translators.append(qt_own)
    return translators


def ui_lang() -> str:
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def bracketed(text: str) -> str:
    """" (text)" in English, "（text）" in Chinese: each language's own brackets."""
    return f"（{text}）" if ui_lang() == "zh_CN" else f" ({text})"


def label(value: LabeledEnum | None) -> str:
    return value.label(ui_lang()) if value is not None else ""
