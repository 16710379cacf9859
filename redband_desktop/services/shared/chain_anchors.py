"""Compare the live audit chain with its anchors outside the database file.

An anchor is a (entry id, hash) pair the chain had at some moment, kept where a person
editing the database file does not reach it as easily: a line of the witness file beside
the backups, or the last entry of a backup. The chain only ever grows, so the live chain
must have the same hash at every anchor's id. If it has no entry there, its tail was cut
off; if the hash differs, an entry at or before that id was rewritten (and every later
hash recomputed, or the chain check would have found it already).

For an anchor that is a backup the whole old chain is at hand, so the first entry where
backup and database part is named exactly; for a witness line, the first disagreement lies
after the newest anchor that still agrees.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import AuditEntry


@dataclass(frozen=True)
class Anchor:
    """A chain head recorded outside the file; `source` says where, in both languages.
    `history` (for a backup) yields that file's (id, hash) pairs up to an id."""

    source: str
    entry: int
    hash: str
    history: Callable[[int], Iterator[tuple[int, str]]] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class AnchorReport:
    ok: bool
    compared: int
    problems: tuple[str, ...]
    first_bad_id: int | None = None


def compare_with_anchors(session: Session, anchors: Sequence[Anchor],
                         unreadable: Iterable[str] = ()) -> AnchorReport:
    """Check the live chain against every anchor (see the module docstring)."""
    problems = list(unreadable)
    last = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) or 0
    agreeing = [0]
    disagreeing: list[Anchor] = []
    for a in anchors:
        live = session.scalar(select(AuditEntry.hash).where(AuditEntry.id == a.entry))
        if live == a.hash:
            agreeing.append(a.entry)
        else:
            disagreeing.append(a)
    exact: list[int] = []
    ranges: list[int] = []
    for a in sorted(disagreeing, key=lambda a: a.entry):
        first = _first_difference(session, a) if a.history is not None else None
        if first is not None:
            exact.append(first)
            where = f"#{first}"
        else:
            ranges.append(max(x for x in agreeing if x < a.entry) + 1)
            where = f"#{ranges[-1]}–#{a.entry}"
        problems.append(_problem(where, a, last))
    first_bad = min(exact) if exact else (min(ranges) if ranges else None)
    return AnchorReport(not problems, len(anchors), tuple(problems), first_bad)


def _problem(where: str, a: Anchor, last: int) -> str:
    if a.entry > last:
        return (f"{where}: 审计记录末尾被删除（{a.source} 记录到 #{a.entry}，数据库只到 #{last}）"
                f" the end of the trail was removed ({a.source} recorded #{a.entry}, the database ends at #{last})")
    return (f"{where}: 审计记录与 {a.source} 不一致（记录被改写）"
            f" the trail differs from {a.source} (entries were rewritten)")


def _first_difference(session: Session, a: Anchor) -> int | None:
    """The first id where the backup's chain and the live chain part (None: unreadable)."""
    live = session.execute(select(AuditEntry.id, AuditEntry.hash).where(AuditEntry.id <= a.entry)
                           .order_by(AuditEntry.id))
    live_iter = iter(live)
    current = next(live_iter, None)
    try:
        for entry, digest in a.history(a.entry):  # type: ignore[misc] - checked by the caller
            while current is not None and current.id < entry:
                current = next(live_iter, None)
            if current is None or current.id != entry or current.hash != digest:
                return entry
    except Exception:  # noqa: BLE001 - a backup that cannot be read again names no entry
        return None
    return a.entry
