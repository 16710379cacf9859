"""The audit trail's writing side, shared by every capability: record every action in the
same transaction as the action itself, and verify that nobody edited or removed a row
afterwards.

Each entry's hash covers its content and the previous entry's hash (a hash chain), and
the newest entry's id and hash are also kept as a checkpoint in the settings, so editing,
deleting, cutting off the end of the trail or adding entries behind the program's back is
detected by `verify_chain()`. The chain has no secret and its checkpoint lives in the same
file, so someone who rewrites the file consistently is caught only by the anchors kept
outside it (`chain_anchors`: the witness file and the backups). ID numbers
and phones appear masked in recorded changes: the trail must not become a copy of the
personal data it protects.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from redband_desktop.db.models import AuditEntry, Setting
from redband_desktop.db.models.base import now
from redband_desktop.domain.audit import AuditAction, AuditEntity
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.changes import kinds_of, note

GENESIS = "0" * 64
HEAD_KEY = "audit.head"


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    problems: tuple[str, ...]
    first_bad_id: int | None = None
    anchors: int = 0  # witness lines and backups the chain was compared with


def _json(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _digest(prev_hash: str, e: AuditEntry) -> str:
    body = json.dumps(
        [e.id, e.at.isoformat(), e.user_id, e.username, e.host, e.action, e.entity, e.entity_id,
         e.summary, e.changes, prev_hash],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def record(
    session: Session,
    access: AccessControl,
    action: str,
    entity: str = "",
    entity_id: object = "",
    changes: dict[str, list[Any]] | None = None,
    summary: str = "",
    username: str | None = None,
) -> None:
    """Append one entry inside the caller's transaction (no commit here), and note on the
    session what kind of record the action changed (see `shared.changes`). The action and
    the record kind must be listed in `domain.audit`, where the trail's labels are."""
    AuditAction(action), AuditEntity(entity)  # ValueError: a code the audit page cannot name
    note(session, kinds_of(action, entity))
    if session.bind.dialect.name == "postgresql":
        # one writer at a time extends the chain, even from several PCs
        session.execute(text("SELECT pg_advisory_xact_lock(727274)"))
    last = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    user = access.user
    entry = AuditEntry(
        id=(last.id + 1) if last else 1, at=now(), user_id=user.id if user else None,
        username=username if username is not None else (user.username if user else ""),
        host=access.host, action=action, entity=entity, entity_id=str(entity_id or ""),
        summary=summary[:200],
        changes=json.dumps({k: [_json(v) for v in pair] for k, pair in (changes or {}).items()},
                           ensure_ascii=False, sort_keys=True),
        prev_hash=last.hash if last else GENESIS,
    )
    entry.hash = _digest(entry.prev_hash, entry)
    session.add(entry)
    session.merge(Setting(key=HEAD_KEY, value=json.dumps({"id": entry.id, "hash": entry.hash})))


def chain_head(session: Session) -> tuple[int, str] | None:
    """(id, hash) of the newest entry: what the witness file and the backups anchor."""
    row = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    return (row.id, row.hash) if row else None


def export_summary(rows: int, full: bool) -> str:
    return f"{rows} 行，{'完整信息' if full else '已脱敏'}"


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for every field whose value changed."""
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


def verify_chain(session: Session) -> ChainReport:
    problems: list[str] = []
    first_bad: int | None = None
    prev_hash, prev_id, count = GENESIS, 0, 0
    for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(2000):
        count += 1
        if e.id != prev_id + 1:
            problems.append(f"#{prev_id + 1}–#{e.id - 1}: 缺失（被删除）missing (deleted)")
        if e.prev_hash != prev_hash:
            problems.append(f"#{e.id}: 与 #{prev_id} 不衔接（之前的记录被改动或删除）does not follow #{prev_id}")
        if _digest(e.prev_hash, e) != e.hash:
            problems.append(f"#{e.id}: 记录后内容被改动 content changed after it was recorded")
        if problems and first_bad is None:
            first_bad = e.id
        prev_hash, prev_id = e.hash, e.id
    head_raw = session.scalar(select(Setting.value).where(Setting.key == HEAD_KEY))
    if head_raw:
        head = json.loads(head_raw)
        if head["id"] > prev_id:
            problems.append(f"#{prev_id + 1}–#{head['id']}: 最新的记录被删除 the newest entries were removed")
            first_bad = first_bad or prev_id + 1
        elif head["id"] == prev_id and head["hash"] != prev_hash:
            problems.append(f"#{prev_id}: 最新的记录被改动 the newest entry was changed")
            first_bad = first_bad or prev_id
        elif head["id"] < prev_id:  # the program moves the checkpoint with every entry it adds
            problems.append(f"#{head['id'] + 1}–#{prev_id}: 校验点之后的记录不是本程序添加的"
                            f" entries after the checkpoint #{head['id']} were not added by this program")
            first_bad = first_bad or head["id"] + 1
    elif count:
        problems.append("最新记录的校验点缺失 the checkpoint of the newest entry is missing")
    return ChainReport(not problems, count, tuple(problems), first_bad)
