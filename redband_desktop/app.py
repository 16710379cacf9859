"""The composition root of the window: logging, language, database (opened and migrated
the one way every command opens it), services, and the main window, built once and
handed down through constructors.

A double-click (main.py) and the launchers run the command line's `main`, whose default
command (`gui`) calls `run_gui` here; this module never imports the command line.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from redband_desktop import __version__
from redband_desktop.errors import RedbandError
from redband_desktop.logs import install_excepthook, setup_logging
from redband_desktop.paths import UserDirs

if TYPE_CHECKING:
    from redband_desktop.services import Services

log = logging.getLogger(__name__)

NO_DISPLAY = """\
没有找到图形显示（DISPLAY / WAYLAND_DISPLAY 未设置），无法打开窗口。
  · 在服务器或远程终端上：make run XVFB=1（在虚拟显示 Xvfb 中运行），
  · 或使用命令行：redband --help（init、stats 等不需要窗口）。
No graphical display found (DISPLAY / WAYLAND_DISPLAY are not set), so the window cannot open.
  · On a server or remote shell: make run XVFB=1 (runs under the Xvfb virtual display),
  · or use the command line: redband --help (init, stats … need no window)."""


def display_available() -> bool:
    """False on a Linux box with no X/Wayland display, where Qt would abort with a raw
    plugin error; an explicit QT_QPA_PLATFORM (offscreen, vnc…) is respected."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(db: str | None, lang: str, dirs: UserDirs | None = None) -> int:
    if not display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    dirs = dirs or UserDirs.default()
    setup_logging(dirs.logs)
    log.info("红袖标 Desktop %s starting", __version__)

    from PySide6.QtWidgets import QApplication

    from redband_desktop.ui.app_icon import install_app_icon
    from redband_desktop.ui.fonts import ensure_cjk_font
    from redband_desktop.ui.i18n import install_language
    from redband_desktop.ui.settings_store import keep_settings_in
    from redband_desktop.ui.widgets.feedback import show_crash

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("redband")  # where QSettings keeps per-user window preferences
    app.setApplicationName("红袖标 Desktop")
    app.setApplicationVersion(__version__)
    if dirs.portable:
        keep_settings_in(dirs.data / "settings")
    install_app_icon(app)
    ensure_cjk_font(app)
    app._translators = install_language(app, lang)  # type: ignore[attr-defined] - kept alive
    install_excepthook(lambda exc: show_crash(None, exc))

    from redband_desktop.db.engine import database_url
    from redband_desktop.ui.single_instance import SingleInstance

    guard = SingleInstance(database_url(db or dirs.database()), app)
    if not guard.claim():  # another copy runs on this database: it comes to the front
        return 0
    window = open_main_window(db, dirs)
    if isinstance(window, int):
        return window
    guard.attach(window)
    window.show()
    return app.exec()


def open_main_window(  # noqa: ANN201 - MainWindow | int
    db: str | None, dirs: UserDirs, sign_in: Callable[[Services], None] | None = None
):
    """Open (and migrate) the database, run the first-run dialog if needed, sign in (with
    `sign_in(services)` when given, as tests and benchmarks do; else the sign-in dialog),
    build the window. Returns an exit status instead when the database cannot be used (1)
    or the user cancelled the first-run or sign-in dialog (0)."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    from redband_desktop.db.engine import database_url, shown_url
    from redband_desktop.services.opening import share_warning
    from redband_desktop.ui.accounts.sign_in_dialog import sign_in_interactively
    from redband_desktop.ui.admin.first_run_dialog import FirstRunDialog
    from redband_desktop.ui.i18n import ui_lang
    from redband_desktop.ui.main_window import AppInfo, MainWindow

    url = database_url(db or dirs.database())
    try:
        services = _open_station(url, dirs)
    except RedbandError as exc:
        log.error("cannot open %s: %s", shown_url(url), exc)
        QMessageBox.critical(None, "红袖标 Desktop", exc.message(ui_lang()))
        return 1
    if services is None:
        return 1
    if (warning := share_warning(url)) is not None:
        QMessageBox.warning(None, "红袖标 Desktop", warning.message(ui_lang()))
    set_up = services.setup.is_done()
    if not set_up or (sign_in is None and services.setup.needs_admin()):
        station = services.station.settings().name if set_up else ""
        dialog = FirstRunDialog(services.setup, services.accounts, station_name=station)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
    if services.access.user is None:  # the first run signs its new administrator in
        if sign_in is not None:
            sign_in(services)
        elif not sign_in_interactively(services.accounts, services.station.settings().name):
            return 0
    return MainWindow(services, AppInfo(version=__version__, database=shown_url(url), dirs=dirs))


def _open_station(url: str, dirs: UserDirs) -> Services | None:
    """The station's services, the window's first start creating the database. A damaged
    file (moved aside) is explained with the newest good backup offered; None when the
    user chose to quit then."""
    from redband_desktop.services.opening import StationDamaged, open_station
    from redband_desktop.ui.admin.recovery import ask

    while True:
        try:
            return open_station(url, dirs.backups, create=True)
        except StationDamaged as damaged:
            if not ask(damaged.recovery, url, dirs.backups):
                return None  # else restored, or an empty database: open again
