"""Start-up recovery of a damaged database file and restoring a backup without the app's
services (the window before sign-in, the command line)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from redband_desktop.db.engine import Database, sqlite_path
from redband_desktop.db.health import integrity_problems
from redband_desktop.errors import DatabaseError
from redband_desktop.services.backups.identity import damaged_station
from redband_desktop.services.backups.service import BackupService, newest_good_backup
from redband_desktop.services.backups.types import BackupInfo, RestoreResult
from redband_desktop.services.shared.access import AccessControl

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recovery:
    """What start-up did with a damaged file, and the backup it can offer."""

    moved_to: Path
    backup: BackupInfo | None

    def error(self, for_cli: bool = True) -> DatabaseError:
        """The message for the user; the command line's names `redband restore`."""
        if self.backup:
            code = "db_corrupt_offer" if for_cli else "db_corrupt_backup"
            offer = DatabaseError(code, backup=str(self.backup.path),
                                  date=f"{self.backup.taken:%Y-%m-%d %H:%M}")
        else:
            offer = DatabaseError("db_corrupt_no_backup")
        return _CorruptMoved(self.moved_to, offer)


class _CorruptMoved(DatabaseError):
    def __init__(self, moved: Path, offer: DatabaseError) -> None:
        self._offer = offer
        super().__init__("db_corrupt_moved", moved=str(moved), offer="")

    def message(self, lang: str = "zh_CN") -> str:
        from redband_desktop.messages import render

        return render(self.code, {**self.params, "offer": self._offer.message(lang)}, lang)


def recover_if_damaged(url: str, default_dir: Path) -> Recovery | None:
    """Start-up check: `quick_check` the SQLite file; if it is damaged, move it aside
    (never delete it) and name the newest good backup of this database (by its station
    id: the folder may hold other databases' backups). None when all is well. A file that
    cannot be read now (locked by another program, read-only folder, no access) is not
    damaged: that raises a `DatabaseError` saying so, and nothing is moved."""
    path = sqlite_path(url)
    if path is None or not path.exists():
        return None
    problems = integrity_problems(path, quick=True)
    if not problems:
        return None
    log.error("quick_check failed for %s: %s", path, problems[:3])
    from redband_desktop.db.health import move_aside

    moved = move_aside(path)
    return Recovery(moved, newest_good_backup(default_dir, damaged_station(moved, path, default_dir)))


def restore_file(url: str, default_dir: Path, source: Path, passphrase: str | None = None,
                 access: AccessControl | None = None) -> RestoreResult:
    """Restore `source` into the database at `url` without opening the app's services
    (start-up recovery, the command line); `access` is who asked, for the audit trail."""
    db = Database(url)
    try:
        return BackupService(db, access, default_dir).restore(source, passphrase)  # callers check who may
    finally:
        db.dispose()
