"""One line per check, and what to install when a library is missing.

Nothing here imports Qt: `import_qt` is the check that finds out whether Qt can load at
all, and a Qt that cannot load must still get its line and its remedy.
"""

from __future__ import annotations

import importlib
import re
import sys
from dataclasses import dataclass

OK, WARN, FAIL = "OK", "WARN", "FAIL"

# The shared libraries Qt takes from a Linux system, and the Debian/Kylin/UOS package
# that installs each (the .deb depends on all of them; a copied folder may lack some).
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxcb.so.1": "libxcb1", "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3", "libcups.so.2": "libcups2", "libpq.so.5": "libpq5",
}
# the loader's words for the library it lacked (not for the plugin that needed it)
_MISSING = re.compile(r"(lib[\w.+-]+\.so[.\d]*)(?:: cannot open shared object file| => not found)")


@dataclass(frozen=True)
class Check:
    name: str
    status: str  # OK, WARN or FAIL
    detail: str = ""
    fix: str = ""  # what to do about a WARN or FAIL

    def line(self) -> str:
        text = f"{self.status:<5} {self.name}"
        if self.detail:
            text += f": {self.detail}"
        if self.fix:
            text += f" — {self.fix}"
        return text


def remedy(error: str) -> str:
    """What to install for a load error that names a missing library."""
    found = _MISSING.search(error)
    if not found:
        return ""
    library = found.group(1)
    if sys.platform.startswith("linux"):
        package = PACKAGES.get(library)
        if package:
            return f"安装 / install: sudo apt install {package}"
        return f"安装提供 {library} 的系统包 / install the package that provides {library}"
    return f"缺少 / missing: {library}"


def import_qt(modules: tuple[str, ...]) -> list[Check]:
    """Import each PySide6 module the program uses; a failure names the library to install."""
    checks = []
    for module in modules:
        try:
            importlib.import_module(f"PySide6.{module}")
        except ImportError as exc:
            checks.append(Check(f"Qt module {module}", FAIL, str(exc), remedy(str(exc))))
        else:
            checks.append(Check(f"Qt module {module}", OK))
    return checks
