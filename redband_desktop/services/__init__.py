"""The services: one package per capability (roster/, sites/, incidents/, clues/,
mediation/, cards/, rota/, activities/, records/, points/, accounts/, audit/, backups/, station/, stats/, importing/), each with the same
inner names — service.py (the user actions), query.py (reads), rules.py (checks),
types.py (the dataclasses it takes and returns), export.py — and shared/ for what every
capability uses (access, audit log, settings, text and version rules). Each public
method is one user action in one transaction, returning frozen dataclasses (never live
ORM objects). `Services` holds one of each, built once by `build_services`; the window
and the commands open a station through `opening.open_station`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redband_desktop.db.engine import Database
from redband_desktop.services.accounts.service import AccountService
from redband_desktop.services.activities.service import ActivityService
from redband_desktop.services.audit.service import AuditService
from redband_desktop.services.backups.service import BackupService
from redband_desktop.services.cards.service import CardService
from redband_desktop.services.clues.service import ClueService
from redband_desktop.services.coverage.service import CoverageService
from redband_desktop.services.importing.service import ImportService
from redband_desktop.services.incidents.service import IncidentService
from redband_desktop.services.mediation.service import MediationService
from redband_desktop.services.points.service import PointsService
from redband_desktop.services.records.service import RecordsService
from redband_desktop.services.roster.privacy import PrivacyService
from redband_desktop.services.roster.service import RosterService
from redband_desktop.services.rota.service import RotaService
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.changes import ChangeFeed
from redband_desktop.services.sites.places import PlacesService
from redband_desktop.services.sites.service import SitesService
from redband_desktop.services.sites.structure import StructureService
from redband_desktop.services.station.service import StationService
from redband_desktop.services.station.setup import SetupService
from redband_desktop.services.stats.service import StatsService


@dataclass(frozen=True)
class Services:
    db: Database
    access: AccessControl
    changes: ChangeFeed
    accounts: AccountService
    audit: AuditService
    station: StationService
    structure: StructureService
    roster: RosterService
    cards: CardService
    privacy: PrivacyService
    stats: StatsService
    setup: SetupService
    backups: BackupService
    sites: SitesService
    places: PlacesService
    coverage: CoverageService
    mediation: MediationService
    incidents: IncidentService
    clues: ClueService
    importer: ImportService
    rota: RotaService
    activities: ActivityService
    records: RecordsService
    points: PointsService


def build_services(db: Database, backups_dir: Path | None = None) -> Services:
    access = AccessControl()
    changes = ChangeFeed(db)
    station = StationService(db, access)
    accounts = AccountService(db, access)
    coverage = CoverageService(db, access)
    mediation = MediationService(db, access)
    clues = ClueService(db, access)
    rota = RotaService(db, access)
    records = RecordsService(db, access)
    backups = BackupService(db, access, backups_dir, changes)
    return Services(
        db=db,
        access=access,
        changes=changes,
        station=station,
        accounts=accounts,
        audit=AuditService(db, access, backups.anchors if backups.available else None),
        setup=SetupService(db, station, accounts),
        structure=StructureService(db, access),
        roster=RosterService(db, access),
        cards=CardService(db, access),
        privacy=PrivacyService(db, access),
        stats=StatsService(db, access, coverage, clues, mediation, rota, records),
        backups=backups,
        sites=SitesService(db, access),
        places=PlacesService(db, access),
        coverage=coverage,
        mediation=mediation,
        incidents=IncidentService(db, access),
        clues=clues,
        importer=ImportService(db, access),
        rota=rota,
        activities=ActivityService(db, access),
        records=records,
        points=PointsService(db, access),
    )
