"""The columns of the audit trail export and one row of cells per entry.

The cells are what the audit page shows (time, user, PC, action, record, summary, changes).
Like every other export the workbook is in Chinese whatever the UI language; the labels
are the ones the page shows (domain.audit, the message catalogue's field labels). `render_changes` is
shared with the page, so the screen and the file say the same thing about a change.
"""

from __future__ import annotations

from typing import Any

from redband_desktop.domain.access import Role
from redband_desktop.domain.audit import action_label, entity_label
from redband_desktop.domain.cards import CardStatus
from redband_desktop.domain.clues import ClueStatus
from redband_desktop.domain.enums import LabeledEnum, VolunteerStatus
from redband_desktop.domain.incidents import IncidentOutcome, IncidentStatus
from redband_desktop.domain.mediation import CaseStatus
from redband_desktop.messages import field_label
from redband_desktop.services.audit.types import AuditRow

EXPORT_HEADERS = ("时间", "用户", "电脑", "操作", "记录", "摘要", "变更内容")
SHEET_TITLE = "审计日志"

# The stored codes a change may carry, read through their labels (card statuses differ
# from a volunteer's or a case's, so the record kind decides).
_CODED: dict[tuple[str, str], type[LabeledEnum]] = {
    ("card", "status"): CardStatus, ("volunteer", "status"): VolunteerStatus,
    ("incident", "status"): IncidentStatus, ("incident", "outcome"): IncidentOutcome,
    ("clue", "status"): ClueStatus, ("mediation", "status"): CaseStatus,
}


def _value(entity: str, field: str, value: Any, lang: str) -> str:
    zh = lang.startswith("zh")
    if value is None or value == "":
        return "—"
    coded = _CODED.get((entity, field))
    if coded is not None and value in {m.value for m in coded}:
        return coded(value).label(lang)
    if isinstance(value, bool):
        return ("是" if value else "否") if zh else ("yes" if value else "no")
    if field == "role" and value in {r.value for r in Role}:
        return Role(value).label(lang)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def render_changes(changes: dict[str, list[Any]], lang: str, entity: str = "") -> str:
    """{"phone": ["138…", "139…"]} → "手机号: 138… → 139…" (one field per line); codes of
    `entity` (a card's status, a case's) as their labels."""
    return "\n".join(f"{field_label(k, lang)}: {_value(entity, k, pair[0], lang)} → "
                     f"{_value(entity, k, pair[-1], lang)}" for k, pair in changes.items())


def record_label(r: AuditRow, lang: str) -> str:
    """"证件 RB2026-000123", "调解案件 #145": the kind of record and which one."""
    entity = entity_label(r.entity, lang)
    if not r.entity_id:
        return entity
    return f"{entity} {r.entity_id}" if not r.entity_id.isdigit() else f"{entity} #{r.entity_id}"


def export_cells(rows: list[AuditRow]) -> list[list[Any]]:
    """One row per entry; the time stays a datetime so the spreadsheet can sort and filter it."""
    return [
        [r.at, r.username, r.host, action_label(r.action), record_label(r, "zh_CN"), r.summary,
         render_changes(r.changes, "zh_CN", r.entity).replace("\n", "; ")]
        for r in rows
    ]
