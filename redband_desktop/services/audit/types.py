"""What the audit trail page and `redband` read: one entry, and the filter of a search."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    host: str
    action: str
    entity: str
    entity_id: str
    summary: str
    changes: dict[str, list[Any]]


@dataclass(frozen=True)
class AuditFilter:
    username: str = ""
    action: str = ""
    entity: str = ""
    entity_id: str = ""
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""
