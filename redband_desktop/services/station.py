"""Station settings: the station's name and the values other capabilities read.

Settings are key/value rows with JSON values, so a later capability adds a key without a
migration. Reading returns a frozen `StationSettings` with defaults filled in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.engine import Database
from redband_desktop.db.models import Setting
from redband_desktop.db.models.base import now
from redband_desktop.errors import DatabaseError, ValidationError

DEFAULTS: dict[str, Any] = {
    "station.name": "",
    "station.initialised_at": None,
}


@dataclass(frozen=True)
class StationSettings:
    name: str
    initialised_at: str | None

    @property
    def initialised(self) -> bool:
        return bool(self.name)


def read_settings(session: Session) -> dict[str, Any]:
    values = dict(DEFAULTS)
    for row in session.scalars(select(Setting)):
        values[row.key] = json.loads(row.value)
    return values


def write_setting(session: Session, key: str, value: Any) -> None:
    session.merge(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))


class StationService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def settings(self) -> StationSettings:
        with self._db.read() as s:
            v = read_settings(s)
        return StationSettings(name=v["station.name"], initialised_at=v["station.initialised_at"])

    def initialise(self, station_name: str) -> StationSettings:
        """First run: name the station. Refused when the database is already set up."""
        name = check_station_name(station_name)
        with self._db.write() as s:
            current = read_settings(s)
            if current["station.name"]:
                raise DatabaseError(
                    "db_already_initialised", path=self._db.url, station=current["station.name"]
                )
            write_setting(s, "station.name", name)
            write_setting(s, "station.initialised_at", now().isoformat(sep=" "))
        return self.settings()

    def rename(self, station_name: str) -> StationSettings:
        name = check_station_name(station_name)
        with self._db.write() as s:
            write_setting(s, "station.name", name)
        return self.settings()


def check_station_name(raw: str) -> str:
    name = " ".join((raw or "").split())
    if not name:
        raise ValidationError.single("station_name", "required")
    if len(name) > 40:
        raise ValidationError.single("station_name", "too_long", max=40)
    return name
