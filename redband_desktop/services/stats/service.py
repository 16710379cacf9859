"""Station statistics, as the dashboard and `redband stats --json` report them.

Keys are stable codes (status and site-kind codes, district names) so scripts can read
them; later capabilities add their own top-level keys beside `volunteers`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from redband_desktop.db.engine import Database
from redband_desktop.db.models import District, Site, Volunteer
from redband_desktop.db.models.incidents import Incident
from redband_desktop.domain.access import Action
from redband_desktop.domain.enums import Background, SiteKind, VolunteerStatus
from redband_desktop.domain.incidents import IncidentCategory
from redband_desktop.services.shared.access import AccessControl

if TYPE_CHECKING:  # the services whose figures the report gathers, handed in by build_services
    from redband_desktop.services.clues.service import ClueService
    from redband_desktop.services.coverage.service import CoverageService
    from redband_desktop.services.mediation.service import MediationService
    from redband_desktop.services.rota.service import RotaService


class StatsService:
    def __init__(self, db: Database, access: AccessControl, coverage: CoverageService, clues: ClueService,
                 mediation: MediationService, rota: RotaService) -> None:
        self._db = db
        self._access = access
        self._coverage, self._clues, self._mediation, self._rota = coverage, clues, mediation, rota

    def volunteers(self) -> dict[str, Any]:
        self._access.require(Action.STATS)
        with self._db.read() as s:
            by_status = dict(
                s.execute(select(Volunteer.status, func.count()).group_by(Volunteer.status)).all()
            )
            by_background = dict(
                s.execute(
                    select(Volunteer.background, func.count()).group_by(Volunteer.background)
                ).all()
            )
            by_kind = dict(
                s.execute(select(Site.kind, func.count()).join(Volunteer).group_by(Site.kind)).all()
            )
            district_counts = s.execute(
                select(District.name, func.count(Volunteer.id))
                .select_from(District)
                .outerjoin(Site, Site.district_id == District.id)
                .outerjoin(Volunteer, Volunteer.site_id == Site.id)
                .group_by(District.id, District.name)
                .order_by(District.sort_order, District.id)
            ).all()
        return {
            "total": sum(by_status.values()),
            "by_district": {name: n for name, n in district_counts},
            "by_site_kind": {k.value: by_kind.get(k.value, 0) for k in SiteKind},
            "by_status": {k.value: by_status.get(k.value, 0) for k in VolunteerStatus},
            "by_background": {k.value: by_background.get(k.value, 0) for k in Background},
        }

    def report(self) -> dict[str, Any]:
        """Everything `redband stats` prints."""
        return {"volunteers": self.volunteers(), "coverage": self._coverage.figures(),
                "incidents": self.incidents(), "clues": self._clues.figures(),
                "mediation": self._mediation.figures(), "duty": self._rota.figures()}

    def incidents(self) -> dict[str, Any]:
        self._access.require(Action.STATS)
        with self._db.read() as s:
            year = (func.strftime("%Y", Incident.received_at) if s.bind.dialect.name == "sqlite"
                    else func.extract("year", Incident.received_at))
            counts = s.execute(
                select(Incident.category, year, func.count()).group_by(Incident.category, year)
            ).all()
        by_category = {c.value: 0 for c in IncidentCategory}
        by_year: dict[str, int] = {}
        for category, year, n in counts:
            by_category[category] = by_category.get(category, 0) + n
            by_year[str(int(year))] = by_year.get(str(int(year)), 0) + n
        return {"total": sum(by_category.values()), "by_category": by_category, "by_year": dict(sorted(by_year.items()))}
