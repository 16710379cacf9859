"""The catalogue of user-facing messages raised below the UI, in Chinese and English.

Services, the domain and the database layer never build sentences themselves: they raise
errors with a code and parameters, and this catalogue renders them for the GUI and the
CLI in the user's language. Chinese (`zh_CN`) is the default. Areas keep their own parts,
merged here: the case records (`messages_cases.py`), data safety (`messages_safety.py`),
accounts and rights (`messages_accounts.py`), input checks (`messages_input.py`),
statistics (`messages_stats.py`), the importer (`messages_import.py`) the duty rota
(`messages_rota.py`), activities (`messages_activities.py`), service records (`messages_records.py`)
and points (`messages_points.py`).
"""

from __future__ import annotations

from typing import Any

from redband_desktop.messages_accounts import ACCOUNT_FIELD_LABELS, ACCOUNT_MESSAGES
from redband_desktop.messages_activities import ACTIVITY_FIELD_LABELS, ACTIVITY_MESSAGES
from redband_desktop.messages_cases import CASE_FIELD_LABELS, CASE_MESSAGES
from redband_desktop.messages_import import IMPORT_FIELD_LABELS, IMPORT_MESSAGES
from redband_desktop.messages_input import INPUT_FIELD_LABELS, INPUT_MESSAGES
from redband_desktop.messages_points import POINTS_FIELD_LABELS, POINTS_MESSAGES
from redband_desktop.messages_records import RECORD_FIELD_LABELS, RECORD_MESSAGES
from redband_desktop.messages_rota import ROTA_FIELD_LABELS, ROTA_MESSAGES
from redband_desktop.messages_safety import SAFETY_FIELD_LABELS, SAFETY_MESSAGES
from redband_desktop.messages_stats import STATS_FIELD_LABELS, STATS_MESSAGES

# code -> (Simplified Chinese, English). Parameters use str.format names.
MESSAGES: dict[str, tuple[str, str]] = {
    "error": ("操作失败", "The operation failed"),
    "validation_failed": ("有 {count} 项填写有误，未保存", "{count} field(s) need attention; nothing was saved"),
    "not_found": ("找不到{what}（编号 {id}）", "{what} not found (id {id})"),
    "conflict": ("保存冲突：{detail}", "Save conflict: {detail}"),
    "stale_edit": (
        "保存冲突：该记录已被 {who} 于 {when} 修改（{fields_zh}）。您的修改尚未保存，请关闭后重新打开该记录，再做修改。",
        "Save conflict: {who} changed this record at {when} ({fields_en}). Your changes were not "
        "saved; close and reopen the record, then make them again.",
    ),
    "permission_denied": (
        "没有权限：{role}不能{what}",
        "Permission denied: a {role_en} may not {what_en}",
    ),
    "not_signed_in": ("请先登录", "Please sign in first"),
    "user_needed": (
        "此命令会修改或导出数据，请用 --user 用户名 登录（或设置 REDBAND_USER）",
        "This command changes or exports data: sign in with --user NAME (or set REDBAND_USER)",
    ),
    "password_needed": (
        "需要密码：请在终端中运行，或设置 REDBAND_PASSWORD",
        "A password is needed: run it in a terminal or set REDBAND_PASSWORD",
    ),
    "must_change_password": ("请先修改初始密码", "Please change your initial password first"),
    "outside_district": (
        "没有权限：只能修改本人负责片区的记录",
        "Permission denied: you may only change records of your own district",
    ),
    "account_locked": (
        "账号已锁定，请于 {until} 后再试，或请管理员解锁",
        "The account is locked until {until}; try again then or ask an administrator",
    ),
    "account_inactive": ("账号已停用", "The account has been deactivated"),
    "admin_exists": ("已经有管理员账号", "An administrator account already exists"),
    "password_short": ("至少 {min} 位", "must have at least {min} characters"),
    "password_weak": (
        "须包含大写字母、小写字母、数字、符号中的至少三种",
        "must mix at least three of: upper-case, lower-case, digits, symbols",
    ),
    "password_has_username": ("不能包含用户名", "must not contain the user name"),
    "password_mismatch": ("两次输入的密码不一致", "the two passwords differ"),
    "username_invalid": (
        "只能使用字母、数字、下划线，3–40 位",
        "may only use letters, digits and underscores, 3–40 characters",
    ),
    "district_required": ("社区民警须指定负责片区", "a community officer needs a district"),
    "last_admin": ("不能停用或降级最后一个管理员", "the last active administrator cannot be removed"),
    "database_error": ("数据库错误：{detail}", "Database error: {detail}"),
    "db_newer": (
        "数据库文件 {path} 由更新版本的红袖标（架构 {found}）写入，本程序（架构 {known}）无法打开。请升级程序。",
        "The database {path} was written by a newer version of 红袖标 (schema {found}); "
        "this program (schema {known}) cannot open it. Please upgrade the program.",
    ),
    "db_backup_failed": (
        "升级前备份失败，数据库未改动：{detail}",
        "The backup before upgrading failed; the database was not changed: {detail}",
    ),
    "db_foreign": (
        "{path} 不是红袖标数据库（没有版本信息），为保护其中数据，程序不会改动它",
        "{path} is not a 红袖标 database (it has no schema version); it was left untouched",
    ),
    "db_missing": (
        "{path} 处没有红袖标数据库（请用 redband init 创建，或用 --db 指定已有的数据库）",
        "There is no 红袖标 database at {path} (create one with `redband init`, or name an "
        "existing one with --db)",
    ),
    "db_network_share": (
        "数据库 {path} 位于网络共享（{kind}）上。多台电脑同时通过共享文件夹写同一个 SQLite 文件可能损坏数据；"
        "多台电脑共用时请改用所内服务器上的 PostgreSQL（见使用说明“PostgreSQL”一节）。",
        "The database {path} is on a network share ({kind}). Several PCs writing one SQLite file "
        "through a shared folder can corrupt it; for several PCs use PostgreSQL on the station's "
        "server instead (see the README, \"PostgreSQL\").",
    ),
    "db_not_initialised": (
        "数据库 {path} 尚未初始化，请先运行 redband init",
        "The database {path} has not been set up; run `redband init` first",
    ),
    "db_already_initialised": (
        "数据库 {path} 已经初始化过（派出所：{station}）",
        "The database {path} is already set up (station: {station})",
    ),
    # data safety (issue 4): storage failures, backups, restore, checks
    "db_full": (
        "磁盘或数据库已满，未保存任何内容。请腾出磁盘空间后再保存（已填写的内容仍在窗口中）。",
        "The disk or database is full; nothing was saved. Free some disk space and save again "
        "(what you typed is still in the form).",
    ),
    "db_read_only": (
        "数据库 {path} 是只读的（文件或文件夹不允许写入），未保存任何内容。请检查文件权限或U盘写保护后重试。",
        "The database {path} is read-only (the file or its folder cannot be written); nothing was "
        "saved. Check the file permissions or the drive's write protection and try again.",
    ),
    "db_locked": (
        "数据库 {path} 正被其他程序占用（锁定），未保存任何内容。请关闭占用它的程序后重试。",
        "The database {path} is locked by another program; nothing was saved. Close that "
        "program and try again.",
    ),
    "db_io_error": (
        "读写数据库 {path} 时磁盘出错，未保存任何内容：{detail}",
        "A disk error occurred reading or writing {path}; nothing was saved: {detail}",
    ),
    "db_unavailable": (
        "无法打开数据库 {path}（文件夹不存在或无权访问）：{detail}",
        "The database {path} cannot be opened (missing folder or no access): {detail}",
    ),
    "db_driver_missing": (
        "本机未安装连接 {path} 所需的数据库驱动（请安装 postgres 组件：pip install '.[postgres]'）：{detail}",
        "The database driver for {path} is not installed on this PC (install the postgres extra: "
        "pip install '.[postgres]'): {detail}",
    ),
    "db_unreachable": (
        "无法连接数据库服务器 {path}，请检查网络或服务器：{detail}",
        "Cannot reach the database server {path}; check the network or the server: {detail}",
    ),
    "db_corrupt": (
        "数据库 {path} 已损坏：{detail}",
        "The database {path} is damaged: {detail}",
    ),
    "db_corrupt_moved": (
        "数据库文件已损坏，已移到 {moved}（未删除）。{offer}",
        "The database file was damaged and has been moved to {moved} (not deleted). {offer}",
    ),
    "db_corrupt_offer": (
        "最新的完好备份是 {date} 的 {backup}，可用 redband restore 恢复。",
        "The newest good backup is {backup} from {date}; restore it with `redband restore`.",
    ),
    "db_corrupt_backup": (
        "最新的完好备份是 {date} 的备份（{backup}）。",
        "The newest good backup is from {date} ({backup}).",
    ),
    "db_corrupt_no_backup": (
        "没有找到可用的备份；将新建空数据库。",
        "No usable backup was found; a new empty database will be created.",
    ),
    "backup_needs_sqlite": (
        "备份与恢复只适用于本机 SQLite 数据库；服务器数据库（{path}）请由服务器管理员备份",
        "Backup and restore work on a local SQLite database only; the server database ({path}) "
        "is backed up by its administrator",
    ),
    "backup_write_failed": (
        "备份写入 {path} 失败，原有数据未受影响：{detail}",
        "Writing the backup to {path} failed; your data is unchanged: {detail}",
    ),
    "backup_verify_failed": (
        "写入的备份 {path} 校验不一致（{detail}），请换一个位置再试",
        "The backup written to {path} did not verify ({detail}); try another place",
    ),
    "restore_bad_file": (
        "{path} 不能用于恢复：{detail}。当前数据库未改动。",
        "{path} cannot be restored: {detail}. The current database was not changed.",
    ),
    "restore_failed": (
        "恢复失败，已还原到恢复前的数据库：{detail}",
        "The restore failed; the database was put back as it was before: {detail}",
    ),
    "restore_cancelled": ("已取消恢复，数据库未改动", "Restore cancelled; the database was not changed"),
    "backup_folder_invalid": (
        "备份文件夹 {path} 不可用：{detail}",
        "The backup folder {path} cannot be used: {detail}",
    ),
    # field-level problems
    "required": ("必填", "is required"),
    "too_long": ("不能超过 {max} 个字", "must be at most {max} characters"),
    "invalid_choice": ("无效的选项 {value}", "is not a valid choice ({value})"),
    "invalid_date": ("日期格式不正确（应为 YYYY-MM-DD）", "is not a valid date (use YYYY-MM-DD)"),
    "date_in_future": ("不能晚于今天", "cannot be in the future"),
    "date_before": ("不能早于{other}", "cannot be before {other}"),
    "id_length": ("应为 18 位（现为 {length} 位）", "must have 18 characters (has {length})"),
    "id_chars": ("前 17 位须为数字，末位为数字或 X", "must be 17 digits followed by a digit or X"),
    "id_birth_date": ("出生日期 {date} 无效", "contains an invalid birth date ({date})"),
    "id_birth_future": ("出生日期 {date} 晚于今天", "contains a birth date in the future ({date})"),
    "id_birth_too_early": ("出生日期 {date} 过早", "contains an implausible birth date ({date})"),
    "id_checksum": ("校验码应为 {expected}，实为 {actual}，请核对号码", "check character should be {expected}, not {actual}; please recheck the number"),
    "id_region_unknown": ("地区码 {region} 未收录，请核对（仍可保存）", "region code {region} is not in the list; please check (can still be saved)"),
    "id_region_bad": ("地区码 {region} 无效", "region code {region} is invalid"),
    "id_duplicate": ("该身份证号已登记给志愿者 {name}（编号 {id}）", "is already registered to volunteer {name} (id {id})"),
    "birth_mismatch": ("与身份证号中的出生日期 {expected} 不一致", "does not match the birth date in the ID number ({expected})"),
    "gender_mismatch": ("与身份证号中的性别（{expected}）不一致", "does not match the gender in the ID number ({expected})"),
    "phone_invalid": ("不是有效的手机或固定电话号码", "is not a valid mobile or landline number"),
    "name_invalid": ("姓名只能包含汉字、字母、间隔号“·”", "may only contain Chinese characters, letters and the separator ·"),
    "photo_unreadable": ("无法读取图片：{detail}", "cannot read the image: {detail}"),
    "photo_too_small": ("图片太小（至少 {min_w}×{min_h} 像素）", "is too small (at least {min_w}×{min_h} pixels)"),
    "photo_too_large": ("图片文件超过 {max_mb} MB", "file is larger than {max_mb} MB"),
    "site_district_mismatch": ("不属于所选片区", "does not belong to the chosen district"),
    "building_site_mismatch": ("不属于所选场所", "does not belong to the chosen site"),
    "building_needs_compound": ("只有小区才有楼栋", "only residential compounds have buildings"),
    "zone_needs_market": ("只有市场才有市场片区", "only markets have zones"),
    "name_taken": ("“{name}”已存在", "“{name}” already exists"),
    "reason_required": ("请填写原因", "a reason is required"),
    "status_unchanged": ("状态已经是“{status}”", "the status is already “{status}”"),
    "demo_not_empty": (
        "数据库已有 {districts} 个片区，演示数据只能载入空数据库",
        "The database already has {districts} districts; demo data can only be loaded into an empty database",
    ),
    "out_of_range": ("应在 {low} 到 {high} 之间", "must be between {low} and {high}"),
    "joined_before_birth": ("不能早于出生日期", "cannot be before the birth date"),
    "has_history": ("有 {count} 条关联记录，不能删除", "has {count} linked records and cannot be removed"),
    "site_in_use": (
        "“{name}”不能删除：还有 {volunteers} 名志愿者、{heads} 条楼栋长/片区负责人记录",
        "“{name}” cannot be removed: {volunteers} volunteer(s) and {heads} head/lead record(s) refer to it",
    ),
    "place_in_use": (
        "“{name}”不能删除：还有 {volunteers} 名志愿者、{heads} 条负责人记录",
        "“{name}” cannot be removed: {volunteers} volunteer(s) and {heads} head/lead record(s) refer to it",
    ),
    "range_invalid": ("请按“1-24栋”的格式填写", "write it like “1-24栋”"),
    "range_too_long": ("一次最多 {max} 栋", "at most {max} buildings at once"),
    "already_head": ("已经是这里的负责人", "is already the head here"),
    "no_current_head": ("目前没有负责人", "there is no current head"),
    "before_current_head": ("不能早于现任负责人的起始日期 {date}", "cannot be before the current head's start {date}"),
    "head_other_site": ("不是“{site}”的志愿者", "is not a volunteer of “{site}”"),
    "head_not_active": ("志愿者状态为“{status}”，不能担任负责人", "is “{status_en}” and cannot be a head"),
    "before_joining": ("不能早于该志愿者的加入日期 {date}", "cannot be before the volunteer joined ({date})"),
    # volunteer ID cards
    "card_not_found": ("找不到证件 {card_no}", "No card numbered {card_no}"),
    "card_not_valid": ("该证件已是“{status}”状态", "the card is no longer valid ({status})"),
    "card_volunteer_inactive": ("{name} 不是在岗志愿者，不能发证", "{name} is not an active volunteer; no card can be issued"),
    "nothing_selected": ("所选范围内没有在岗志愿者", "no active volunteer in the selection"),
    "cancelled": ("已取消，未做任何更改", "Cancelled; nothing was changed"),
    "no_qr_found": ("图片中没有找到二维码", "no QR code found in the image"),
    **CASE_MESSAGES,
    **SAFETY_MESSAGES,
    **ACCOUNT_MESSAGES,
    **INPUT_MESSAGES,
    **STATS_MESSAGES,
    **IMPORT_MESSAGES,
    **ROTA_MESSAGES,
    **ACTIVITY_MESSAGES,
    **RECORD_MESSAGES,
    **POINTS_MESSAGES,
}

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("姓名", "Name"),
    "gender": ("性别", "Gender"),
    "id_number": ("身份证号", "ID number"),
    "birth_date": ("出生日期", "Birth date"),
    "phone": ("手机号", "Phone"),
    "address": ("住址", "Address"),
    "political_status": ("政治面貌", "Political status"),
    "background": ("人员类别", "Background"),
    "district_id": ("片区", "District"),
    "site_id": ("场所", "Site"),
    "building_id": ("楼栋", "Building"),
    "zone_id": ("市场片区", "Market zone"),
    "joined_on": ("加入日期", "Joined on"),
    "status": ("状态", "Status"),
    "status_since": ("状态起始日期", "Status since"),
    "in_wechat_group": ("警民联动微信群", "WeChat group"),
    "active": ("启用", "Active"),
    "status_date": ("变更日期", "Date of change"),
    "reason": ("原因", "Reason"),
    "skills": ("特长", "Skills"),
    "emergency_name": ("紧急联系人", "Emergency contact"),
    "emergency_phone": ("紧急联系电话", "Emergency phone"),
    "notes": ("备注", "Notes"),
    "photo": ("照片", "Photo"),
    "station_name": ("派出所名称", "Station name"),
    "officer_name": ("社区民警", "Community officer"),
    "officer_police_no": ("警号", "Police number"),
    "officer_phone": ("民警电话", "Officer phone"),
    "kind": ("场所类型", "Site kind"),
    "label": ("名称", "Label"),
    "record": ("记录", "Record"),
    "username": ("用户名", "User name"),
    "database": ("数据库位置", "Database location"),
    "display_name": ("姓名", "Display name"),
    "police_no": ("警号", "Police number"),
    "role": ("角色", "Role"),
    "password": ("密码", "Password"),
    "new_password": ("新密码", "New password"),
    "confirm_password": ("确认密码", "Confirm password"),
    "old_password": ("当前密码", "Current password"),
    "idle_minutes": ("闲置锁定（分钟）", "Idle lock (minutes)"),
    "card_no": ("证号", "Card number"),
    "image": ("图片", "Image"),
    "selection": ("打印范围", "Selection"),
    "layout": ("版式", "Layout"),
    "validity_years": ("有效期（年）", "Validity (years)"),
    "warn_days": ("到期提醒（天）", "Expiry warning (days)"),
    "title": ("证件标题", "Card title"),
    "duties": ("使用须知", "Duties"),
    "return_text": ("拾到归还说明", "Return text"),
    "offset_x_mm": ("正面横向偏移（毫米）", "Front offset x (mm)"),
    "offset_y_mm": ("正面纵向偏移（毫米）", "Front offset y (mm)"),
    "back_offset_x_mm": ("背面横向偏移（毫米）", "Back offset x (mm)"),
    "back_offset_y_mm": ("背面纵向偏移（毫米）", "Back offset y (mm)"),
    "purge_after_years": ("退出后保留年限", "Years kept after leaving"),
    "range": ("楼栋范围", "Range"),
    "units": ("单元数", "Units"),
    "households": ("户数", "Households"),
    "property_company": ("物业公司", "Property company"),
    "operator": ("经营单位", "Operator"),
    "contact_name": ("联系人", "Contact"),
    "contact_phone": ("联系电话", "Contact phone"),
    "org_type": ("单位类型", "Type"),
    "security_lead": ("安保负责人", "Security lead"),
    "volunteer_id": ("志愿者", "Volunteer"),
    "role_text": ("任职备注", "Note on the post"),
    "start_date": ("起始日期", "Start date"),
    "end_date": ("结束日期", "End date"),
    # what else the audit trail's changes name (settings keys, register fields)
    "station.name": ("派出所名称", "Station name"),
    "cards.title": ("证件标题", "Card title"),
    "cards.duties": ("使用须知", "Duties"),
    "cards.return_text": ("拾到归还说明", "Return text"),
    "incidents.prefix": ("警情编号前缀", "Incident number prefix"),
    "mediation.committee": ("人民调解委员会名称", "Mediation committee name"),
    "privacy.purge_after_years": ("退出后保留年限", "Years kept after leaving"),
    "card_nos": ("证件编号", "Card numbers"),
    "valid_until": ("有效期至", "Valid until"),
    "replaced_by": ("换发的新证", "Replaced by"),
    "head": ("负责人", "Head"),
    "labels": ("名称", "Labels"),
    "ids": ("记录编号", "Record ids"),
    "number": ("编号", "Number"),
    "caller_confidential": ("报警人信息保密", "Caller kept confidential"),
    "verified_at": ("核实时间", "Verified at"),
    "verified_by": ("核实人", "Verified by"),
    "transferred_at": ("移交时间", "Transferred at"),
    "feedback_at": ("反馈时间", "Feedback at"),
    **CASE_FIELD_LABELS,
    **SAFETY_FIELD_LABELS,
    **ACCOUNT_FIELD_LABELS,
    **INPUT_FIELD_LABELS,
    **STATS_FIELD_LABELS,
    **IMPORT_FIELD_LABELS,
    **ROTA_FIELD_LABELS,
    **ACTIVITY_FIELD_LABELS,
    **RECORD_FIELD_LABELS,
    **POINTS_FIELD_LABELS,
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang.startswith("zh") else pair[1]


def render(code: str, params: dict[str, Any], lang: str = "zh_CN") -> str:
    """Render a message code in the given language; unknown codes fall back to the code."""
    pair = MESSAGES.get(code)
    if pair is None:
        return code if not params else f"{code} {params}"
    try:
        return _pick(pair, lang).format(**params)
    except (KeyError, IndexError):
        return _pick(pair, lang)


def field_label(field: str, lang: str = "zh_CN") -> str:
    pair = FIELD_LABELS.get(field)
    return _pick(pair, lang) if pair else field
