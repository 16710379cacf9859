"""`redband self-test`: is this installation able to run? One line per check, with what to
install when something is missing — for a station's IT person, and the core of the
installers' smoke tests.

    redband self-test [--screenshot FILE.png]

It opens the window offscreen on a temporary database (a small demonstration station),
visits every page, renders a card sheet and a mediation case file and shows them the way
the print preview does, and checks the font, Qt's platform plugins and print support.
The station's own data is never opened. Exit status 0 when nothing failed (a warning,
such as no printer installed yet, does not fail), 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from redband_desktop import __version__
from redband_desktop.paths import UserDirs, guide_path, program_dir, resources_dir
from redband_desktop.ui.self_check.report import FAIL, OK, WARN, Check, import_qt

QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtPrintSupport", "QtPdf", "QtPdfWidgets",
              "QtCharts")
DEMO_PEOPLE = 40  # enough for a full card sheet and every page to have rows; quick to make


def add_parsers(sub: argparse._SubParsersAction) -> None:
    test = sub.add_parser("self-test", help="check this installation (Qt, font, printing, every page)")
    test.add_argument("--screenshot", metavar="FILE.png", help="also save a picture of the window")


def _self_test(args: argparse.Namespace) -> int:
    if hasattr(sys.stdout, "reconfigure"):  # a console that cannot show Chinese gets "?", not a crash
        sys.stdout.reconfigure(errors="replace")
    out = _Printer()
    out.info(_about_installation())
    qt = import_qt(QT_MODULES)
    out.all(qt)
    if any(c.status == FAIL for c in qt):
        return out.summary(args.lang)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the application exists
    from PySide6.QtWidgets import QApplication

    from redband_desktop.ui.app_icon import install_app_icon
    from redband_desktop.ui.i18n import install_language
    from redband_desktop.ui.self_check import qt_checks

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_app_icon(app)
    translators = install_language(app, args.lang)  # kept alive until the pages were visited
    out.all(qt_checks.platform_plugins())
    out.all([qt_checks.font(app), _resources(args.lang, translators)])
    out.all(qt_checks.print_support())
    with tempfile.TemporaryDirectory(prefix="redband-self-test-") as folder:
        _station_checks(out, Path(folder), args, app.processEvents)
    return out.summary(args.lang)


def _about_installation() -> str:
    where = program_dir()
    dirs = UserDirs.default()
    mode = f"portable, data in {dirs.data}" if dirs.portable else f"per-user data in {dirs.data}"
    libc = " ".join(platform.libc_ver()).strip()
    return (f"redband {__version__} ({'bundle in ' + str(where) if where else 'from source'}; {mode}); "
            f"Python {platform.python_version()}; {platform.platform()}{'; ' + libc if libc else ''}")


def _resources(lang: str, translators: list) -> Check:
    """The translation (loaded when Chinese is asked for), icons, the user guide and the
    migrations are there."""
    from redband_desktop.db.migrate import MIGRATIONS_DIR

    wanted = [resources_dir() / "i18n" / "redband_zh_CN.qm", resources_dir() / "icons" / "redband-256.png",
              guide_path(), MIGRATIONS_DIR / "env.py"]
    missing = [str(p) for p in wanted if not p.is_file()]
    versions = len(list((MIGRATIONS_DIR / "versions").glob("*.py")))
    if missing or not versions:
        return Check("resources", FAIL, "missing: " + ", ".join(missing or ["migrations"]),
                     "重新安装本程序 / reinstall the program")
    if lang == "zh_CN" and not translators:
        return Check("resources", FAIL, "the Chinese translation did not load")
    return Check("resources", OK, f"translation, icons, user guide, {versions} migrations")


def _station_checks(out: _Printer, folder: Path, args: argparse.Namespace, pump: Callable[[], None]) -> None:
    """A temporary station: database, card sheet, mediation file, then the window."""
    from redband_desktop.ui.self_check import qt_checks

    dirs = UserDirs.under(folder)
    db = str(folder / "self-test.sqlite3")
    user = ("selftest", "Rb#" + secrets.token_urlsafe(12))
    try:
        services = _demo_station(db, dirs, user)
    except Exception as exc:  # noqa: BLE001 - a self-test reports every failure as a line
        out.all([Check("database", FAIL, f"{type(exc).__name__}: {exc}")])
        return
    out.all([Check("database", OK, f"created and migrated, {DEMO_PEOPLE} demo volunteers")])
    for label, make in (("card sheet", lambda: _card_sheet(services)),
                        ("mediation file", lambda: _mediation_file(services))):
        try:
            out.all([qt_checks.render_pdf(label, make())])
        except Exception as exc:  # noqa: BLE001
            out.all([Check(label, FAIL, f"{type(exc).__name__}: {exc}")])
    services.db.dispose()
    out.all(_window(db, dirs, user, args, pump))


def _demo_station(db: str, dirs: UserDirs, user: tuple[str, str]):  # noqa: ANN202 - Services
    from redband_desktop.db.engine import database_url
    from redband_desktop.services.opening import open_station
    from redband_desktop.services.station.setup import FirstAdmin

    services = open_station(database_url(db), dirs.backups, create=True)
    admin = FirstAdmin(user[0], "自检", user[1], user[1])
    services.setup.first_run("自检派出所", admin, True, demo_volunteers=DEMO_PEOPLE)
    return services


def _card_sheet(services) -> bytes:  # noqa: ANN001
    from redband_desktop.services.cards.types import CardSelection

    return services.cards.print_batch(CardSelection("all"), "a4").pdf


def _mediation_file(services) -> bytes:  # noqa: ANN001
    found = services.mediation.search()
    if not found.ids:
        raise LookupError("the demo station has no mediation case")
    return services.mediation.document(found.ids[0], "file")


def _window(db: str, dirs: UserDirs, user: tuple[str, str], args: argparse.Namespace,
            pump: Callable[[], None]) -> list[Check]:
    from redband_desktop.app import open_main_window
    from redband_desktop.ui.self_check import qt_checks

    with qt_checks.qt_messages() as seen:
        window = open_main_window(db, dirs, sign_in=lambda services: services.accounts.sign_in(*user))
        if isinstance(window, int):
            return [Check("window", FAIL, f"did not open (status {window}): {'; '.join(seen[:3])}")]
        window.resize(1366, 728)  # the smallest station screen, after task bar and title bar
        window.show()
        pump()
    checks = [Check("window", WARN if seen else OK, "; ".join(seen[:3]) or window.windowTitle())]
    checks += qt_checks.visit_pages(window, pump)
    window.nav.setCurrentRow(0)
    pump()
    if args.screenshot:
        checks.append(qt_checks.screenshot(window, Path(args.screenshot)))
    window.idle.stop()
    window.close()
    pump()
    return checks


class _Printer:
    """Prints each line as soon as it is known (a hang shows where it hangs) and counts."""

    def __init__(self) -> None:
        self.counts = {OK: 0, WARN: 0, FAIL: 0}

    def info(self, text: str) -> None:
        print(f"INFO  {text}", flush=True)

    def all(self, checks: list[Check]) -> None:
        for check in checks:
            self.counts[check.status] += 1
            print(check.line(), flush=True)

    def summary(self, lang: str) -> int:
        ok, warn, fail = self.counts[OK], self.counts[WARN], self.counts[FAIL]
        print(f"自检：{ok} 项正常，{warn} 项提醒，{fail} 项有问题" if lang.startswith("zh")
              else f"self-test: {ok} OK, {warn} warnings, {fail} failed", flush=True)
        return 1 if fail else 0


COMMANDS = {"self-test": _self_test}
