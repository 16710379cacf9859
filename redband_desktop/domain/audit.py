"""What the audit trail records: every action and every kind of record, with their labels.

The trail stores codes ("print", "card", "mediation.outcome"); the audit page, its export
and the command line show them through these labels, so the trail reads in the user's
language and never as a code. Recording an action or a record kind that is not listed
here is a programming error (`services.shared.audit_log.record` refuses it), so a new
action cannot reach the page unlabelled.
"""

from __future__ import annotations

from redband_desktop.domain.enums import LabeledEnum


class AuditAction(LabeledEnum):
    SIGN_IN = ("sign_in", "登录", "Sign in")
    SIGN_IN_FAILED = ("sign_in.failed", "登录失败", "Failed sign-in")
    SIGN_IN_LOCKED = ("sign_in.locked", "锁定期间尝试登录", "Sign-in while locked")
    SIGN_OUT = ("sign_out", "退出登录", "Sign out")
    USER_CREATE = ("user.create", "新增用户", "Create user")
    USER_UPDATE = ("user.update", "修改用户", "Edit user")
    USER_PASSWORD = ("user.password", "修改本人密码", "Change own password")
    USER_PASSWORD_FAILED = ("user.password.failed", "修改密码时原密码错误", "Wrong old password when changing it")
    USER_RESET_PASSWORD = ("user.reset_password", "重置密码", "Reset password")
    USER_UNLOCK = ("user.unlock", "解锁用户", "Unlock user")
    CREATE = ("create", "新增", "Create")
    UPDATE = ("update", "修改", "Edit")
    RENAME = ("rename", "改名", "Rename")
    DELETE = ("delete", "删除", "Delete")
    STATUS = ("status", "变更状态", "Change status")
    ASSIGN = ("assign", "任命负责人", "Assign head")
    UNASSIGN = ("unassign", "卸任负责人", "End head's post")
    ATTACH = ("attach", "添加附件", "Add attachment")
    DETACH = ("detach", "删除附件", "Remove attachment")
    REVEAL = ("reveal", "查看完整个人信息", "See full personal data")
    EXPORT = ("export", "导出", "Export")
    IMPORT = ("import", "导入", "Import")
    PURGE = ("purge", "清除个人信息", "Purge personal data")
    SETTINGS = ("settings", "修改设置", "Change settings")
    BACKUP = ("backup", "备份", "Back up")
    RESTORE = ("restore", "恢复", "Restore")
    PRINT = ("print", "打印", "Print")
    PRINT_CANCELLED = ("print.cancelled", "取消打印（收回新证）", "Print cancelled (new cards taken back)")
    PRINT_FAILED = ("print.failed", "打印失败（收回新证）", "Print failed (new cards taken back)")
    ISSUE = ("issue", "发证", "Issue card")
    REPLACE = ("replace", "换发新证", "Replace card")
    REVOKED = ("revoked", "注销证件", "Revoke card")
    LOST = ("lost", "挂失证件", "Report card lost")
    VALID = ("valid", "恢复有效", "Make card valid again")
    EXTEND = ("extend", "延长调解期限", "Extend deadline")
    CASE_PARTY = ("mediation.party", "登记当事人", "Record a party")
    CASE_PARTY_REMOVE = ("mediation.party.remove", "删除当事人", "Remove a party")
    CASE_INVESTIGATION = ("mediation.investigation", "调查记录", "Record an investigation")
    CASE_SESSION = ("mediation.session", "调解记录", "Record a session")
    CASE_OUTCOME = ("mediation.outcome", "调解结果", "Record the outcome")
    CASE_PERFORMANCE = ("mediation.performance", "履行情况", "Record performance")
    CASE_FOLLOW_UP = ("mediation.follow_up", "回访记录", "Record a follow-up visit")
    CASE_CLOSE = ("mediation.close", "结案", "Close the case")
    ROTA_GENERATE = ("rota.generate", "生成班次", "Generate shifts")
    ROTA_ASSIGN = ("rota.assign", "安排值班", "Assign to a shift")
    ROTA_UNASSIGN = ("rota.unassign", "取消值班安排", "Remove from a shift")
    ROTA_COPY = ("rota.copy", "复制排班", "Copy the rota")
    ROTA_SKIP = ("rota.skip", "设为停班日期", "Mark a day skipped")
    ROTA_UNSKIP = ("rota.unskip", "取消停班日期", "Unmark a skipped day")
    ROTA_ATTENDANCE = ("rota.attendance", "登记考勤", "Record attendance")
    ROTA_PATROL_LOG = ("rota.patrol_log", "巡逻记录", "Write a patrol log entry")
    RECORD_AWARD = ("record.award", "登记表彰奖励", "Record a commendation")
    RECORD_AWARD_UPDATE = ("record.award.update", "更正表彰奖励", "Correct a commendation")
    RECORD_AWARD_REMOVE = ("record.award.remove", "删除表彰奖励", "Remove a commendation")
    RECORD_EVALUATION = ("record.evaluation", "年度评价", "Yearly evaluation")
    RECORD_CERTIFICATE = ("record.certificate", "出具志愿服务证明", "Issue a service certificate")
    RECORD_CERTIFICATE_REPRINT = ("record.certificate.reprint", "补打志愿服务证明", "Reprint a service certificate")


class AuditEntity(LabeledEnum):
    USER = ("user", "用户", "user")
    VOLUNTEER = ("volunteer", "志愿者", "volunteer")
    DISTRICT = ("district", "片区", "district")
    SITE = ("site", "场所", "site")
    BUILDING = ("building", "楼栋", "building")
    ZONE = ("zone", "市场片区", "market zone")
    CARD = ("card", "证件", "ID card")
    INCIDENT = ("incident", "警情", "incident")
    CLUE = ("clue", "线索", "clue")
    MEDIATION = ("mediation", "调解案件", "mediation case")
    STATION = ("station", "本所设置", "station settings")
    BACKUP = ("backup", "备份", "backup")
    COVERAGE = ("coverage", "覆盖统计", "coverage")
    AUDIT = ("audit", "审计日志", "audit trail")
    STATS = ("stats", "治安成绩单", "statistics report")
    IMPORT = ("import", "花名册导入", "roster import")
    HEAD_IMPORT = ("head_import", "楼栋长导入", "heads import")
    SHIFT_TEMPLATE = ("shift_template", "排班模板", "shift template")
    SHIFT = ("shift", "班次", "shift")
    SKIPPED_DATE = ("skipped_date", "停班日期", "skipped date")
    ACTIVITY = ("activity", "活动", "activity")
    POINT_RULE = ("point_rule", "积分规则", "points rule")
    REDEMPTION = ("redemption", "积分兑换", "points redemption")


def action_label(code: str, lang: str = "zh_CN") -> str:
    """The action in words; a code from a newer version of the program reads as itself."""
    try:
        return AuditAction(code).label(lang)
    except ValueError:
        return code


def entity_label(code: str, lang: str = "zh_CN") -> str:
    try:
        return AuditEntity(code).label(lang)
    except ValueError:
        return code
