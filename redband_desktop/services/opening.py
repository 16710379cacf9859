"""The one way the window, the commands and `check` open a station's database.

`open_station(url, backups_dir, …)` runs the same steps for every caller:

1. Where there is no database yet (a SQLite file that does not exist, or is empty), one is
   created only when the caller may create (`create=True`: the window's first start and
   `redband init`); every other command says there is no station database there, and
   writes nothing — not even an empty file.
2. With `recover`, a file that fails SQLite's quick check is moved aside (never deleted)
   and `StationDamaged` is raised, carrying the newest good backup to offer.
3. With `upgrade`, the schema is brought to this version of the program (after a
   verified backup of an older file); without it (`check`) the file is only read.
4. The services are built on one `Database`.

`share_warning(url)` says when a SQLite file sits on a network share (where SQLite's
locking is unreliable), for the window and the commands to show.
"""

from __future__ import annotations

import logging
from pathlib import Path

from redband_desktop.db.engine import Database, sqlite_path
from redband_desktop.db.location import network_share
from redband_desktop.db.migrate import migrate
from redband_desktop.errors import DatabaseError
from redband_desktop.services import Services, build_services
from redband_desktop.services.backups.recovery import Recovery, recover_if_damaged

log = logging.getLogger(__name__)


class StationDamaged(DatabaseError):
    """The file was damaged and has been moved aside; `recovery` names the backup to offer."""

    def __init__(self, recovery: Recovery) -> None:
        self.recovery = recovery
        error = recovery.error()
        super().__init__(error.code, **error.params)

    def message(self, lang: str = "zh_CN") -> str:
        return self.recovery.error().message(lang)


def open_station(url: str, backups_dir: Path | None, *, create: bool = False, recover: bool = True,
                 upgrade: bool = True) -> Services:
    """Open the station's database at `url` (see the module docstring)."""
    path = sqlite_path(url)
    if path is not None and not create and not _holds_a_database(path):
        raise DatabaseError("db_missing", path=str(path))
    if recover and (recovery := recover_if_damaged(url, backups_dir)) is not None:
        raise StationDamaged(recovery)
    if upgrade:
        migrate(url, backups_dir)
    return build_services(Database(url), backups_dir)


def share_warning(url: str) -> DatabaseError | None:
    """A warning when the SQLite file at `url` is on a network share, else None."""
    path = sqlite_path(url)
    kind = network_share(path.parent) if path is not None else None
    if kind is None:
        return None
    log.warning("database %s is on a network share (%s)", path, kind)
    return DatabaseError("db_network_share", path=str(path), kind=kind)


def _holds_a_database(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False
    except OSError as exc:  # no access to the folder: say so rather than "missing"
        raise DatabaseError("db_unavailable", path=str(path), detail=exc.strerror or str(exc)) from exc
