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
