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


SECRET = "S3cret-Pw"
SERVER = f"postgresql://redband:{SECRET}@db.station.lan:5432/redband"


def test_a_server_location_is_shown_without_its_password_and_kept(qtbot, tmp_path: Path, monkeypatch) -> None:
    dirs = UserDirs.under(tmp_path / "pc")
    dirs.set_database(SERVER)
    dialog = DatabaseDialog(dirs)
    qtbot.addWidget(dialog)
    assert dialog.location.text() == "postgresql://redband:***@db.station.lan:5432/redband"
    assert dialog.chosen() == SERVER  # left as shown: the stored location, password and all
    monkeypatch.setattr("redband_desktop.ui.admin.database_dialog.check_location", lambda _where: "current")
    dialog.save()
    assert dirs.database() == SERVER
    dialog.location.setText("postgresql://redband:N3w-Pw@db.station.lan/redband")
    assert dialog.chosen() == "postgresql://redband:N3w-Pw@db.station.lan/redband"


def test_the_window_and_the_about_box_show_the_server_without_its_password(
        qtbot, services, tmp_path: Path, monkeypatch, caplog) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel, QMessageBox

    from redband_desktop import app
    from redband_desktop.errors import DatabaseError
    from redband_desktop.ui.about_dialog import AboutDialog

    services.station.initialise("金家河派出所")
    dirs = UserDirs.under(tmp_path / "pc")
    monkeypatch.setattr(app, "_open_station", lambda _url, _dirs: services)
    window = app.open_main_window(SERVER, dirs)
    qtbot.addWidget(window)
    about = AboutDialog(window._info, "金家河派出所", window)  # noqa: SLF001
    qtbot.addWidget(about)
    shown = " ".join(label.text() for w in (window, about) for label in w.findChildren(QLabel))
    assert "db.station.lan" in shown and SECRET not in shown

    def refuse(_url, _dirs):  # noqa: ANN001, ANN202 - the server does not answer
        raise DatabaseError("db_unreachable", path="db.station.lan", detail="refused")

    said = []
    monkeypatch.setattr(app, "_open_station", refuse)
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: said.append(text))
    assert app.open_main_window(SERVER, dirs) == 1
    assert said and SECRET not in said[0]
    assert "cannot open postgresql://redband:***@db.station.lan" in caplog.text and SECRET not in caplog.text
