"""The command line in the language asked for (`--lang`, Chinese by default): its help,
argparse's own words ("usage:", "options", "error:") and the verdicts it prints.

The commands write their help in English where they are declared; `localize` puts the
Chinese in when the parser is built for zh_CN, from HELP_ZH. A help text without a
Chinese entry is a gap the test suite reports (tests/unit/test_cli_language.py), so a new
command cannot slip in half in English.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence

HELP_ZH = {
    "红袖标 Desktop — 治安志愿者管理 (volunteer management for a police station)": "红袖标 Desktop — 治安志愿者管理",
    "database file or SQLAlchemy URL (default: the per-user data folder)":
        "数据库文件或 SQLAlchemy 连接地址（默认：本用户的数据文件夹）",
    "language (default zh_CN)": "界面语言（默认 zh_CN）",
    "sign in as this user (default: $REDBAND_USER); the password comes from $REDBAND_PASSWORD or a prompt. "
    "Needed by commands that change or export data":
        "以此用户登录（默认取 $REDBAND_USER）；密码取自 $REDBAND_PASSWORD 或提示输入。修改或导出数据的命令需要登录",
    "show program's version number and exit": "显示版本号并退出",
    "show this help message and exit": "显示本帮助并退出",
    "open the window (default)": "打开程序窗口（默认）",
    # duty.py
    "the duty rota: service hours, the week's rota as PDF or Excel": "排班：服务时长、一周排班表（PDF 或 Excel）",
    "write the week's rota (排班表) as PDF or Excel": "生成一周排班表（PDF 或 Excel）",
    "any day of the week (YYYY-MM-DD; default: today)": "该周的任一天（YYYY-MM-DD；默认：今天）",
    "the places of this district only": "只含此片区的场所",
    "this site only": "只含此场所",
    "shifts of this duty type only (patrol, info_warning, clue_reporting, order_keeping, daily_duty, other)":
        "只含此类型的班次（patrol 巡逻防范、info_warning 信息预警、clue_reporting 线索上报、"
        "order_keeping 秩序维护、daily_duty 日常值守、other 其他）",
    "service hours per volunteer from attendance, most first": "按考勤统计每名志愿者的服务时长，从多到少",
    "first day (YYYY-MM-DD; default: 1 January of this year)": "起始日期（YYYY-MM-DD；默认：今年 1 月 1 日）",
    "last day (YYYY-MM-DD; default: today)": "截止日期（YYYY-MM-DD；默认：今天）",
    "shifts of this district only": "只统计此片区的班次",
    # records.py
    "issue a volunteer service certificate (志愿服务证明) as PDF": "出具志愿服务证明（PDF）",
    "the volunteer number (志愿者编号)": "志愿者编号",
    "first day of the period (YYYY-MM-DD)": "服务期间的第一天（YYYY-MM-DD）",
    "last day of the period (YYYY-MM-DD)": "服务期间的最后一天（YYYY-MM-DD）",
    "the PDF file to write": "要写入的 PDF 文件",
    "a volunteer's service record (志愿服务记录)": "志愿者的志愿服务记录",
    "the ranking of service hours (shifts and activities, overlaps once)":
        "志愿服务时长排名（值班与活动，重叠时间只计一次）",
    "volunteers of this district only": "只含此片区的志愿者",
    # points.py
    "a volunteer's points: the balance, the entries and the prizes exchanged":
        "志愿者积分：余额、每条积分来源及已兑换的奖品",
    # station.py
    "create the station database (first run, without the window)": "创建本所数据库（不打开窗口的首次设置）",
    "station name (default with --demo: 金家河派出所)": "派出所名称（与 --demo 同用时默认：金家河派出所）",
    "load the demonstration station (1,220 volunteers, 1,100-odd of them active)":
        "载入演示派出所（1,220 名志愿者，在岗 1,100 余名）",
    "create the first administrator (password from $REDBAND_PASSWORD or a prompt)":
        "创建首个管理员（密码取自 $REDBAND_PASSWORD 或提示输入）",
    "print station statistics (default: the year to date, year on year)": "输出本所统计（默认：今年以来，同比）",
    "write the 治安成绩单 (statistics report) as PDF or Excel": "生成治安成绩单（PDF 或 Excel）",
    "FILE.pdf or FILE.xlsx": "FILE.pdf 或 FILE.xlsx",
    "first day of the period, by date of occurrence (YYYY-MM-DD; default 1 January)":
        "统计时段第一天，按发案时间（YYYY-MM-DD；默认 1 月 1 日）",
    "last day of the period, included (YYYY-MM-DD; default today)": "统计时段最后一天，含当天（YYYY-MM-DD；默认今天）",
    "yoy: the same dates a year earlier (同比, default); pop: the period just before (环比)":
        "yoy：去年同期（同比，默认）；pop：紧邻的上一时段（环比）",
    "machine-readable JSON": "输出 JSON，供程序读取",
    "export a list to Excel (personal numbers masked unless --full)": "把名单导出为 Excel（除非 --full，证件号和电话打码）",
    "which list": "导出哪个名单",
    "the .xlsx file to write": "要写入的 .xlsx 文件",
    "full ID numbers and phones (roles allowed only)": "完整的身份证号和电话（仅限有权限的角色）",
    "only this status": "只导出此状态",
    "incidents, clues: received / reported on or after this date (YYYY-MM-DD)":
        "警情、线索：接报／上报日期不早于此日（YYYY-MM-DD）",
    "incidents, clues: received / reported on or before this date (YYYY-MM-DD)":
        "警情、线索：接报／上报日期不晚于此日（YYYY-MM-DD）",
    # data.py
    "make a verified backup now": "立即备份并校验",
    "write the backup to FILE (e.g. on a USB stick), encrypted with a passphrase from $REDBAND_BACKUP_PASSPHRASE "
    "or typed twice on the terminal":
        "把备份写到 FILE（如 U 盘），用口令加密：口令取自 $REDBAND_BACKUP_PASSPHRASE，或在终端输入两次",
    "replace the database with a backup file": "用备份文件替换数据库",
    "the backup file to restore": "要恢复的备份文件",
    "do not ask for confirmation": "不再询问确认",
    "check the database (exit status 1 when something is wrong)": "检查数据库（发现问题时退出码为 1）",
    # cards.py
    "volunteer ID cards: print, revoke, list": "志愿者证：打印、注销、列出",
    "issue missing cards and write a print-ready PDF": "补发缺少的证件并生成可打印的 PDF",
    "every active volunteer (default)": "全部在岗志愿者（默认）",
    "the active volunteers of one district": "某一片区的在岗志愿者",
    "the active volunteers of one site": "某一场所的在岗志愿者",
    "active volunteers without a valid card": "尚无有效证件的在岗志愿者",
    "cards running out within DAYS": "DAYS 天内到期的证件",
    "volunteer ids, comma-separated": "志愿者编号，用逗号分隔",
    "A4 sheet 2×5 or one card a page": "A4 纸每张 2×5 张证，或每页一张证",
    "first free slot (1–10) on the first A4 sheet": "第一张 A4 纸上第一个空位（1–10）",
    "the PDF to write": "要写入的 PDF 文件",
    "revoke a card (or record it lost with --lost)": "注销证件（加 --lost 记为挂失）",
    "card number, e.g. 2026-00042": "证件编号，如 2026-00042",
    "why (kept in the register)": "原因（记入证件登记簿）",
    "the card was reported lost": "证件已挂失",
    "the card register": "证件登记簿",
    "check a scanned card QR text": "核验扫描得到的证件二维码文字",
    "the QR text, e.g. RB1:…": "二维码文字，如 RB1:…",
    "print (or save) the station's public key": "输出（或保存）本所的公钥",
    "write the PEM file here": "把 PEM 文件写到此处",
    # users.py
    "station accounts (administrators): add, list, disable, reset a password": "本所账号（管理员）：添加、列出、停用、重置密码",
    "add an account (password from $REDBAND_NEW_PASSWORD or a prompt)": "添加账号（密码取自 $REDBAND_NEW_PASSWORD 或提示输入）",
    "user name: letters, digits, underscores, 3–40": "用户名：字母、数字、下划线，3–40 个字符",
    "name shown in the window (default: NAME)": "窗口中显示的姓名（默认同用户名）",
    "the account's role": "账号角色",
    "district id (required for an officer)": "片区编号（社区民警必填）",
    "every account with its role and state": "列出全部账号及其角色和状态",
    "deactivate an account (it loses its rights at once)": "停用账号（立即失去全部权限）",
    "set a new password (from $REDBAND_NEW_PASSWORD or a prompt)": "设置新密码（取自 $REDBAND_NEW_PASSWORD 或提示输入）",
    # self_test.py
    "check this installation (Qt, font, printing, every page)": "检查本机安装（Qt、字体、打印、每个页面）",
    "also save a picture of the window": "同时保存一张窗口截图",
    # importing.py
    "import a sheet (.xlsx, .xls, .et, .ods, .csv) of volunteers or building heads":
        "导入表格（.xlsx、.xls、.et、.ods、.csv）：志愿者花名册或楼栋长名单",
    "roster: volunteers; heads: building heads and zone leads": "roster：志愿者；heads：楼栋长和市场片区负责人",
    "the sheet file": "表格文件",
    "the worksheet (default: the first with data)": "工作表（默认：第一个有数据的工作表）",
    'columns by header, as the wizard saves them: {"columns": {"name": "姓名", …}, "defaults": {…}}':
        '按表头对应的列，与导入向导保存的格式相同：{"columns": {"name": "姓名", …}, "defaults": {…}}',
    "create districts, sites, buildings and zones the sheet names that do not exist yet":
        "新建表格中出现但尚不存在的片区、场所、楼栋和市场片区",
    "check every row and write nothing": "检查每一行，不写入任何内容",
    "which list (heads: buildings and zones with their heads)": "导出哪个名单（heads：楼栋、市场片区及负责人）",
}

# argparse's own words (Python 3.11–3.13), looked up through its module-level `_`
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少以下参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "not allowed with argument %s": "不能与参数 %s 同用",
    "ambiguous option: %(option)s could match %(matches)s": "选项不明确：%(option)s 可能是 %(matches)s",
}

VERDICTS = {"ok": ("正常", "ok"), "failed": ("有问题", "FAILED"), "skipped": ("未检查", "skipped")}
CHECK_NAMES = {
    "integrity": ("数据库完整性", "integrity"), "foreign_keys": ("记录之间的关联", "foreign_keys"),
    "schema": ("数据库结构版本", "schema"), "audit_chain": ("审计日志哈希链", "audit_chain"),
    "audit_triggers": ("审计日志防篡改触发器", "audit_triggers"),
    "audit_anchors": ("审计日志与备份、见证文件比对", "audit_anchors"),
}


def say(lang: str, zh: str, en: str) -> str:
    return zh if lang.startswith("zh") else en


def language_of(argv: Sequence[str]) -> str:
    """The --lang given on the command line (before the parser exists to read it)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "zh_CN"


def use_language(lang: str) -> None:
    """argparse's own words in `lang`: before a parser is built (its group titles are
    fixed then) and for the messages it prints."""
    zh = lang.startswith("zh")
    argparse._ = (lambda text: _ARGPARSE_ZH.get(text, text)) if zh else (lambda text: text)  # type: ignore[attr-defined]


def localize(parser: argparse.ArgumentParser, lang: str) -> argparse.ArgumentParser:
    """Put the Chinese help in for zh_CN (English as written)."""
    if lang.startswith("zh"):
        for holder in helped(parser):
            holder.help = HELP_ZH.get(holder.help, holder.help)
        for p in parsers(parser):
            p.description = HELP_ZH.get(p.description, p.description) if p.description else p.description
    return parser


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:  # noqa: SLF001 - argparse has no public walk
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for child in dict.fromkeys(action.choices.values()):
                yield from parsers(child)


def helped(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    """Every option, argument and command of `parser` that has a help text."""
    for p in parsers(parser):
        for action in p._actions:  # noqa: SLF001
            if action.help and action.help is not argparse.SUPPRESS:
                yield action
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                yield from (a for a in action._choices_actions if a.help)  # noqa: SLF001
