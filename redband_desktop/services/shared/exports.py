"""What every export action returns: the workbook's bytes, how many rows it holds, and
whether personal numbers are in full (the audit trail records both); and the title row every
list's workbook starts with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Export:
    data: bytes
    rows: int
    full: bool


def export_title(station: str, what: str, filters: list[str], on: date) -> str:
    """The title row of a list's workbook: station, list, the filter applied, the date
    ("金家河派出所 志愿者花名册（状态：在岗）2026-11-28 导出")."""
    shown = f"（{'；'.join(filters)}）" if filters else "（全部）"
    return f"{station} {what}{shown} {on.isoformat()} 导出".strip()
