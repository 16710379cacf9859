"""What every export action returns: the workbook's bytes, how many rows it holds, and
whether personal numbers are in full (the audit trail records both)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Export:
    data: bytes
    rows: int
    full: bool
