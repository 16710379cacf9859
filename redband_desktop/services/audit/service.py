"""The audit trail's reading side: search it (administrators and leaders), verify its
chain (in itself and against its anchors outside the file) and export it; entries are written by `shared.audit_log.record` inside each action's
transaction (an export of the trail is itself such an action)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Row, func, select

from redband_desktop.db.engine import Database
from redband_desktop.db.models import AuditEntry
from redband_desktop.domain.access import Action
from redband_desktop.services.audit.export import EXPORT_HEADERS, SHEET_TITLE, export_cells
from redband_desktop.services.audit.types import AuditFilter, AuditRow
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import (
    ChainReport,
    export_summary,
    record,
    verify_chain,
)
from redband_desktop.services.shared.chain_anchors import Anchor, compare_with_anchors
from redband_desktop.services.shared.exports import Export
from redband_desktop.services.shared.search import contains, search_text

# What an export reads of each entry: the columns of an AuditRow, not the hash chain.
_EXPORTED = (AuditEntry.id, AuditEntry.at, AuditEntry.username, AuditEntry.host, AuditEntry.action,
             AuditEntry.entity, AuditEntry.entity_id, AuditEntry.summary, AuditEntry.changes)


Anchors = Callable[[], tuple[list[Anchor], list[str]]]


class AuditService:
    def __init__(self, db: Database, access: AccessControl, anchors: Anchors | None = None) -> None:
        self._db = db
        self._access = access
        self._anchors = anchors  # the backups' witness lines and chain heads (none on a server)

    def verify(self) -> ChainReport:
        """The chain checked in itself, then against its anchors outside the file; the
        report names the first entry where anything disagrees."""
        self._access.require(Action.AUDIT)
        anchors, unreadable = self._anchors() if self._anchors is not None else ([], [])
        with self._db.read() as s:
            chain = verify_chain(s)
            outside = compare_with_anchors(s, anchors, unreadable)
        firsts = [x for x in (chain.first_bad_id, outside.first_bad_id) if x is not None]
        return ChainReport(chain.ok and outside.ok, chain.entries, chain.problems + outside.problems,
                           min(firsts) if firsts else None, outside.compared)

    def count(self, f: AuditFilter) -> int:
        self._access.require(Action.AUDIT)
        with self._db.read() as s:
            return s.scalar(_filtered(select(func.count()).select_from(AuditEntry), f))

    def page(self, f: AuditFilter, offset: int, limit: int, sort: str = "at", descending: bool = True) -> list[AuditRow]:
        """Entries in `sort` order (a key of SORT_KEYS; the newest first by default); entries of
        equal keys newest first, so pages never overlap."""
        self._access.require(Action.AUDIT)
        key = SORT_KEYS.get(sort, AuditEntry.id)
        order = [key.desc() if descending else key.asc(), AuditEntry.id.desc()]
        q = _filtered(select(AuditEntry), f).order_by(*order).offset(offset).limit(limit)
        with self._db.read() as s:
            return [_row(e) for e in s.scalars(q)]

    def actions(self) -> list[str]:
        self._access.require(Action.AUDIT)
        with self._db.read() as s:
            return list(s.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))

    def export(self, f: AuditFilter) -> Export:
        """The filtered trail as an .xlsx workbook, newest first as the page lists it. The
        export is itself recorded; the workbook is built after that short transaction."""
        from redband_desktop.documents.xlsx import table_to_xlsx

        self._access.require(Action.AUDIT)
        self._access.require(Action.EXPORT)
        with self._db.write() as s:
            found = s.execute(_filtered(select(*_EXPORTED), f).order_by(AuditEntry.id.desc())).all()
            record(s, self._access, "export", "audit", "", summary=export_summary(len(found), False))
        rows = [_row(r) for r in found]
        return Export(table_to_xlsx(list(EXPORT_HEADERS), export_cells(rows), SHEET_TITLE), len(rows), False)


SORT_KEYS = {"at": AuditEntry.id, "user": AuditEntry.username, "host": AuditEntry.host,
             "action": AuditEntry.action, "record": AuditEntry.entity}


def _filtered(q, f: AuditFilter):  # noqa: ANN001, ANN202 - SQL statement
    if f.username:
        q = q.where(AuditEntry.username == f.username)
    if f.action:
        q = q.where(AuditEntry.action == f.action)
    if f.entity:
        q = q.where(AuditEntry.entity == f.entity)
    if f.entity_id:
        q = q.where(AuditEntry.entity_id == f.entity_id)
    if f.date_from:
        q = q.where(AuditEntry.at >= datetime.combine(f.date_from, datetime.min.time()))
    if f.date_to:
        q = q.where(AuditEntry.at <= datetime.combine(f.date_to, datetime.max.time()))
    if text := search_text(f.text):
        q = q.where(contains(AuditEntry.summary, text) | contains(AuditEntry.changes, text))
    return q


def _row(e: AuditEntry | Row) -> AuditRow:
    return AuditRow(e.id, e.at, e.username, e.host, e.action, e.entity, e.entity_id, e.summary,
                    json.loads(e.changes or "{}"))
