"""What the backup service lists and returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # auto, exit, manual, pre-migration, pre-restore
    taken: datetime
    size: int
    counts: dict[str, int]
    station: str | None = None  # the station id inside (None: a backup from before ids)

    @property
    def volunteers(self) -> int | None:
        return self.counts.get("volunteers")


@dataclass(frozen=True)
class RestoreResult:
    restored: Path
    pre_restore: Path | None
    counts: dict[str, int] = field(default_factory=dict)
