"""Station statistics, as the statistics page, `redband stats --json` and the 治安成绩单
report them: incidents of a period against the same dates a year earlier (同比) or the
period before (环比), by category, group, district and site, contact-type incidents per
kind of site, zero-incident sites, and what the volunteers did.

Every figure comes from grouped queries (`query.py`). An officer sees their own district
only; other roles see the whole station. JSON keys are stable codes (category, group,
status and site-kind codes, district names) so scripts can read them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from redband_desktop.db.engine import Database
from redband_desktop.db.models import District, Site, Volunteer
from redband_desktop.domain.access import Action, Role
from redband_desktop.domain.enums import Background, SiteKind, VolunteerStatus
from redband_desktop.domain.periods import (
    Comparison,
    Period,
    PeriodKind,
    compared_period,
    period_for,
)
from redband_desktop.domain.stats import Figure
from redband_desktop.errors import ValidationError
from redband_desktop.services.shared.access import AccessControl, Actor
from redband_desktop.services.stats import figures as build
from redband_desktop.services.stats import query
from redband_desktop.services.stats.home import HomeFigures, home_figures
from redband_desktop.services.stats.types import StationFigures, VolunteerWork

if TYPE_CHECKING:  # the station's other services, whose figures the report gathers
    from redband_desktop.services import Services


class StatsService:
    def __init__(self, db: Database, access: AccessControl, others: Services,
                 today: Callable[[], date] = date.today) -> None:
        self._db = db
        self._today = today
        self._access = access
        self._others = others  # asked only when a figure needs them (the home page does not)

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

    def default_period(self) -> Period:
        """The year to date, as the station reports by default."""
        return period_for(PeriodKind.YEAR_TO_DATE, self._today())

    def period(self, kind: PeriodKind | str, start: date | None = None, end: date | None = None) -> Period:
        return period_for(kind, self._today(), start, end)

    def figures(self, period: Period | None = None,
                comparison: Comparison | str = Comparison.YEAR_ON_YEAR) -> StationFigures:
        """The incident figures of `period` (default: the year to date) against its
        comparison period, limited to the signed-in officer's district."""
        actor = self._access.require(Action.STATS)
        period = period or self.default_period()
        comparison = Comparison(comparison)
        earlier = compared_period(period, comparison)
        district = _scope(actor)
        with self._db.read() as s:
            ends: query.Ends = {}
            now, before = query.cells(s, period, district, ends), query.cells(s, earlier, district, ends)
            districts, sites = query.districts(s, district), query.sites(s, district)
            span = build.chart_span(period)
            months = query.monthly(s, span, district, build.CHART_CATEGORIES, ends)
            outreach = query.outreach_by_month(s, span, district)
            work = _volunteer_work(s, period, earlier, district)
        work = replace(work, duty_hours=Figure(*(hours_of(self._others.rota.service_minutes(p.start, p.end))
                                                  for p in (period, earlier))))
        zero, zero_before = build.zero_sites(now, before, sites)
        return StationFigures(
            period=period, compare_to=earlier, comparison=comparison,
            scope=districts[0][1] if district is not None and districts else "",
            total=Figure(sum(c.count for c in now), sum(c.count for c in before)),
            by_category=build.by_category(now, before), by_group=build.by_group(now, before),
            fraud_loss=build.fraud_loss(now, before),
            by_district=build.by_district(now, before, districts), by_site=build.by_site(now, before, sites),
            contact_by_site_kind=build.contact_by_site_kind(now, before, {x.id: x.kind for x in sites}),
            zero_sites=zero, zero_sites_previous=zero_before, volunteers=work,
            monthly=build.monthly(months, period.end.year, period.end.month, build.partial_day(period.end), outreach),
            scope_id=district,
        )

    def headline(self, f: StationFigures, lang: str = "zh_CN") -> str:
        """The sentence the statistics open with, as the station writes it."""
        from redband_desktop.services.stats.report import headline, headline_en

        return headline(f) if lang.startswith("zh") else headline_en(f)

    def home(self) -> HomeFigures:
        """Today's work at a glance for the home page, in the user's district scope."""
        actor = self._access.require(Action.READ)
        district = _scope(actor)
        with self._db.read() as s:
            scope = s.get(District, district).name if district is not None else ""
            return home_figures(s, self._today(), district, scope)

    def report_document(self, fmt: str, period: Period | None = None,
                        comparison: Comparison | str = Comparison.YEAR_ON_YEAR,
                        progress: Callable[[int], None] | None = None) -> bytes:
        """The 治安成绩单 of the period as "pdf" or "xlsx" bytes. Recorded in the audit trail
        in a short transaction; the document is drawn after it has committed."""
        from datetime import datetime

        from redband_desktop.documents.report import report_pdf, report_xlsx
        from redband_desktop.services.shared.audit_log import record
        from redband_desktop.services.shared.settings import read_settings
        from redband_desktop.services.stats.report import report_data

        if fmt not in REPORT_FORMATS:
            raise ValidationError.single("report_file", "report_format_invalid", name=fmt)
        f = self.figures(period, comparison)
        if progress:
            progress(5)
        with self._db.write() as s:
            actor = self._access.user
            station = read_settings(s)["station.name"] or "派出所"
            record(s, self._access, "export", "stats", "",
                   summary=f"治安成绩单 {f.period.start}—{f.period.end}（{f.comparison.zh}）{fmt.upper()}")
        made = f"制表：{actor.display_name if actor else ''}　{datetime.now():%Y年%m月%d日 %H:%M}　红袖标 Desktop"
        data = report_data(f, station, made)
        return report_pdf(data, progress) if fmt == "pdf" else report_xlsx(data)

    def report(self, period: Period | None = None, comparison: Comparison | str = Comparison.YEAR_ON_YEAR
               ) -> dict[str, Any]:
        """Everything `redband stats --json` prints (the keys the README describes)."""
        f = self.figures(period, comparison)
        return {"period": f.period.as_json(), "compare_to": f.compare_to.as_json(),
                "incidents": incidents_json(f),
                "zero_incident_sites": [z.as_json() for z in f.zero_sites],
                "zero_incident_sites_previous": f.zero_sites_previous,
                "volunteers": self.volunteers(), "coverage": self._others.coverage.figures(),
                "clues": self._others.clues.figures(), "mediation": self._others.mediation.figures(),
                "duty": self._others.rota.figures(f.period.start, f.period.end),
                "activities": self.activities(f.period),
                "service": self._others.records.figures(f.period.start, f.period.end)}

    def activities(self, period: Period | None = None) -> dict[str, Any]:
        """The activities of the period (default: the year to date) in the user's scope:
        count by type, participants, hours, outreach audience and leaflets."""
        actor = self._access.require(Action.STATS)
        with self._db.read() as s:
            return query.activity_figures(s, period or self.default_period(), _scope(actor))


REPORT_FORMATS = ("pdf", "xlsx")


def incidents_json(f: StationFigures) -> dict[str, Any]:
    def table(figures: dict[str, Figure]) -> dict[str, dict]:
        return {k: v.as_json() for k, v in figures.items()}
    return {"total": f.total.current, "by_category": table(f.by_category), "by_group": table(f.by_group),
            "by_district": {d.name: d.total.as_json() for d in f.by_district},
            "contact_by_site_kind": table(f.contact_by_site_kind)}


def _scope(actor: Actor) -> int | None:
    """An officer's statistics are their district's; everyone else's the station's."""
    return actor.district_id if actor.role is Role.OFFICER else None


def _volunteer_work(s: Any, period: Period, earlier: Period, district: int | None) -> VolunteerWork:
    roles = [query.volunteer_roles(s, p, district) for p in (period, earlier)]
    clues = [query.clue_counts(s, p, district) for p in (period, earlier)]
    cases = [query.mediation_counts(s, p, district) for p in (period, earlier)]
    heard = [query.activity_figures(s, p, district)["outreach_audience"] for p in (period, earlier)]

    def fig(values: list, i: int) -> Figure:
        return Figure(values[0][i], values[1][i])
    return VolunteerWork(
        incidents_reported=Figure(roles[0].get("reported", 0), roles[1].get("reported", 0)),
        incidents_assisted=Figure(roles[0].get("assisted", 0), roles[1].get("assisted", 0)),
        clues=fig(clues, 0), clues_to_incidents=fig(clues, 1), mediated=fig(cases, 0),
        agreements=fig(cases, 1), amount_yuan=fig(cases, 2), prevented_criminal=fig(cases, 3),
        outreach_audience=Figure(heard[0], heard[1]))


def hours_of(minutes: int) -> Decimal:
    """Minutes as hours to a tenth, as the rota's hours report them."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.1"))
