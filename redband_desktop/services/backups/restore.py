"""The steps of a restore that touch files: open a sealed backup, check and migrate a copy,
then swap it in — the live file is touched only by the last step, and put back on failure.

    source ──(unseal, when encrypted)──▶ <live>.unsealed ──(copy, check, migrate)──▶
    <live>.restoring ──(pre-restore backup of the live file; one-transaction page copy)──▶ live

A wrong passphrase, a damaged or foreign file, or a newer schema stops before the live
file is touched. A backup made before station ids existed is given the live database's
id, so restoring it keeps the station's identity (and its backups and anchors) intact.
"""

from __future__ import annotations

from pathlib import Path

from redband_desktop.db.backup import copy_into, stamp_station
from redband_desktop.db.engine import database_url
from redband_desktop.db.health import foreign_key_problems, integrity_problems, schema_revision
from redband_desktop.db.sealed_backup import is_sealed, unseal
from redband_desktop.db.snapshot import station_id_of
from redband_desktop.errors import DatabaseError, RedbandError, ValidationError
from redband_desktop.services.backups.files import (
    backup_sqlite_checked,
    detail,
    remove_with_side_files,
)


def open_source(source: Path, unsealed: Path, passphrase: str | None) -> Path:
    """The plain SQLite file to restore from: `source` itself, or its decrypted copy."""
    if not source.is_file():
        raise DatabaseError("restore_bad_file", path=str(source), detail="no such file")
    if not is_sealed(source):
        return source
    if not passphrase:
        raise ValidationError.single("passphrase", "required")
    try:
        unseal(source, unsealed, passphrase)  # wrong passphrase or damage: raised, nothing written
    except DatabaseError as exc:
        if exc.code == "backup_passphrase_wrong":  # the user's to correct, like any field
            raise ValidationError.single("passphrase", exc.code, **exc.params) from exc
        raise
    return unsealed


def prepare(plain: Path, staging: Path, shown: Path, live_station: str | None) -> None:
    """Copy `plain` to `staging`, then check and migrate the copy; the live file is not
    touched, so any failure here changes nothing. `shown` names the file in messages."""
    from redband_desktop.db.migrate import migrate

    problems = integrity_problems(plain)
    if problems:
        raise DatabaseError("restore_bad_file", path=str(shown), detail=problems[0])
    if schema_revision(plain) is None:
        raise DatabaseError("restore_bad_file", path=str(shown), detail="not a 红袖标 database")
    had_station = station_id_of(plain) is not None
    try:
        backup_sqlite_checked(plain, staging)
        migrate(database_url(staging), None)
    except RedbandError as exc:
        raise DatabaseError("restore_bad_file", path=str(shown), detail=detail(exc)) from exc
    if not had_station and live_station:
        stamp_station(staging, live_station)
    broken = foreign_key_problems(staging) + integrity_problems(staging)
    if broken:
        raise DatabaseError("restore_bad_file", path=str(shown), detail=broken[0])


def swap_in(staging: Path, live: Path, pre_restore_dest: Path) -> Path | None:
    """Save the live file as a pre-restore backup (when it is sound), then copy the
    staging pages in; on failure put the pre-restore copy back. Returns that backup."""
    pre = None
    if live.exists() and not integrity_problems(live, quick=True):
        pre = backup_sqlite_checked(live, pre_restore_dest)
    try:
        copy_into(staging, live)
        problems = integrity_problems(live, quick=True)
        if problems:
            raise DatabaseError("db_corrupt", path=str(live), detail=problems[0])
    except Exception as exc:
        if pre is not None:
            copy_into(pre, live)
        raise DatabaseError("restore_failed", detail=detail(exc)) from exc
    return pre


def clean(*paths: Path) -> None:
    for path in paths:
        remove_with_side_files(path)
