"""Coverage of buildings and market zones by active heads and leads (定点见红).

Loads the facts (`shared.coverage`) and hands them to the pure rules in
`domain.coverage`; a head whose ID card has lapsed (expired, revoked, lost) leaves a gap.
The coverage table can be exported to Excel; the export is recorded in the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.engine import Database
from redband_desktop.db.models import District, Site
from redband_desktop.domain.access import Action
from redband_desktop.domain.coverage import (
    CardCheck,
    CoverageReport,
    coverage,
)
from redband_desktop.services.coverage.export import EXPORT_HEADERS, SHEET_TITLE, export_cells
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import export_summary, record
from redband_desktop.services.shared.coverage import card_check, load_facts
from redband_desktop.services.shared.exports import Export


def station_report(session: Session, card_valid: CardCheck | None = None) -> CoverageReport:
    districts = session.execute(select(District.id, District.name).order_by(District.sort_order, District.id)).all()
    sites = session.execute(
        select(Site.id, Site.name, District.name)
        .join(District, District.id == Site.district_id)
        .where(Site.kind != "organization")  # organizations have no buildings or zones
        .order_by(District.sort_order, District.id, Site.name)
    ).all()
    return coverage(load_facts(session), card_valid, [tuple(d) for d in districts], [tuple(s) for s in sites])


def stats_figures(report: CoverageReport) -> dict[str, Any]:
    """The "coverage" key of `redband stats --json`."""
    s = report.station
    return {
        "buildings": {"total": s.buildings_total, "covered": s.buildings_covered},
        "zones": {"total": s.zones_total, "covered": s.zones_covered},
        "by_district": {
            d.name: {
                "buildings_total": d.buildings_total, "buildings_covered": d.buildings_covered,
                "zones_total": d.zones_total, "zones_covered": d.zones_covered,
                "percent": d.percent,
            }
            for d in report.districts
        },
    }


class CoverageService:
    def __init__(self, db: Database, access: AccessControl, today: Callable[[], date] = date.today) -> None:
        self._db = db
        self._access = access
        self._today = today

    def report(self) -> CoverageReport:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return station_report(s, card_check(s, self._today()))

    def figures(self) -> dict[str, Any]:
        """Coverage figures for statistics (`redband stats`)."""
        self._access.require(Action.STATS)
        with self._db.read() as s:
            return stats_figures(station_report(s, card_check(s, self._today())))

    def export(self) -> Export:
        """The coverage table (one row per site with its gaps) as an .xlsx workbook; the
        export is recorded, and the workbook built after that short transaction."""
        from redband_desktop.documents.xlsx import table_to_xlsx

        self._access.require(Action.EXPORT)
        with self._db.write() as s:
            report = station_report(s, card_check(s, self._today()))
            record(s, self._access, "export", "coverage", "", summary=export_summary(len(report.sites), False))
        return Export(table_to_xlsx(list(EXPORT_HEADERS), export_cells(report), SHEET_TITLE), len(report.sites), False)
