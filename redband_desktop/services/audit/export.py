"""The columns of the audit trail export and one row of cells per entry.

The cells are what the audit page shows (time, user, PC, action, record, summary, changes).
Like every other export the workbook is in Chinese whatever the UI language: the labels
below are the Chinese ones the page shows through its translation. `render_changes` is
shared with the page, so the screen and the file say the same thing about a change.
"""

from __future__ import annotations

from typing import Any

from redband_desktop.domain.access import Role
from redband_desktop.messages import field_label
from redband_desktop.services.audit.types import AuditRow

EXPORT_HEADERS = ("时间", "用户", "电脑", "操作", "记录", "摘要", "变更内容")
SHEET_TITLE = "审计日志"

ACTION_LABELS = {
    "sign_in": "登录", "sign_in.failed": "登录失败", "sign_in.locked": "锁定期间尝试登录", "sign_out": "退出登录",
    "user.create": "新增用户", "user.update": "修改用户", "user.password": "修改本人密码",
    "user.reset_password": "重置密码", "user.unlock": "解锁用户", "create": "新增", "update": "修改",
    "rename": "改名", "status": "变更状态", "reveal": "查看完整个人信息", "export": "导出",
    "purge": "清除个人信息", "settings": "修改设置",
}
ENTITY_LABELS = {
    "user": "用户", "volunteer": "志愿者", "district": "片区", "site": "场所", "station": "本所设置",
    "audit": "审计日志",
}


def _value(field: str, value: Any, lang: str) -> str:
    zh = lang.startswith("zh")
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return ("是" if value else "否") if zh else ("yes" if value else "no")
    if field == "role" and value in {r.value for r in Role}:
        return Role(value).label(lang)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def render_changes(changes: dict[str, list[Any]], lang: str) -> str:
    """{"phone": ["138…", "139…"]} → "手机号: 138… → 139…" (one field per line)."""
    return "\n".join(f"{field_label(k, lang)}: {_value(k, pair[0], lang)} → {_value(k, pair[-1], lang)}"
                     for k, pair in changes.items())


def _record(r: AuditRow) -> str:
    entity = ENTITY_LABELS.get(r.entity, r.entity)
    return f"{entity} #{r.entity_id}" if r.entity_id else entity


def export_cells(rows: list[AuditRow]) -> list[list[Any]]:
    """One row per entry; the time stays a datetime so the spreadsheet can sort and filter it."""
    return [
        [r.at, r.username, r.host, ACTION_LABELS.get(r.action, r.action), _record(r), r.summary,
         render_changes(r.changes, "zh_CN").replace("\n", "; ")]
        for r in rows
    ]
