"""Backups of the station's database: list, back up now, automatic and on-exit backups,
export to a chosen file, restore, the backup folder setting, and the audit anchors.

Backups are verified copies made with SQLite's online backup API (`db.backup`). The
main folder holds the automatic, on-exit and manual backups, thinned by retention
(12 daily, 10 weekly, 9 monthly); `pre-migration/` and `pre-restore/` below it are kept
apart and never thinned. The folder is the station setting `backup.folder` (e.g. a
second disk), else the per-user backup folder; a pointer file in the per-user folder
remembers a custom folder so a damaged database's backups can still be found. Only this
database's backups (by station id, `identity`) are listed, thinned and offered.

Every verified backup and every restore appends the audit chain's head to the witness
file in the backup folder (`witness`), so `redband check` and the audit page can compare
the chain with something kept outside the database file (`anchors`).

Automatic and on-exit backups need no user. Backing up by hand, exporting (always sealed
with a passphrase) and restoring need the settings right (administrators), and are
recorded in the audit trail: who, when, which file, how many volunteers.

Only a local SQLite database is backed up here; a PostgreSQL server is its
administrator's to back up (`backup_needs_sqlite`).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

from redband_desktop.db.backup import Dated, parse_name, to_prune, unique_path
from redband_desktop.db.engine import Database
from redband_desktop.db.health import table_counts
from redband_desktop.db.sealed_backup import is_sealed
from redband_desktop.db.snapshot import audit_head_of, station_id_of
from redband_desktop.domain.access import Action
from redband_desktop.errors import DatabaseError
from redband_desktop.services.backups import anchors as anchoring
from redband_desktop.services.backups import identity, witness
from redband_desktop.services.backups import restore as restoring
from redband_desktop.services.backups.export import export_sealed
from redband_desktop.services.backups.files import (
    COUNTED,
    KEPT_APART,
    POINTER_FILE,
    backup_sqlite_checked,
    check_writable,
    describe,
    list_folder,
    newest_good_backup,
)
from redband_desktop.services.backups.rules import check_passphrase as _check_passphrase
from redband_desktop.services.backups.types import BackupInfo, RestoreResult
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import chain_head, record
from redband_desktop.services.shared.chain_anchors import Anchor
from redband_desktop.services.shared.changes import Change, ChangeFeed, forget
from redband_desktop.services.shared.settings import read_settings, write_setting

log = logging.getLogger(__name__)

FOLDER_KEY = "backup.folder"
AUTO_INTERVAL = timedelta(minutes=30)
AUTOMATIC = ("auto", "exit")

__all__ = ["AUTO_INTERVAL", "FOLDER_KEY", "BackupService", "newest_good_backup"]


class BackupService:
    """Automatic backups need no user; choosing the folder, backing up by hand, exporting
    a full copy of the station's personal data and restoring are for roles with the
    settings right (admins)."""

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
        check_writable(target)
        with self._db.write() as s:
            old = read_settings(s).get(FOLDER_KEY)
            write_setting(s, FOLDER_KEY, str(target) if folder else None)
            record(s, self._access, "settings", "backup", "", {"folder": [old, str(target) if folder else None]})
        default = self.default_folder()
        default.mkdir(parents=True, exist_ok=True)
        (default / POINTER_FILE).write_text(str(target), encoding="utf-8")
        return target

    def station_id(self) -> str | None:
        """This database's station id (None for a file that does not exist yet)."""
        if self._db.path is not None and not self._db.path.exists():
            return None
        with self._db.read() as s:
            return identity.station_id(s)

    def _ensure_station(self) -> str:
        with self._db.read() as s:
            found = identity.station_id(s)
        if found:
            return found
        with self._db.write() as s:
            return identity.ensure_station_id(s)

    # ------------------------------------------------------------ listing
    def list(self) -> list[BackupInfo]:
        """This database's backups, newest first (pre-migration ones from the per-user
        folder too), and backups made before station ids, which may be anyone's."""
        if not self.available:
            return []
        folder, default = self.folder(), self.default_folder()
        found = list_folder(folder)
        if default != folder:
            found += [i for i in list_folder(default) if i.kind in KEPT_APART]
        mine = self.station_id()
        found = [i for i in found if i.station in (mine, None)]
        return sorted(found, key=lambda i: i.taken, reverse=True)

    # ------------------------------------------------------------ backing up
    def backup_now(self, kind: str = "manual") -> BackupInfo:
        """A verified backup into the backup folder. By hand ("manual") it is an
        administrator's action, recorded in the audit trail."""
        if kind not in AUTOMATIC:
            self._require(Action.SETTINGS)
        info = self._take(kind)
        if kind not in AUTOMATIC:
            self._record("backup", info.path, info.counts)
            self._signature = self._files_signature(self._live_path())  # our own record is no change
        return info

    def _take(self, kind: str) -> BackupInfo:
        live = self._live_path()
        station = self._ensure_station()
        folder = self.folder()
        sub = folder / kind if kind in KEPT_APART else folder
        dest = backup_sqlite_checked(live, unique_path(sub, kind))
        self._witness(folder, station, kind, audit_head_of(dest))
        identity.remember(self.default_folder(), live, station)
        if kind not in KEPT_APART:
            self.prune(protect=dest)
            self._last_auto = datetime.now()
            self._signature = self._files_signature(live)
        log.info("%s backup written to %s", kind, dest)
        return describe(dest)  # type: ignore[return-value] - our own name parses

    @staticmethod
    def _witness(folder: Path, station: str, kind: str, head: tuple[int, str] | None) -> None:
        try:
            witness.append(folder, station, kind, head)
        except OSError as exc:
            raise DatabaseError("backup_witness_failed", path=str(folder / witness.WITNESS_FILE),
                                detail=exc.strerror or str(exc)) from exc

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
        return self._take("auto")

    def backup_on_exit(self) -> BackupInfo | None:
        """On closing: back up if anything changed since the newest backup."""
        if not self.available:
            return None
        newest = self._newest_time()
        if newest is not None and not self.changed_since(newest):
            return None
        return self._take("exit")

    def prune(self, protect: Path | None = None) -> list[Path]:
        """Apply retention to this database's backups in the main folder (and to backups
        from before station ids); `protect` (the backup just written) stays."""
        folder, mine = self.folder(), self.station_id()
        dated = [Dated(p, parsed[1]) for p in folder.glob("redband-*.sqlite3")
                 if (parsed := parse_name(p)) is not None and station_id_of(p) in (mine, None)]
        dropped = [p for p in to_prune(dated) if p != protect]
        for path in dropped:
            path.unlink(missing_ok=True)
        return dropped

    # ------------------------------------------------------------ exporting
    @staticmethod
    def check_passphrase(passphrase: str, confirm: str | None) -> None:
        """Raise ValidationError if `passphrase` (typed twice: `confirm`) will not do."""
        _check_passphrase(passphrase, confirm)

    def export(self, dest: Path, passphrase: str, confirm: str | None = None) -> BackupInfo:
        """A verified copy at a place the user chose (e.g. a USB stick), sealed with
        `passphrase` (see `export.py`); recorded in the audit trail."""
        self._require(Action.SETTINGS)
        _check_passphrase(passphrase, confirm)
        live = self._live_path()
        info, head = export_sealed(live, Path(dest), passphrase)
        try:
            witness.append(self.folder(), info.station or self._ensure_station(), "export", head)
        except OSError as exc:  # the copy on the stick is good; the folder may be a missing disk
            log.warning("export %s not noted in the witness file: %s", dest, exc)
        self._record("export", info.path, info.counts, sealed=True)
        return info

    @staticmethod
    def is_sealed(path: Path) -> bool:
        """Is `path` a passphrase-sealed export (restoring it needs the passphrase)?"""
        return is_sealed(Path(path))

    # ------------------------------------------------------------ restoring
    def restore(self, source: Path, passphrase: str | None = None) -> RestoreResult:
        """Replace the database with the backup `source` (`restore.py`): decrypted when
        sealed, copied aside, checked and migrated; the current file saved as a
        pre-restore backup; then the pages swapped in one transaction; on any failure the
        pre-restore copy is put back. Recorded in the restored database's trail, and
        anchored in the witness file as a restore."""
        self._require(Action.SETTINGS)
        live = self._live_path()
        source = Path(source)
        folder = self.folder()
        staging, unsealed = live.with_name(live.name + ".restoring"), live.with_name(live.name + ".unsealed")
        restoring.clean(staging, unsealed)
        try:
            plain = restoring.open_source(source, unsealed, passphrase)
            live_station = station_id_of(live) if live.exists() else None
            restoring.prepare(plain, staging, source, live_station)
            self._db.dispose()
            pre = restoring.swap_in(staging, live, unique_path(folder / "pre-restore", "pre-restore"))
        finally:
            restoring.clean(staging, unsealed)
            self._db.dispose()
        log.info("database %s restored from %s (pre-restore backup %s)", live, source, pre)
        counts = table_counts(live, COUNTED)
        self._after_restore(live, source, pre, counts)
        if self._changes is not None:
            self._changes.publish(Change.ALL)  # every page shows what the backup holds
        return RestoreResult(source, pre, counts)

    def _after_restore(self, live: Path, source: Path, pre: Path | None, counts: dict[str, int]) -> None:
        station = self._record("restore", source, counts, pre_restore=str(pre) if pre else None)
        with self._db.read() as s:
            head = chain_head(s)
        try:
            witness.append(self.folder(), station, witness.RESTORE, head)
        except OSError as exc:  # the restore is done; check will show the old anchors then
            log.error("restore of %s not noted in the witness file: %s", source, exc)
        identity.remember(self.default_folder(), live, station)

    # ------------------------------------------------------------ anchors
    def anchors(self) -> tuple[list[Anchor], list[str]]:
        """The witness lines and backups of this database the audit chain must extend,
        and what could not be read (see `anchors.py`)."""
        station = self.station_id() if self.available else None
        if station is None:
            return [], []
        return anchoring.collect(station, (self.folder(), self.default_folder()), self.list())

    # ------------------------------------------------------------ helpers
    def _record(self, action: str, path: Path, counts: dict[str, int], **more: object) -> str:
        """Note a backup action in the trail (who, when, which file, how many volunteers);
        returns the station id. After a restore the user's name is recorded without
        their id, which belonged to the accounts of the database replaced."""
        access = self._access or AccessControl()
        user = access.user
        if action == "restore":
            access, restored = AccessControl(), access
            access.host = restored.host
        volunteers = counts.get("volunteers", 0)
        changes = {"file": [None, str(path)], "volunteers": [None, volunteers],
                   **{k: [None, v] for k, v in more.items()}}
        with self._db.write() as s:
            record(s, access, action, "backup", "", changes, summary=f"{path.name}（志愿者 {volunteers} 名）",
                   username=user.username if user else "")
            if action == "restore":
                forget(s)  # the restore tells every page at once (ALL)
            return identity.ensure_station_id(s)

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
