"""First run: name the station and, if asked, load the demonstration station.

The demo is loaded before the station is marked as set up, so a failed load leaves a
database that still offers the first-run dialog instead of a half-filled station.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from redband_desktop.db.engine import Database
from redband_desktop.services.station import StationService, StationSettings, check_station_name


@dataclass(frozen=True)
class SetupResult:
    station: StationSettings
    demo_volunteers: int


class SetupService:
    def __init__(self, db: Database, station: StationService) -> None:
        self._db = db
        self._station = station

    def is_done(self) -> bool:
        return self._station.settings().initialised

    def first_run(self, station_name: str, with_demo: bool, today: date | None = None) -> SetupResult:
        check_station_name(station_name)
        volunteers = 0
        if with_demo:
            from redband_desktop.services.demo import load_demo

            volunteers = load_demo(self._db, today=today).volunteers
        return SetupResult(self._station.initialise(station_name), volunteers)
