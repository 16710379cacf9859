"""Where things live: bundled resources and the data, log and backup folders.

Resources (fonts, translations, icons, the user guide) are found through `resources_dir()`, beside the
package in a checkout or inside a frozen (PyInstaller) bundle. The data folders are the
per-user ones (platformdirs), unless a `portable.txt` marker lies beside the program's
executable: then everything goes to a `data/` folder beside it, for a copy on a USB stick
or a shared station folder.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from redband_desktop import APP_AUTHOR, APP_NAME


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, or in a frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def guide_path() -> Path:
    """The user guide (使用说明): an HTML page with its screenshots in `images/` beside it."""
    return resources_dir() / "guide" / "guide.html"


def icon_path(size: int = 256) -> Path:
    """The red-armband app icon as a PNG (16, 24, 32, 48, 64, 128 or 256 px)."""
    return resources_dir() / "icons" / f"redband-{size}.png"


PORTABLE_MARKER = "portable.txt"


def program_dir() -> Path | None:
    """The folder holding a frozen bundle's executables; None when run from source,
    where "beside the executable" would be the Python interpreter's folder."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def portable_root(folder: Path | None = None) -> Path | None:
    """`data/` beside the program when `portable.txt` marks `folder` (default: the
    program's folder) as a portable copy; None for the per-user folders."""
    folder = folder if folder is not None else program_dir()
    if folder is None or not (folder / PORTABLE_MARKER).is_file():
        return None
    return folder / "data"


@dataclass(frozen=True)
class UserDirs:
    data: Path
    logs: Path
    backups: Path
    portable: bool = False  # a portable copy's data/ folder rather than the per-user folders

    @property
    def default_db(self) -> Path:
        return self.data / "redband.sqlite3"

    @property
    def location_file(self) -> Path:
        return self.data / "database-location.txt"

    def database(self) -> str:
        """This PC's station database: the location chosen in the app (a file, or a
        postgresql:// URL on the station's intranet server), else the default file."""
        try:
            chosen = self.location_file.read_text(encoding="utf-8").strip()
        except OSError:
            chosen = ""
        return chosen or str(self.default_db)

    def set_database(self, location: str | None) -> None:
        """Remember `location` for the next start (None or empty: back to the default)."""
        self.data.mkdir(parents=True, exist_ok=True)
        if location and location.strip():
            self.location_file.write_text(location.strip() + "\n", encoding="utf-8")
        else:
            self.location_file.unlink(missing_ok=True)

    @classmethod
    def default(cls) -> UserDirs:
        """The portable copy's `data/` folder if there is one, else the per-user folders.
        Settings (the chosen database location) live in the data folder either way."""
        root = portable_root()
        if root is not None:
            return cls(data=root, logs=root / "logs", backups=root / "backups", portable=True)
        import platformdirs

        data = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
        logs = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
        return cls(data=data, logs=logs, backups=data / "backups")

    @classmethod
    def under(cls, root: Path) -> UserDirs:
        """All folders below one root (tests, portable installs)."""
        return cls(data=root, logs=root / "logs", backups=root / "backups")
