"""The mediation case book as an Excel list (台账), for the station's own reporting.

Parties appear by name only (no ID numbers or phones), so the list needs only EXPORT;
every export is written to the audit trail with its row count."""

from __future__ import annotations

from sqlalchemy.orm import Session

from redband_desktop.db.models import MediationCase
from redband_desktop.domain.mediation import CaseSource, CaseStatus, DisputeType, OutcomeKind
from redband_desktop.services.mediation.query import matching_ids, rows_by_id
from redband_desktop.services.mediation.types import CaseRow, MediationFilter

HEADERS = ("案号", "受理日期", "纠纷类型", "纠纷来源", "状态", "片区", "纠纷简要情况", "当事人（申请人 — 被申请人）",
           "调解员", "调解期限", "是否延期", "是否超期", "调解结果", "结果日期", "涉及金额（元）", "防止民转刑", "结案日期")
SHEET = "人民调解台账"


def rows(s: Session, f: MediationFilter, today) -> list[list]:  # noqa: ANN001 - date
    found = rows_by_id(s, matching_ids(s, f, today), today)
    return [_cells(r, s.get(MediationCase, r.id)) for r in sorted(found, key=lambda r: (r.registered_on, r.id))]


def _cells(r: CaseRow, c: MediationCase) -> list:
    outcome = OutcomeKind(c.outcome_kind).zh if c.outcome_kind else ""
    return [
        r.number, r.registered_on, DisputeType(r.dispute_type).zh, CaseSource(r.source).zh, CaseStatus(r.status).zh,
        r.district_name, r.summary, r.parties, c.mediators, r.deadline, "是" if c.extended else "否",
        "是" if r.overdue else "否", outcome, c.outcome_on, float(c.amount_yuan) if c.amount_yuan is not None else None,
        "是" if c.prevented_criminal else "否", c.closed_on,
    ]
