"""Where things live: bundled resources and the per-user data, log and backup folders."""

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


@dataclass(frozen=True)
class UserDirs:
    data: Path
    logs: Path
    backups: Path

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
        import platformdirs

        data = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
        logs = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
        return cls(data=data, logs=logs, backups=data / "backups")

    @classmethod
    def under(cls, root: Path) -> UserDirs:
        """All folders below one root (tests, portable installs)."""
        return cls(data=root, logs=root / "logs", backups=root / "backups")
