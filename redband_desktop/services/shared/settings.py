"""The station's key/value settings, read and written by every capability.

Settings are rows with JSON values, so a later capability adds a key without a migration.
`read_settings` fills in the defaults of keys never written.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Setting
from redband_desktop.documents.card_types import CARD_DEFAULTS

COMMITTEE_KEY = "mediation.committee"
DAYS_BACK_KEY = "rota.attendance_days_back"

DEFAULTS: dict[str, Any] = {
    "station.name": "",
    "station.initialised_at": None,
    "security.idle_minutes": 15,
    "privacy.purge_after_years": 3,
    COMMITTEE_KEY: "",  # name on mediation documents; "" means "<station>人民调解委员会"
    DAYS_BACK_KEY: 7,  # how many days after a shift its attendance may still be recorded
    "station.head": "",  # the station's head, named on service certificates
    "station.phone": "",  # the contact phone printed on service certificates
    "records.inactive_days": 90,  # no service for this many days: listed as inactive
    **CARD_DEFAULTS,
}


def read_settings(session: Session) -> dict[str, Any]:
    values = dict(DEFAULTS)
    for row in session.scalars(select(Setting)):
        values[row.key] = json.loads(row.value)
    return values


def write_setting(session: Session, key: str, value: Any) -> None:
    session.merge(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))
