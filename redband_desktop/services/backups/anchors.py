"""The audit chain's anchors outside the database: the witness lines and the backups of
this station, gathered for `shared.chain_anchors.compare_with_anchors`.

A restore winds the chain back on purpose; the witness file records it (a `restore`
line), and anchors made before the newest restore are left out — they describe the
history the restore replaced. The restore line itself anchors the chain as restored.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from redband_desktop.db.snapshot import audit_hashes_of, audit_head_of
from redband_desktop.services.backups import witness
from redband_desktop.services.backups.types import BackupInfo
from redband_desktop.services.shared.chain_anchors import Anchor


def collect(station: str, folders: Iterable[Path], backups: Iterable[BackupInfo]) -> tuple[list[Anchor], list[str]]:
    """This station's anchors, and what could not be read (reported as problems)."""
    lines: list[witness.WitnessLine] = []
    unreadable: list[str] = []
    for folder in dict.fromkeys(folders):  # in order, once each
        path = folder / witness.WITNESS_FILE
        try:
            found, bad = witness.read(folder)
        except OSError as exc:
            unreadable.append(f"{path}: 无法读取 cannot be read: {exc.strerror or exc}")
            continue
        lines += [line for line in found if line.station == station]
        unreadable += [f"{path}:{n}: 无法识别的行 a line that cannot be read" for n in bad]
    restored = max((line.at for line in lines if line.kind == witness.RESTORE), default=None)
    anchors = [
        Anchor(f"见证文件/witness {line.folder / witness.WITNESS_FILE}:{line.line_no} "
               f"({line.at:%Y-%m-%d %H:%M}, {line.kind})", line.entry, line.hash)
        for line in lines if restored is None or line.at >= restored
    ]
    for info in backups:
        if info.station != station or (restored is not None and info.taken <= restored):
            continue
        head = audit_head_of(info.path)
        if head is not None:
            anchors.append(Anchor(f"备份/backup {info.path.name}", head[0], head[1],
                                  history=partial(audit_hashes_of, info.path)))
    return anchors, unreadable
