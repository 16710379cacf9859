"""Who may do what: roles, the actions services check, and the role × action matrix.

This is the one table of rights (least privilege, 等级保护): services ask
`allowed(role, action)` before every read or write, and officers are further limited to
their own district for edits. The UI uses the same table to disable what a role cannot do.
"""

from __future__ import annotations

from enum import StrEnum

from redband_desktop.domain.enums import LabeledEnum


class Role(LabeledEnum):
    ADMIN = ("admin", "管理员", "Administrator")
    LEADER = ("leader", "所领导", "Station leader")
    OFFICER = ("officer", "社区民警", "Community officer")
    CLERK = ("clerk", "辅警/录入员", "Clerk")
    VIEWER = ("viewer", "只读用户", "Viewer")


class Action(StrEnum):
    READ = "read"  # see records (personal data masked for viewers)
    EDIT = "edit"  # create and change records (officers: own district only)
    CHANGE_STATUS = "change_status"  # suspend / leave / reactivate a volunteer
    DELETE = "delete"  # remove records, revoke cards
    REVEAL = "reveal"  # see one full ID number or phone, with a reason
    EXPORT = "export"  # export lists (masked)
    EXPORT_FULL = "export_full"  # export with full personal data
    STATS = "stats"  # statistics and reports
    STRUCTURE = "structure"  # create and rename districts
    SETTINGS = "settings"  # station settings
    USERS = "users"  # user accounts
    AUDIT = "audit"  # read and verify the audit trail
    PURGE = "purge"  # erase personal data of long-gone volunteers


_EVERYTHING = frozenset(Action)
_READ_SIDE = frozenset({Action.READ, Action.STATS, Action.EXPORT})

MATRIX: dict[Role, frozenset[Action]] = {
    Role.ADMIN: _EVERYTHING,
    Role.LEADER: _READ_SIDE | {Action.REVEAL, Action.EXPORT_FULL, Action.AUDIT},
    Role.OFFICER: _READ_SIDE | {Action.EDIT, Action.CHANGE_STATUS, Action.DELETE, Action.REVEAL, Action.EXPORT_FULL},
    Role.CLERK: _READ_SIDE | {Action.EDIT, Action.CHANGE_STATUS, Action.REVEAL},
    Role.VIEWER: frozenset({Action.READ, Action.STATS}),
}

# Actions an officer may take only on records of their own district.
DISTRICT_SCOPED = frozenset({Action.EDIT, Action.CHANGE_STATUS, Action.DELETE})

ACTION_LABELS: dict[Action, tuple[str, str]] = {
    Action.READ: ("查看记录", "view records"),
    Action.EDIT: ("新增和修改记录", "add and edit records"),
    Action.CHANGE_STATUS: ("变更志愿者状态", "change a volunteer's status"),
    Action.DELETE: ("删除或注销记录", "delete or revoke records"),
    Action.REVEAL: ("查看完整个人信息", "see full personal data"),
    Action.EXPORT: ("导出", "export"),
    Action.EXPORT_FULL: ("导出完整个人信息", "export full personal data"),
    Action.STATS: ("查看统计", "see statistics"),
    Action.STRUCTURE: ("管理片区", "manage districts"),
    Action.SETTINGS: ("修改设置", "change settings"),
    Action.USERS: ("管理用户", "manage users"),
    Action.AUDIT: ("查看审计日志", "read the audit trail"),
    Action.PURGE: ("清除个人信息", "purge personal data"),
}


def allowed(role: Role, action: Action) -> bool:
    return action in MATRIX[role]


def action_label(action: Action, lang: str = "zh_CN") -> str:
    zh, en = ACTION_LABELS[action]
    return zh if lang.startswith("zh") else en
