"""A backup exported to a file of the administrator's choosing (a USB stick), sealed with a
passphrase (`db.sealed_backup`: AES-256-GCM, Argon2id).

The plain copy is made beside the live database (the same disk already holds the same
data) and never on the destination; it is verified (`integrity_check`, record counts),
sealed into `<dest>.partial`, read back and decrypted to check that it gives exactly the
verified bytes, and only then renamed to `dest`. Every temporary file is removed.
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

from redband_desktop.db.health import table_counts
from redband_desktop.db.sealed_backup import seal, unseal
from redband_desktop.db.snapshot import audit_head_of, station_id_of
from redband_desktop.errors import DatabaseError
from redband_desktop.services.backups.files import (
    COUNTED,
    backup_sqlite_checked,
    remove_with_side_files,
)
from redband_desktop.services.backups.types import BackupInfo


def export_sealed(live: Path, dest: Path, passphrase: str) -> tuple[BackupInfo, tuple[int, str] | None]:
    """Write the sealed, verified copy; returns what it holds and its audit chain head."""
    plain = live.with_name(live.name + ".exporting")
    partial = dest.with_name(dest.name + ".partial")
    remove_with_side_files(plain)
    try:
        backup_sqlite_checked(live, plain)
        expected, written = table_counts(live, COUNTED), table_counts(plain, COUNTED)
        if written != expected:
            raise DatabaseError("backup_verify_failed", path=str(dest), detail=f"{written} ≠ {expected}")
        head, station = audit_head_of(plain), station_id_of(plain)
        _seal_and_verify(plain, partial, passphrase)
        os.replace(partial, dest)
    finally:
        remove_with_side_files(plain)
        with contextlib.suppress(OSError):  # e.g. the destination's folder is not a folder
            partial.unlink(missing_ok=True)
    return BackupInfo(dest, "export", datetime.now(), dest.stat().st_size, written, station), head


def _seal_and_verify(plain: Path, partial: Path, passphrase: str) -> None:
    try:
        partial.parent.mkdir(parents=True, exist_ok=True)
        sealed = seal(plain, partial, passphrase)
    except OSError as exc:
        raise DatabaseError("backup_write_failed", path=str(partial.with_suffix("")),
                            detail=exc.strerror or str(exc)) from exc
    try:
        read_back = unseal(partial, None, passphrase)
    except (OSError, DatabaseError) as exc:
        raise DatabaseError("backup_verify_failed", path=str(partial.with_suffix("")), detail=str(exc)) from exc
    if read_back != sealed:
        raise DatabaseError("backup_verify_failed", path=str(partial.with_suffix("")), detail="content differs")
