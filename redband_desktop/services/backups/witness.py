"""The witness file: an append-only record, beside the backups, of the audit chain's head
each time a verified backup is made or a backup is restored.

The audit chain and its checkpoint live in the database file, so whoever can rewrite the
file can rewrite both consistently. The witness file lives in the backup folder (often
another disk), and the program only ever appends to it: one line per event,

    <time ISO-8601>\t<station id>\t<kind>\t<entry id>\t<entry hash>

where kind is the backup's kind (auto, exit, manual, export) or `restore`.
A `restore` line records the head after a restore: the chain was legitimately wound back
then, so anchors made before it describe a history that the restore replaced.
Lines starting with `#` are comments; a line that does not parse is reported by the
comparison as unreadable rather than silently ignored.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

WITNESS_FILE = "audit-witness.txt"
RESTORE = "restore"
_HEADER = ("# 红袖标 audit witness v1 — 审计链锚点，只追加，请勿修改 / append-only, do not edit\n"
           "# time\tstation\tkind\tentry\thash\n")


@dataclass(frozen=True)
class WitnessLine:
    folder: Path
    line_no: int
    at: datetime
    station: str
    kind: str
    entry: int
    hash: str


def append(folder: Path, station: str, kind: str, head: tuple[int, str] | None,
           when: datetime | None = None) -> None:
    """Add one line for the chain head `head` (nothing while the trail is empty). Raises
    OSError when the folder cannot be written."""
    if head is None:
        return
    path = folder / WITNESS_FILE
    folder.mkdir(parents=True, exist_ok=True)
    line = f"{(when or datetime.now()).isoformat()}\t{station}\t{kind}\t{head[0]}\t{head[1]}\n"
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="\n") as f:
        if new:
            f.write(_HEADER)
        f.write(line)
        f.flush()
        os.fsync(f.fileno())


def read(folder: Path) -> tuple[list[WitnessLine], list[int]]:
    """The lines of the witness file in `folder` (none when there is no file), and the
    numbers of lines that do not parse."""
    path = folder / WITNESS_FILE
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return [], []
    lines, bad = [], []
    for no, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        try:
            at, station, kind, entry, digest = parts
            lines.append(WitnessLine(folder, no, datetime.fromisoformat(at), station, kind, int(entry), digest))
        except ValueError:
            bad.append(no)
    return lines, bad
