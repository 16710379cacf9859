"""One module per capability. Each public method is one user action in one transaction,
returning frozen dataclasses (never live ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redband_desktop.db.engine import Database
from redband_desktop.db.migrate import migrate
from redband_desktop.services.access import AccessControl
from redband_desktop.services.accounts import AccountService
from redband_desktop.services.audit import AuditService
from redband_desktop.services.backups import BackupService
from redband_desktop.services.cards import CardService
from redband_desktop.services.clues import ClueService
from redband_desktop.services.coverage import CoverageService
from redband_desktop.services.exporting import ExportService
from redband_desktop.services.incidents import IncidentService
from redband_desktop.services.mediation import MediationService
from redband_desktop.services.places import PlacesService
from redband_desktop.services.privacy import PrivacyService
from redband_desktop.services.roster import RosterService
from redband_desktop.services.setup import SetupService
from redband_desktop.services.sites import SitesService
from redband_desktop.services.station import StationService
from redband_desktop.services.stats import StatsService
from redband_desktop.services.structure import StructureService


@dataclass(frozen=True)
class Services:
    db: Database
    access: AccessControl
    accounts: AccountService
    audit: AuditService
    station: StationService
    structure: StructureService
    roster: RosterService
    cards: CardService
    privacy: PrivacyService
    exports: ExportService
    stats: StatsService
    setup: SetupService
    backups: BackupService
    sites: SitesService
    places: PlacesService
    coverage: CoverageService
    mediation: MediationService
    incidents: IncidentService
    clues: ClueService


def open_services(url: str, backups_dir: Path | None) -> Services:
    """Migrate the database at `url` (backing it up first) and build the services."""
    migrate(url, backups_dir)
    return build_services(Database(url), backups_dir)


def build_services(db: Database, backups_dir: Path | None = None) -> Services:
    access = AccessControl()
    station = StationService(db, access)
    accounts = AccountService(db, access)
    return Services(
        db=db,
        access=access,
        station=station,
        accounts=accounts,
        audit=AuditService(db, access),
        setup=SetupService(db, station, accounts),
        structure=StructureService(db, access),
        roster=RosterService(db, access),
        cards=CardService(db, access),
        privacy=PrivacyService(db, access),
        exports=ExportService(db, access),
        stats=StatsService(db, access),
        backups=BackupService(db, access, backups_dir),
        sites=SitesService(db, access),
        places=PlacesService(db, access),
        coverage=CoverageService(db, access),
        mediation=MediationService(db, access),
        incidents=IncidentService(db, access),
        clues=ClueService(db, access),
    )
