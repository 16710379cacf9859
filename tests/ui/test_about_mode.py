"""Help → About says whether this copy keeps its data beside the program (portable) or in
the user's own folders; a portable copy keeps the window preferences there too."""

from __future__ import annotations

from pathlib import Path

from redband_desktop.paths import UserDirs
from redband_desktop.ui.about_dialog import AboutDialog
from redband_desktop.ui.main_window import AppInfo


def _text(qtbot, dirs: UserDirs) -> str:  # noqa: ANN001
    dialog = AboutDialog(AppInfo(version="0.1.0", database="sqlite:///x.sqlite3", dirs=dirs), "金家河派出所")
    qtbot.addWidget(dialog)
    return dialog.findChild(type(dialog.layout().itemAt(0).widget()), "about_text").text()


def test_about_shows_portable_mode(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    root = tmp_path / "data"
    text = _text(qtbot, UserDirs(data=root, logs=root / "logs", backups=root / "backups", portable=True))
    assert "Portable" in text and "portable.txt" in text


def test_about_shows_installed_mode(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    text = _text(qtbot, UserDirs.under(tmp_path))
    assert "Installed" in text and "Portable" not in text


def test_a_portable_copy_keeps_window_preferences_in_its_data_folder(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtCore import QSettings

    from redband_desktop.ui.settings_store import keep_settings_in

    keep_settings_in(tmp_path / "data" / "settings")
    try:
        settings = QSettings()
        settings.setValue("table/widths", [80, 120])
        settings.sync()
        assert Path(settings.fileName()).is_relative_to(tmp_path / "data" / "settings")
        assert Path(settings.fileName()).is_file()
    finally:
        QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
