"""The services: one package per capability (roster/, sites/, incidents/, clues/,
mediation/, cards/, rota/, activities/, records/, points/, accounts/, audit/, backups/, station/, stats/, importing/), each with the same
inner names — service.py (the user actions), query.py (reads), rules.py (checks),
types.py (the dataclasses it takes and returns), export.py — and shared/ for what every
capability uses (access, audit log, settings, text and version rules). Each public
method is one user action in one transaction, returning frozen dataclasses (never live
ORM objects). `Services` holds one of each, each built (and its modules imported) the
first time it is asked for, then kept: a window that opens on the home page does not pay
for the importer, the rota or the audit trail at start-up. `build_services` makes it; the
window and the commands open a station through `opening.open_station`."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from redband_desktop.db.engine import Database
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.changes import ChangeFeed

if TYPE_CHECKING:
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
    from redband_desktop.services.sites.places import PlacesService
    from redband_desktop.services.sites.service import SitesService
    from redband_desktop.services.sites.structure import StructureService
    from redband_desktop.services.station.service import StationService
    from redband_desktop.services.station.setup import SetupService
    from redband_desktop.services.stats.service import StatsService

T = TypeVar("T")


def _once(build: Callable[[Services], T]) -> property:
    """A service built on first use and kept (under a lock: a worker thread may be first)."""
    name = build.__name__

    def get(self: Services) -> T:
        with self._lock:
            if name not in self._built:
                self._built[name] = build(self)
            return self._built[name]
    return property(get, doc=build.__doc__)


class Services:
    def __init__(self, db: Database, backups_dir: Path | None = None) -> None:
        self.db = db
        self.access = AccessControl()
        self.changes = ChangeFeed(db)
        self._backups_dir = backups_dir
        self._lock = threading.RLock()  # a service's builder may ask for another
        self._built: dict[str, object] = {}

    @_once
    def accounts(self) -> AccountService:
        from redband_desktop.services.accounts.service import AccountService
        return AccountService(self.db, self.access)

    @_once
    def station(self) -> StationService:
        from redband_desktop.services.station.service import StationService
        return StationService(self.db, self.access)

    @_once
    def setup(self) -> SetupService:
        from redband_desktop.services.station.setup import SetupService
        return SetupService(self.db, self.station, self.accounts)

    @_once
    def backups(self) -> BackupService:
        from redband_desktop.services.backups.service import BackupService
        return BackupService(self.db, self.access, self._backups_dir, self.changes)

    @_once
    def audit(self) -> AuditService:
        from redband_desktop.services.audit.service import AuditService
        backups = self.backups
        return AuditService(self.db, self.access, backups.anchors if backups.available else None)

    @_once
    def structure(self) -> StructureService:
        from redband_desktop.services.sites.structure import StructureService
        return StructureService(self.db, self.access)

    @_once
    def roster(self) -> RosterService:
        from redband_desktop.services.roster.service import RosterService
        return RosterService(self.db, self.access)

    @_once
    def cards(self) -> CardService:
        from redband_desktop.services.cards.service import CardService
        return CardService(self.db, self.access)

    @_once
    def privacy(self) -> PrivacyService:
        from redband_desktop.services.roster.privacy import PrivacyService
        return PrivacyService(self.db, self.access)

    @_once
    def stats(self) -> StatsService:
        from redband_desktop.services.stats.service import StatsService
        return StatsService(self.db, self.access, self)

    @_once
    def sites(self) -> SitesService:
        from redband_desktop.services.sites.service import SitesService
        return SitesService(self.db, self.access)

    @_once
    def places(self) -> PlacesService:
        from redband_desktop.services.sites.places import PlacesService
        return PlacesService(self.db, self.access)

    @_once
    def coverage(self) -> CoverageService:
        from redband_desktop.services.coverage.service import CoverageService
        return CoverageService(self.db, self.access)

    @_once
    def mediation(self) -> MediationService:
        from redband_desktop.services.mediation.service import MediationService
        return MediationService(self.db, self.access)

    @_once
    def incidents(self) -> IncidentService:
        from redband_desktop.services.incidents.service import IncidentService
        return IncidentService(self.db, self.access)

    @_once
    def clues(self) -> ClueService:
        from redband_desktop.services.clues.service import ClueService
        return ClueService(self.db, self.access)

    @_once
    def importer(self) -> ImportService:
        from redband_desktop.services.importing.service import ImportService
        return ImportService(self.db, self.access)

    @_once
    def rota(self) -> RotaService:
        from redband_desktop.services.rota.service import RotaService
        return RotaService(self.db, self.access)

    @_once
    def activities(self) -> ActivityService:
        from redband_desktop.services.activities.service import ActivityService
        return ActivityService(self.db, self.access)

    @_once
    def records(self) -> RecordsService:
        from redband_desktop.services.records.service import RecordsService
        return RecordsService(self.db, self.access)

    @_once
    def points(self) -> PointsService:
        from redband_desktop.services.points.service import PointsService
        return PointsService(self.db, self.access)


def build_services(db: Database, backups_dir: Path | None = None) -> Services:
    return Services(db, backups_dir)
