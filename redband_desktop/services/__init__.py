"""One module per capability. Each public method is one user action in one transaction,
returning frozen dataclasses (never live ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redband_desktop.db.engine import Database
from redband_desktop.db.migrate import migrate
from redband_desktop.services.backups import BackupService
from redband_desktop.services.roster import RosterService
from redband_desktop.services.setup import SetupService
from redband_desktop.services.station import StationService
from redband_desktop.services.stats import StatsService
from redband_desktop.services.structure import StructureService


@dataclass(frozen=True)
class Services:
    db: Database
    station: StationService
    structure: StructureService
    roster: RosterService
    stats: StatsService
    setup: SetupService
    backups: BackupService


def open_services(url: str, backups_dir: Path | None) -> Services:
    """Migrate the database at `url` (backing it up first) and build the services."""
    migrate(url, backups_dir)
    return build_services(Database(url), backups_dir)


def build_services(db: Database, backups_dir: Path | None = None) -> Services:
    station = StationService(db)
    return Services(
        db=db,
        station=station,
        setup=SetupService(db, station),
        structure=StructureService(db),
        roster=RosterService(db),
        stats=StatsService(db),
        backups=BackupService(db, backups_dir),
    )
