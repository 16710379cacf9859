"""Which column holds what: the fields each kind of import reads, the words sheets use for
them (Chinese and English), finding the header row below title rows, and a first guess at
the mapping that the user then confirms or corrects.

Pure: headers in, a `Mapping` out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from redband_desktop.services.importing.types import ImportKind, Mapping

# field -> the words a header may use for it, most usual first
ROSTER_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "志愿者姓名", "name"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证", "id number", "id_number"),
    "phone": ("联系电话", "手机", "手机号", "手机号码", "电话", "联系方式", "电话号码", "phone", "mobile"),
    "gender": ("性别", "gender", "sex"),
    "birth_date": ("出生日期", "出生年月日", "出生年月", "birth date"),
    "district": ("所属片区", "片区", "社区", "辖区", "district"),
    "site_kind": ("场所类型", "单位类型", "site kind"),
    "site": ("小区/单位", "小区", "单位", "场所", "所在单位", "所在小区", "所在场所", "site"),
    "building": ("楼栋/市场片区", "楼栋", "楼号", "楼栋号", "市场片区", "区域", "building", "zone"),
    "background": ("人员类别", "类别", "人员身份", "身份", "background"),
    "political_status": ("政治面貌", "political status"),
    "joined_on": ("加入时间", "入队时间", "登记日期", "加入日期", "入队日期", "登记时间", "joined on", "joined"),
    "address": ("住址", "家庭住址", "现住址", "居住地址", "地址", "address"),
    "emergency_name": ("紧急联系人", "emergency contact"),
    "emergency_phone": ("紧急联系电话", "紧急联系人电话", "emergency phone"),
    "in_wechat_group": ("警民联动微信群", "微信群", "是否入群", "wechat group"),
    "notes": ("备注", "notes"),
}
HEAD_FIELDS: dict[str, tuple[str, ...]] = {
    "site": ROSTER_FIELDS["site"],
    "building": ROSTER_FIELDS["building"],
    "head_name": ("楼栋长", "楼栋长姓名", "负责人", "负责人姓名", "姓名", "head", "name"),
    "id_number": ROSTER_FIELDS["id_number"],
    "start_date": ("起始日期", "开始日期", "任职日期", "任职时间", "起始时间", "上任日期", "start date", "start"),
    "role_text": ("任职备注", "备注", "note"),
}
FIELDS = {ImportKind.ROSTER: ROSTER_FIELDS, ImportKind.HEADS: HEAD_FIELDS}
# Without these a row cannot be read at all; the mapping step says so before previewing.
NEEDED = {ImportKind.ROSTER: ("name", "id_number"), ImportKind.HEADS: ("site", "building", "start_date")}
# Fields a whole import may take one value for when the sheet has no column.
DEFAULTABLE = ("background", "political_status", "joined_on")
SEARCH_ROWS = 30
_NOISE = re.compile(r"[\s*＊:：]|[（(][^）)]*[）)]")


def header_key(text: Any) -> str:
    """A header as compared: full-width folded, no spaces, stars or bracketed notes
    ("身份证号码（必填）" → "身份证号码"), lower-case."""
    folded = unicodedata.normalize("NFKC", str(text or ""))
    return _NOISE.sub("", folded).lower()


def field_for(header: Any, fields: dict[str, tuple[str, ...]]) -> str | None:
    """The field a header names: an exact word first, else the longest word it contains
    ("志愿者联系电话" → phone, while "紧急联系电话" is its own field)."""
    key = header_key(header)
    if not key:
        return None
    for name, words in fields.items():
        if key in (header_key(w) for w in words):
            return name
    best, length = None, 1  # one-character words never match inside a longer header
    for name, words in fields.items():
        for w in words:
            wk = header_key(w)
            if len(wk) > length and wk in key:
                best, length = name, len(wk)
    return best


def find_header_row(rows: Sequence[Sequence[Any]], kind: ImportKind) -> int:
    """The index of the row naming the most known fields among the first rows (title
    rows and merged cells above it name one or none)."""
    fields = FIELDS[kind]
    best, score = 0, 0
    for i, row in enumerate(rows[:SEARCH_ROWS]):
        found = {f for f in (field_for(c, fields) for c in row) if f}
        if len(found) > score:
            best, score = i, len(found)
    return best


def guess_mapping(rows: Sequence[Sequence[Any]], kind: ImportKind, header_row: int | None = None) -> Mapping:
    """The header row and, for each field, the first column whose header names it."""
    row_index = find_header_row(rows, kind) if header_row is None else header_row
    headers = rows[row_index] if rows else ()
    columns: dict[str, int] = {}
    for i, header in enumerate(headers):
        name = field_for(header, FIELDS[kind])
        if name and name not in columns:
            columns[name] = i
    # the volunteer dialog's own default, shown in the mapping step where it can be changed
    defaults = {"political_status": "masses"} if kind is ImportKind.ROSTER and "political_status" not in columns else {}
    return Mapping(row_index, columns, defaults)


def mapping_from_json(data: dict[str, Any], headers: Sequence[Any], header_row: int) -> Mapping:
    """A saved mapping (field → header text) applied to this sheet's headers; a header the
    sheet lacks leaves its field unmapped."""
    keys = [header_key(h) for h in headers]
    columns = {}
    for name, header in (data.get("columns") or {}).items():
        if header_key(header) in keys:
            columns[str(name)] = keys.index(header_key(header))
    defaults = {str(k): str(v) for k, v in (data.get("defaults") or {}).items() if k in DEFAULTABLE}
    return Mapping(header_row, columns, defaults)


def missing_fields(mapping: Mapping, kind: ImportKind) -> list[str]:
    """Needed fields with neither a column nor a default."""
    missing = [f for f in NEEDED[kind] if f not in mapping.columns and f not in mapping.defaults]
    if kind is ImportKind.HEADS and not {"head_name", "id_number"} & set(mapping.columns):
        missing.append("head_name")  # a head is found by ID number or by name
    return missing
