"""File → Database location: a location is checked before it is saved, and the next
start (GUI or CLI) opens it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QLocale

from redband_desktop.db.engine import database_url
from redband_desktop.db.migrate import migrate
from redband_desktop.paths import UserDirs
from redband_desktop.ui.admin.database_dialog import DatabaseDialog


def test_location_is_checked_saved_and_used(qtbot, tmp_path: Path) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    dirs = UserDirs.under(tmp_path / "pc")
    dialog = DatabaseDialog(dirs)
    qtbot.addWidget(dialog)
    assert dialog.location.text() == str(dirs.default_db)

    dialog.location.setText(str(tmp_path / "no-such-folder" / "x.sqlite3"))
    dialog.save()
    assert dialog.isVisible() is False and not dirs.location_file.exists()
    assert "无法打开" in dialog.result.text() or "folder" in dialog.result.text()

    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as con:
        con.execute("create table t(x)")
    dialog.location.setText(str(foreign))
    assert not dialog.test() and "不是红袖标数据库" in dialog.result.text()

    shared = tmp_path / "server-share" / "station.sqlite3"
    shared.parent.mkdir()
    migrate(database_url(shared), None)
    dialog.location.setText(str(shared))
    dialog.save()
    assert dirs.database() == str(shared)
    dialog.location.setText("postgresql://nobody:pw@127.0.0.1:1/none")
    assert not dialog.test()  # nothing listens there: a clear message, nothing saved
    assert dirs.database() == str(shared)
