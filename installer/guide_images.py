"""Screenshots for the user guide (`make docs`), taken from the program itself.

Builds the demonstration station in a temporary folder (`redband init --demo`), opens the
main window signed in as its administrator at 1366×728 (a station laptop's screen less the
taskbar and title bar), visits every page and writes `resources/guide/images/<page>.png`,
named after the page's class (RosterPage -> roster.png), plus one picture per further tab
of a page with tabs (cards-2.png …). Pictures are scaled to 900 px wide and reduced to 256
colours so that all of them stay small (the guide ships in the installer).

Run under a display (`make docs` starts Xvfb); Chinese by default, `--lang en` for English.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "guide" / "images"
SIZE = (1366, 728)
WIDTH = 900  # fits the guide's window (1000 px wide) without scrolling sideways
PASSWORD = "Station#2026"


def page_name(page: object) -> str:
    """RosterPage -> roster, BackupPage -> backup."""
    return re.sub(r"Page$", "", type(page).__name__).lower() or "page"


def build_demo(db: Path) -> None:
    """The demo station, with the cards of one district issued (so that the card register
    and the verification page have something to show) and a backup made."""
    db.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "REDBAND_PASSWORD": PASSWORD, "REDBAND_USER": "admin"}

    def redband(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "redband_desktop", "--db", str(db), *args],
                       check=True, env=env, stdout=subprocess.DEVNULL)

    redband("init", "--demo", "--admin", "admin")
    redband("cards", "print", "--district", "1", "--out", str(db.parent / "cards.pdf"))
    redband("backup")


def card_code(db: Path) -> str:
    """The QR text of the first card issued, as a scanner would type it."""
    from datetime import date

    from redband_desktop.domain.cards import sign_payload, station_code

    with closing(sqlite3.connect(db)) as con:
        settings = {k: json.loads(v) for k, v in con.execute("SELECT key, value FROM settings")}
        number, until = con.execute("SELECT card_no, valid_until FROM cards ORDER BY id LIMIT 1").fetchone()
    code = settings.get("cards.station_code") or station_code(settings["cards.public_key"])
    return sign_payload(settings["cards.private_key"], code, number, date.fromisoformat(until))


def settle(app, ms: int = 300) -> None:  # noqa: ANN001 - the QApplication
    """Let the page draw, and finish what it does in the background (a card preview)."""
    from PySide6.QtCore import QElapsedTimer, QThreadPool

    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms or QThreadPool.globalInstance().activeThreadCount():
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(20)
        if timer.elapsed() > 10_000:
            break
    app.processEvents()


def save(widget, path: Path) -> int:  # noqa: ANN001 - a QWidget
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = widget.grab().toImage().scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
    if not image.save(str(path), "PNG", 0):
        raise SystemExit(f"cannot write {path}")
    return path.stat().st_size


def prepare(page, db: Path) -> None:  # noqa: ANN001 - a page of the main window
    """What a page shows in its picture beyond its first look: a card scanned in."""
    if page_name(page) == "verify":
        page.input.setText(card_code(db))
        page.check_input()


def shoot(window, app, db: Path) -> list[tuple[str, int]]:  # noqa: ANN001
    from PySide6.QtWidgets import QTabWidget

    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        app.processEvents()
        page = window.pages.currentWidget()
        prepare(page, db)
        settle(app)
        name = page_name(page)
        written.append((f"{name}.png", save(window, OUT / f"{name}.png")))
        tabs = page.findChild(QTabWidget)
        for index in range(1, tabs.count() if tabs is not None else 0):
            tabs.setCurrentIndex(index)
            settle(app, 1000)
            written.append((f"{name}-{index + 1}.png", save(window, OUT / f"{name}-{index + 1}.png")))
        if tabs is not None:
            tabs.setCurrentIndex(0)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from redband_desktop.app import open_main_window
    from redband_desktop.paths import UserDirs
    from redband_desktop.ui.fonts import ensure_cjk_font
    from redband_desktop.ui.i18n import install_language

    app = QApplication([])
    ensure_cjk_font(app)
    translators = install_language(app, args.lang)  # noqa: F841 - kept alive while the window lives
    # The per-user folders of a made-up home in one fixed folder (the command line's backup
    # goes there too), so that the paths the pictures show stay the same from run to run.
    folder = Path(tempfile.gettempdir()) / "redband-demo"
    shutil.rmtree(folder, ignore_errors=True)
    for var, sub in (("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_CONFIG_HOME", ".config")):
        os.environ[var] = str(folder / sub)
    try:
        dirs = UserDirs.default()
        build_demo(dirs.default_db)
        window = open_main_window(str(dirs.default_db), dirs,
                                  sign_in=lambda s: s.accounts.sign_in("admin", PASSWORD))
        if isinstance(window, int):
            return window
        window.resize(*SIZE)
        window.show()
        settle(app)
        written = shoot(window, app, dirs.default_db)
        window.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for name, size in written:
        print(f"{size / 1024:7.0f} KB  {name}")
    print(f"{sum(s for _, s in written) / 1024:7.0f} KB  in {len(written)} pictures, {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
