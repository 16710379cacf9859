"""Backups of the station's database: list, back up now, automatic and on-exit backups,
export to a chosen file, restore, and the backup folder setting.

Backups are verified copies made with SQLite's online backup API (`db.backup`). The
main folder holds the automatic, on-exit and manual backups, thinned by retention
(12 daily, 10 weekly, 9 monthly); `pre-migration/` and `pre-restore/` below it are kept
apart and never thinned. The folder is the station setting `backup.folder` (e.g. a
second disk), else the per-user backup folder; a pointer file in the per-user folder
remembers a custom folder so a damaged database's backups can still be found.

Only a local SQLite database is backed up here; a PostgreSQL server is its
administrator's to back up (`backup_needs_sqlite`).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

from redband_desktop.db.backup import (
    Dated,
    backup_sqlite,
    copy_into,
    parse_name,
    to_prune,
    unique_path,
)
from redband_desktop.db.engine import Database, database_url
from redband_desktop.db.health import SIDE_FILES, integrity_problems, table_counts
from redband_desktop.domain.access import Action
from redband_desktop.errors import DatabaseError, RedbandError
from redband_desktop.services.backups.types import BackupInfo, RestoreResult
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import record
from redband_desktop.services.shared.changes import Change, ChangeFeed
from redband_desktop.services.shared.settings import read_settings, write_setting

log = logging.getLogger(__name__)

FOLDER_KEY = "backup.folder"
POINTER_FILE = "backup-folder.txt"
AUTO_INTERVAL = timedelta(minutes=30)
KEPT_APART = ("pre-migration", "pre-restore")
COUNTED = ("volunteers", "districts", "sites")


def describe(path: Path) -> BackupInfo | None:
    """Facts about one backup file (None when the name is not a backup's)."""
    parsed = parse_name(path)
    if parsed is None:
        return None
    kind, taken = parsed
    try:
        counts = table_counts(path, COUNTED)
    except Exception:  # noqa: BLE001 - an unreadable backup is listed without counts
        counts = {}
    return BackupInfo(path, kind, taken, path.stat().st_size, counts)


def list_folder(folder: Path) -> list[BackupInfo]:
    """Every backup in `folder` and its kept-apart subfolders, newest first."""
    files = [p for sub in ("", *KEPT_APART) for p in sorted((folder / sub).glob("redband-*.sqlite3"))]
    infos = [i for i in (describe(p) for p in files) if i is not None]
    return sorted(infos, key=lambda i: i.taken, reverse=True)


def known_folders(default_dir: Path) -> list[Path]:
    folders = [default_dir]
    pointer = default_dir / POINTER_FILE
    if pointer.exists():
        custom = Path(pointer.read_text(encoding="utf-8").strip())
        if custom != default_dir:
            folders.insert(0, custom)
    return folders


def newest_good_backup(default_dir: Path) -> BackupInfo | None:
    """The newest backup (in any known folder) that passes `integrity_check`."""
    candidates = [i for f in known_folders(default_dir) for i in list_folder(f)]
    for info in sorted(candidates, key=lambda i: i.taken, reverse=True):
        try:
            if not integrity_problems(info.path):
                return info
        except DatabaseError:  # unreadable now (locked, no access): offer an older one
            continue
    return None


class BackupService:
    """Automatic backups need no user; choosing the folder, exporting a full copy of the
    station's personal data and restoring are for roles with the settings right (admins).
    """

    def __init__(self, db: Database, access: AccessControl | None = None, default_dir: Path | None = None,
                 changes: ChangeFeed | None = None) -> None:
        self._db = db
        self._access = access
        self._default_dir = default_dir
        self._changes = changes
        self._last_auto: datetime | None = None
        self._signature: tuple | None = None  # the files' state when we last backed up

    # ------------------------------------------------------------- where
    @property
    def available(self) -> bool:
        return self._db.path is not None

    def default_folder(self) -> Path:
        if self._default_dir is None:
            from redband_desktop.paths import UserDirs

            self._default_dir = UserDirs.default().backups
        return self._default_dir

    def folder(self) -> Path:
        if self._db.path is not None and not self._db.path.exists():
            return self.default_folder()  # reading would create an empty file
        try:
            with self._db.read() as s:
                custom = read_settings(s).get(FOLDER_KEY)
        except Exception:  # noqa: BLE001 - a damaged or old file still has the default
            custom = None
        return Path(custom) if custom else self.default_folder()

    def set_folder(self, folder: Path | None) -> Path:
        """Use `folder` for backups from now on (None: back to the default)."""
        self._require(Action.SETTINGS)
        target = Path(folder).expanduser() if folder else self.default_folder()
        _check_writable(target)
        with self._db.write() as s:
            old = read_settings(s).get(FOLDER_KEY)
            write_setting(s, FOLDER_KEY, str(target) if folder else None)
            record(s, self._access, "settings", "backup", "", {"folder": [old, str(target) if folder else None]})
        default = self.default_folder()
        default.mkdir(parents=True, exist_ok=True)
        (default / POINTER_FILE).write_text(str(target), encoding="utf-8")
        return target

    # ------------------------------------------------------------ listing
    def list(self) -> list[BackupInfo]:
        """Every backup, newest first (pre-migration ones from the per-user folder too)."""
        if not self.available:
            return []
        folder, default = self.folder(), self.default_folder()
        found = list_folder(folder)
        if default != folder:
            found += [i for i in list_folder(default) if i.kind in KEPT_APART]
        return sorted(found, key=lambda i: i.taken, reverse=True)

    # ------------------------------------------------------------ backing up
    def backup_now(self, kind: str = "manual") -> BackupInfo:
        live = self._live_path()
        folder = self.folder()
        sub = folder / kind if kind in KEPT_APART else folder
        dest = backup_sqlite_checked(live, unique_path(sub, kind))
        if kind not in KEPT_APART:
            self.prune(protect=dest)
            self._last_auto = datetime.now()
            self._signature = self._files_signature(live)
        log.info("%s backup written to %s", kind, dest)
        return describe(dest)  # type: ignore[return-value] - our own name parses

    @staticmethod
    def _files_signature(live: Path) -> tuple:
        files = (live, live.with_name(live.name + "-wal"))
        return tuple((p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else None for p in files)

    def changed_since(self, when: datetime) -> bool:
        """Did the database change since our last backup (or, for a backup made by an
        earlier run, since `when`)? File times are coarse, so our own backups compare
        the files' exact state instead."""
        live = self._live_path()
        if self._signature is not None:
            return self._files_signature(live) != self._signature
        stamps = [p.stat().st_mtime for p in (live, live.with_name(live.name + "-wal")) if p.exists()]
        return bool(stamps) and datetime.fromtimestamp(max(stamps)) > when

    def auto_backup_if_due(self, now: datetime | None = None) -> BackupInfo | None:
        """An automatic backup when the database changed since the newest backup and that
        one is at least 30 minutes old; else nothing."""
        if not self.available:
            return None
        now = now or datetime.now()
        newest = self._newest_time()
        if newest is not None and (now - newest < AUTO_INTERVAL or not self.changed_since(newest)):
            return None
        return self.backup_now("auto")

    def backup_on_exit(self) -> BackupInfo | None:
        """On closing: back up if anything changed since the newest backup."""
        if not self.available:
            return None
        newest = self._newest_time()
        if newest is not None and not self.changed_since(newest):
            return None
        return self.backup_now("exit")

    def prune(self, protect: Path | None = None) -> list[Path]:
        """Apply retention to the main folder; `protect` (the backup just written) stays."""
        folder = self.folder()
        dated = [Dated(p, parsed[1]) for p in folder.glob("redband-*.sqlite3")
                 if (parsed := parse_name(p)) is not None]
        dropped = [p for p in to_prune(dated) if p != protect]
        for path in dropped:
            path.unlink(missing_ok=True)
        return dropped

    def export(self, dest: Path) -> BackupInfo:
        """A verified copy at a place the user chose (e.g. a USB stick); the copy is
        read back and its record counts compared with the database's."""
        self._require(Action.SETTINGS)
        live = self._live_path()
        dest = Path(dest)
        backup_sqlite_checked(live, dest)
        expected = table_counts(live, COUNTED)
        written = table_counts(dest, COUNTED)
        if written != expected:
            raise DatabaseError("backup_verify_failed", path=str(dest), detail=f"{written} ≠ {expected}")
        return BackupInfo(dest, "export", datetime.now(), dest.stat().st_size, written)

    def _require(self, action: Action) -> None:
        if self._access is not None:
            self._access.require(action)

    def _newest_time(self) -> datetime | None:
        times = [i.taken for i in self.list() if i.kind not in KEPT_APART]
        if self._last_auto:
            times.append(self._last_auto)
        return max(times) if times else None

    def _live_path(self) -> Path:
        path = self._db.path
        if path is None:
            raise DatabaseError("backup_needs_sqlite", path=self._db.shown)
        return path

    # ------------------------------------------------------------ restoring
    def restore(self, source: Path) -> RestoreResult:
        """Replace the database with the backup `source` (see module docstring of
        `db.backup.copy_into`): the backup is copied aside, checked and migrated; the
        current file is saved as a pre-restore backup; then the pages are swapped in one
        transaction; on any failure the pre-restore copy is put back."""
        self._require(Action.SETTINGS)
        live = self._live_path()
        source = Path(source)
        folder = self.folder()
        staging = live.with_name(live.name + ".restoring")
        _remove_with_side_files(staging)
        try:
            _prepare(source, staging)
            pre = None
            if live.exists() and not integrity_problems(live, quick=True):
                pre = backup_sqlite_checked(live, unique_path(folder / "pre-restore", "pre-restore"))
            self._db.dispose()
            try:
                copy_into(staging, live)
                problems = integrity_problems(live, quick=True)
                if problems:
                    raise DatabaseError("db_corrupt", path=str(live), detail=problems[0])
            except Exception as exc:
                if pre is not None:
                    copy_into(pre, live)
                raise DatabaseError("restore_failed", detail=_detail(exc)) from exc
        finally:
            _remove_with_side_files(staging)
            self._db.dispose()
        log.info("database %s restored from %s (pre-restore backup %s)", live, source, pre)
        if self._changes is not None:
            self._changes.publish(Change.ALL)  # every page shows what the backup holds
        return RestoreResult(source, pre)


def _prepare(source: Path, staging: Path) -> None:
    """Copy `source` to `staging`, then check and migrate the copy; the live file is not
    touched, so any failure here changes nothing."""
    from redband_desktop.db.health import foreign_key_problems, schema_revision
    from redband_desktop.db.migrate import migrate

    if not source.is_file():
        raise DatabaseError("restore_bad_file", path=str(source), detail="no such file")
    problems = integrity_problems(source)
    if problems:
        raise DatabaseError("restore_bad_file", path=str(source), detail=problems[0])
    if schema_revision(source) is None:
        raise DatabaseError("restore_bad_file", path=str(source), detail="not a 红袖标 database")
    try:
        backup_sqlite(source, staging)
        migrate(database_url(staging), None)
    except RedbandError as exc:
        raise DatabaseError("restore_bad_file", path=str(source), detail=_detail(exc)) from exc
    broken = foreign_key_problems(staging) + integrity_problems(staging)
    if broken:
        raise DatabaseError("restore_bad_file", path=str(source), detail=broken[0])


def backup_sqlite_checked(src: Path, dest: Path) -> Path:
    try:
        return backup_sqlite(src, dest)
    except DatabaseError as exc:
        raise DatabaseError("backup_write_failed", path=str(dest), detail=_detail(exc)) from exc


def _detail(exc: BaseException) -> str:
    if isinstance(exc, RedbandError):
        return exc.params.get("detail") or exc.message("en")
    return str(exc)


def _check_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".redband-write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise DatabaseError("backup_folder_invalid", path=str(folder), detail=exc.strerror or str(exc)) from exc


def _remove_with_side_files(path: Path) -> None:
    for p in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        p.unlink(missing_ok=True)
