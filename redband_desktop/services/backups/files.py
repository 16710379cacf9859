"""The backup files in a folder: what each one is (kind, time, size, counts, station id),
which folders hold a station's backups, the newest good backup of a station, and the
small file helpers the backup actions share.

Several databases may back up into one folder (the per-user folder serves every `--db`),
so whatever acts on "the backups" picks those of one station id (`identity`); a backup
made before station ids existed has none and belongs to nobody for certain.
"""

from __future__ import annotations

from pathlib import Path

from redband_desktop.db.backup import backup_sqlite, parse_name
from redband_desktop.db.health import SIDE_FILES, integrity_problems, table_counts
from redband_desktop.db.snapshot import station_id_of
from redband_desktop.errors import DatabaseError, RedbandError
from redband_desktop.services.backups.types import BackupInfo

POINTER_FILE = "backup-folder.txt"
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
    return BackupInfo(path, kind, taken, path.stat().st_size, counts, station_id_of(path))


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


def newest_good_backup(default_dir: Path, station: str | None) -> BackupInfo | None:
    """The newest backup of `station` (in any known folder) that passes `integrity_check`;
    None when there is none, or when the station is not known (then no backup can be
    tied to the database, and offering another database's would replace it by a stranger)."""
    if station is None:
        return None
    candidates = [i for f in known_folders(default_dir) for i in list_folder(f) if i.station == station]
    for info in sorted(candidates, key=lambda i: i.taken, reverse=True):
        try:
            if not integrity_problems(info.path):
                return info
        except DatabaseError:  # unreadable now (locked, no access): offer an older one
            continue
    return None


def backup_sqlite_checked(src: Path, dest: Path) -> Path:
    try:
        return backup_sqlite(src, dest)
    except DatabaseError as exc:
        raise DatabaseError("backup_write_failed", path=str(dest), detail=detail(exc)) from exc


def detail(exc: BaseException) -> str:
    if isinstance(exc, RedbandError):
        return exc.params.get("detail") or exc.message("en")
    return str(exc)


def check_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".redband-write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise DatabaseError("backup_folder_invalid", path=str(folder), detail=exc.strerror or str(exc)) from exc


def remove_with_side_files(path: Path) -> None:
    for p in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        p.unlink(missing_ok=True)
