"""The station settings as the window and the commands read them."""

from __future__ import annotations

from dataclasses import dataclass

from redband_desktop.domain.incidents import DEFAULT_PREFIX


@dataclass(frozen=True)
class StationSettings:
    name: str
    initialised_at: str | None
    idle_minutes: int = 15
    purge_after_years: int = 3
    incident_prefix: str = DEFAULT_PREFIX
    committee: str = ""  # mediation committee's own name; "" = "<station>人民调解委员会"
    attendance_days_back: int = 7  # days after a shift its attendance may still be recorded
    head: str = ""  # the station's head, on service certificates
    phone: str = ""  # the contact phone on service certificates
    inactive_days: int = 90  # no service for this many days: an inactive volunteer

    @property
    def initialised(self) -> bool:
        return bool(self.name)

    @property
    def suggested_committee(self) -> str:
        return default_committee(self.name)


def default_committee(station_name: str) -> str:
    """What mediation documents print while the committee's own name is not set."""
    return f"{station_name}人民调解委员会"
