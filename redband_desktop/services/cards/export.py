"""The card register as a workbook: one row per card, with its status as the register
shows it (an expired valid card says 已过期)."""

from __future__ import annotations

from typing import Any

from redband_desktop.services.cards.types import CardFilter, CardRow

CARD_HEADERS = ("证号", "姓名", "片区", "场所", "职务", "发证日期", "有效期至", "状态", "变更日期", "原因",
                "换发为", "打印次数")
_SHOWN = {"valid": "有效", "expired": "已过期", "revoked": "已注销", "lost": "已挂失", "replaced": "已换发"}


def card_cells(rows: list[CardRow]) -> list[list[Any]]:
    return [[r.card_no, r.name, r.district, r.site, r.role, r.issued_on, r.valid_until, _SHOWN[r.shown_status],
             r.changed_on, r.reason, r.replaced_by, r.printed_count] for r in rows]


def card_filter_words(f: CardFilter, district: str, site: str) -> list[str]:
    words = [f"搜索：{f.text.strip()}"] if f.text.strip() else []
    words += [f"片区：{district}"] if district else []
    words += [f"场所：{site}"] if site else []
    if f.status == "expiring":
        words.append(f"状态：{f.expiring_days}天内到期")
    elif f.status:
        words.append(f"状态：{_SHOWN.get(f.status, f.status)}")
    return words
