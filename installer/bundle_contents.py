"""What goes into the PyInstaller bundle besides the code it finds by itself (read by
installer/redband.spec, on Linux and Windows alike).

- Data files, found at run time through `redband_desktop.paths.resources_dir()`: the font
  and its licence, the compiled translation, the icons, the user guide and its pictures. Alembic's migrations go in as
  source files beside `db/migrate.py`, because Alembic loads them from a folder by path.
- Modules nothing imports by name: Alembic's operations (used by the migration files,
  which the analysis does not read), the database dialects, QtCharts (statistics charts
  are coming; keep the bundle ready).
- Modules left out: Qt's parts the app does not use (WebEngine, Quick/QML, 3D, Multimedia
  …) and Python's test and GUI-toolkit modules, so the bundle stays small.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

UNUSED_QT = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCanvasPainter", "QtConcurrent", "QtDataVisualization", "QtDesigner",
    "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtOpenGLWidgets", "QtPositioning",
    "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
    "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
    "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvgWidgets", "QtTest", "QtTextToSpeech",
    "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
    "QtWebSockets", "QtWebView", "QtXml", "QtAxContainer", "QtOpenGL",
)
# Qt plugins the app never loads: other display systems (framebuffer, VNC, Wayland — Kylin
# and UOS run X11, and Qt under XWayland uses xcb), the on-screen keyboard (pulls in
# Qt Quick), the GTK theme (pulls in GTK), network information and TLS (the program
# never goes on the network), touch/evdev input, rare image formats.
UNUSED_PLUGINS = re.compile(
    r"plugins/(platforms/lib(qeglfs|qlinuxfb|qminimal|qminimalegl|qvnc|qvkkhrdisplay|qwayland)"
    r"|egldeviceintegrations/|generic/|wayland-[^/]*/|networkinformation/|tls/"
    r"|platforminputcontexts/libqtvirtualkeyboard|platformthemes/libqgtk3"
    r"|imageformats/libq(icns|tga|wbmp|pdf))"
)
UNUSED_PYTHON = (
    "tkinter", "_tkinter", "unittest", "pydoc_data", "lib2to3", "idlelib", "test",
    "pytest", "pytestqt", "hypothesis", "ruff", "importlinter", "grimp",
    "PIL.ImageTk", "PIL.ImageQt", "PIL._avif", "PIL.AvifImagePlugin", "numpy",
    "pygments", "pkg_resources", "mako.ext", "reportlab.lib.pygments2xpre",
    # phone checks use only the numbering plans, not the place, carrier and time-zone
    # names of numbers (4.7 MB of tables)
    "phonenumbers.geodata", "phonenumbers.carrierdata", "phonenumbers.tzdata",
    "phonenumbers.geocoder", "phonenumbers.carrier", "phonenumbers.timezone",
    # Japanese and Korean codecs; the command line reads passwords without line editing
    "_codecs_jp", "_codecs_kr", "_codecs_iso2022", "readline",
)
# Data files not needed: Qt's own translations other than Chinese (English is the source
# language), and python-stdnum's tables other than China's region codes (2 MB of MAC
# vendors, bank and postal codes of other countries).
UNUSED_DATA = re.compile(r"Qt/translations/(?!.*_zh_CN\.qm$)|stdnum/(?!cn/).*\.dat$")


def data_files(root: Path) -> list[tuple[str, str]]:
    """(source, folder in the bundle) pairs."""
    res = root / "resources"
    migrations = root / "redband_desktop" / "db" / "migrations"
    pairs = [
        (str(res / "fonts" / "wqy-microhei.ttc"), "resources/fonts"),
        (str(res / "fonts" / "LICENSE-wqy-microhei.txt"), "resources/fonts"),
        (str(res / "i18n" / "redband_zh_CN.qm"), "resources/i18n"),
    ]
    pairs += [(str(p), "resources/icons") for p in sorted((res / "icons").iterdir())]
    pairs.append((str(res / "guide" / "guide.html"), "resources/guide"))
    pairs += [(str(p), "resources/guide/images") for p in sorted((res / "guide" / "images").glob("*.png"))]
    pairs += [(str(migrations / name), "redband_desktop/db/migrations")
              for name in ("__init__.py", "env.py", "script.py.mako")]
    pairs += [(str(p), "redband_desktop/db/migrations/versions")
              for p in sorted((migrations / "versions").glob("*.py"))]
    return pairs


def hidden_imports(collect_submodules: Callable[[str], list[str]]) -> list[str]:
    alembic = [m for m in collect_submodules("alembic") if not m.startswith("alembic.testing")]
    return [
        *alembic,
        "sqlalchemy.dialects.sqlite",
        "sqlalchemy.dialects.postgresql",
        "psycopg2",  # the station's PostgreSQL server (File → Database location…)
        "PySide6.QtCharts",
        # every module of the app, also those imported only by name or inside a function
        *(m for m in collect_submodules("redband_desktop") if ".migrations" not in m),
    ]


def excluded_modules() -> list[str]:
    return [*(f"PySide6.{m}" for m in UNUSED_QT), *UNUSED_PYTHON]


def keep_binary(dest: str, src: str, from_system: Callable[[str], bool] | None) -> bool:
    """False for unused Qt plugins and, on Linux, for a library the system provides
    (`from_system`, see system_libs.py)."""
    dest = dest.replace("\\", "/")
    if UNUSED_PLUGINS.search(dest):
        return False
    return from_system is None or not from_system(src)


def drop_orphans(everything: list, kept: list, imports: Callable[[str], set[str]]) -> list:
    """`kept` without the libraries that only dropped entries needed (Qt Quick for the
    on-screen keyboard, GTK for its theme …). A library is an entry some binary links
    against; it stays when a kept entry that nothing links against (an extension module,
    a plugin, a program) needs it, directly or through others."""
    def name(dest: str) -> str:
        return Path(dest.replace("\\", "/")).name.lower()

    linked: dict[str, set[str]] = {src: imports(src) for _, src, kind in everything if kind != "SYMLINK"}
    libraries = set().union(*linked.values())
    needed: set[str] = set()
    for dest, src, kind in kept:
        if name(dest) not in libraries and kind != "SYMLINK":
            needed |= linked.get(src, set())
    return [entry for entry in kept if name(entry[0]) not in libraries or name(entry[0]) in needed]


def keep_data(dest: str) -> bool:
    return not UNUSED_DATA.search(dest.replace("\\", "/"))
