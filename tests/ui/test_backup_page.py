"""The Backups page driven like a clerk would: back up now, see the row with its date,
kind, size and volunteer count, restore it after confirming, export to a file, change
the folder; and the page in the main window's navigation."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QMessageBox

from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.admin import passphrase_dialog
from redband_desktop.ui.admin.backup_page import BackupPage

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def page(qtbot, demo_services):  # noqa: ANN001, ANN201
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    widget = BackupPage(demo_services)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    return widget


def _idle(qtbot, page) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)


def test_back_up_now_adds_a_row_with_counts(page, qtbot) -> None:  # noqa: ANN001
    assert page.table.rowCount() == 0
    qtbot.mouseClick(page.backup_button, qtbot_button())
    _idle(qtbot, page)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 3).text() == "1,220"
    assert page.table.item(0, 2).text().endswith("MB")
    assert page.table.item(0, 1).text() == page.kind_label("manual")
    assert "redband-manual-" in page.status.text()


def qtbot_button():  # noqa: ANN201
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_restore_asks_first_and_reloads(page, qtbot, demo_services, monkeypatch) -> None:  # noqa: ANN001
    page.backup_now()
    _idle(qtbot, page)
    con = sqlite3.connect(demo_services.db.path)
    con.execute("update settings set value='\"改名\"' where key='station.name'")
    con.commit()
    con.close()
    page.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.restore_selected()
    assert demo_services.station.settings().name == "改名"  # said no: nothing happened
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    told: list[Change] = []
    demo_services.changes.subscribe(told.append)
    page.restore_selected()
    qtbot.waitUntil(lambda: told == [Change.ALL], timeout=30_000)  # every page reloads what it shows
    _idle(qtbot, page)
    assert demo_services.station.settings().name == "金家河派出所"
    kinds = {page.table.item(r, 1).text() for r in range(page.table.rowCount())}
    assert page.kind_label("pre-restore") in kinds


def test_failed_restore_is_a_message_and_changes_nothing(page, qtbot, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("no")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    page.restore_selected()  # nothing selected: asks for a file
    _idle(qtbot, page)
    assert shown and "未改动" in shown[0]


PASSPHRASE = "金家河 backup 2026"


def test_export_to_a_chosen_file_is_encrypted(page, qtbot, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    dest = tmp_path / "usb" / "导出.rbk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(dest), ""))
    asked = []
    monkeypatch.setattr(passphrase_dialog, "ask_new_passphrase", lambda check, _parent: asked.append(check) or PASSPHRASE)
    page.export()
    _idle(qtbot, page)
    assert dest.exists() and "1220" in page.status.text()
    assert dest.read_bytes().startswith(b"RBSEALED") and asked


def test_cancelling_the_passphrase_exports_nothing(page, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    dest = tmp_path / "usb" / "导出.rbk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(dest), ""))
    monkeypatch.setattr(passphrase_dialog, "ask_new_passphrase", lambda *_a: None)
    page.export()
    assert not page.busy and not dest.exists()


def test_restoring_an_encrypted_file_asks_for_its_passphrase(page, qtbot, demo_services, tmp_path,  # noqa: ANN001
                                                             monkeypatch) -> None:
    dest = tmp_path / "usb" / "导出.rbk"
    demo_services.backups.export(dest, PASSPHRASE, PASSPHRASE)
    con = sqlite3.connect(demo_services.db.path)
    con.execute("update settings set value='\"改名\"' where key='station.name'")
    con.commit()
    con.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(dest), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(passphrase_dialog, "ask_passphrase", lambda _name, _parent: "not the passphrase")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    page.restore_from_file()
    _idle(qtbot, page)
    assert shown and "口令不正确" in shown[0] and "未改动" in shown[0]
    assert demo_services.station.settings().name == "改名"
    monkeypatch.setattr(passphrase_dialog, "ask_passphrase", lambda _name, _parent: PASSPHRASE)
    page.restore_from_file()
    _idle(qtbot, page)
    assert demo_services.station.settings().name == "金家河派出所"


def test_the_passphrase_dialog_shows_what_is_wrong_under_the_fields(qtbot, demo_services) -> None:  # noqa: ANN001
    dialog = passphrase_dialog.PassphraseDialog(demo_services.backups.check_passphrase)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("short")
    dialog.confirm.setText("shorter")
    dialog.save()
    assert dialog.result() == 0
    assert dialog.errors.text("passphrase") and dialog.errors.text("passphrase_confirm")
    dialog.passphrase.setText(PASSPHRASE)
    dialog.confirm.setText(PASSPHRASE)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_change_backup_folder(page, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    folder = tmp_path / "second-disk"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    page.choose_folder()
    assert page.folder_edit.text() == str(folder)


def test_main_window_has_the_backups_page(qtbot, demo_services, tmp_path) -> None:  # noqa: ANN001
    from redband_desktop.paths import UserDirs
    from redband_desktop.ui.main_window import AppInfo, MainWindow

    window = MainWindow(demo_services, AppInfo("test", demo_services.db.url, UserDirs.under(Path(tmp_path))))
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert any(t in ("Backups", "备份") for t in titles)
    window.nav.setCurrentRow(titles.index(next(t for t in titles if t in ("Backups", "备份"))))
    assert window.pages.currentWidget() is window.backups
