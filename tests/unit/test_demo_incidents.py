"""The demo incident register tells the article: created on any day from February, the
year to date against the same dates last year reads disputes −22%, criminal and telecom
fraud −21%, public order −19%; no contact-type incident in organs and enterprises this
year; more zero-incident compounds and units; market fraud falling. Summaries vary, the
building or zone is set, the district's officer handles it, linked mediation cases tell
the same story, 1100-odd volunteers are active and most carry a card."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import DEMO_TODAY
from sqlalchemy import func, select

from redband_desktop.db.engine import Database, database_url
from redband_desktop.db.migrate import migrate
from redband_desktop.db.models import Card, District, MediationCase, Site, Volunteer
from redband_desktop.db.models.incidents import Incident, IncidentVolunteer
from redband_desktop.demo.station import load_demo
from redband_desktop.domain.periods import period_for
from redband_desktop.services import Services, build_services
from redband_desktop.services.incidents.types import IncidentFilter

ARTICLE = {"dispute": -22, "crime_fraud": -21, "public_order": -19}


def _demo_on(tmp_path: Path, today: date) -> Services:
    """A demo station created on `today` (fewer volunteers: the incidents do not depend on them)."""
    url = database_url(tmp_path / f"demo-{today}.sqlite3")
    migrate(url, None)
    db = Database(url)
    load_demo(db, today=today, volunteers=150)
    services = build_services(db)
    services.accounts.create_first_admin("admin", "管理员", "Station#2026", "Station#2026")
    return services


def _check_article(services: Services, today: date) -> None:
    f = services.stats.figures(period_for("ytd", today), "yoy")  # the station's default view
    assert f.period.start == date(today.year, 1, 1) and f.period.end == today
    assert {g: fig.pct for g, fig in f.by_group.items()} == ARTICLE, {g: (x.current, x.previous) for g, x in
                                                                      f.by_group.items()}
    assert f.contact_by_site_kind["organization"].current == 0  # 接触性警情“零发生” in organs and enterprises
    assert len(f.zero_sites) > f.zero_sites_previous  # 零发案小区、单位数量不断增加
    market = [x for x in f.by_site if x.kind == "market"]
    fraud_before = sum(x.groups["crime_fraud"].previous for x in market)
    assert fraud_before > sum(x.groups["crime_fraud"].current for x in market)


@pytest.mark.parametrize("today", [date(2026, 2, 1), date(2027, 3, 15), date(2028, 2, 29), date(2026, 9, 5),
                                   date(2026, 12, 31)])
def test_the_article_figures_on_any_creation_day_from_february(tmp_path: Path, today: date) -> None:
    services = _demo_on(tmp_path, today)
    _check_article(services, today)
    services.db.dispose()


def test_the_demo_station_tells_the_article(demo_services) -> None:  # noqa: ANN001
    _check_article(demo_services, DEMO_TODAY)
    with demo_services.db.read() as s:
        organs = s.scalar(select(func.count()).select_from(Site).where(Site.kind == "organization",
                                                                       ~Site.name.like("%公司")))
        assert organs > 10  # 10余家党政机关
        summaries = set(s.scalars(select(Incident.summary)))
        assert len(summaries) > 500 and not any("演示数据" in x for x in summaries)
        placed = s.execute(select(Site.kind, func.count(Incident.id), func.count(Incident.building_id),
                                  func.count(Incident.zone_id)).join(Incident, Incident.site_id == Site.id)
                           .group_by(Site.kind)).all()
        for kind, n, buildings, zones in placed:
            assert (buildings, zones) == {"compound": (n, 0), "market": (0, n), "organization": (0, 0)}[kind]
        officers = s.execute(select(Incident.handling_officer, District.officer_name)
                             .join(District, District.id == Incident.district_id).distinct()).all()
        assert officers and all(a == b for a, b in officers)
        stories = s.execute(select(Incident.summary, MediationCase.summary)
                            .join(MediationCase, MediationCase.incident_id == Incident.id)).all()
        assert len(stories) > 50 and all(case in incident for incident, case in stories)
        active = s.scalar(select(func.count()).select_from(Volunteer).where(Volunteer.status == "active"))
        cards = dict(s.execute(select(Card.status, func.count()).group_by(Card.status)).all())
        carrying = s.scalar(select(func.count(func.distinct(Card.volunteer_id))).where(Card.status == "valid"))
        expiring = s.scalar(select(func.count()).select_from(Card).where(
            Card.status == "valid", Card.valid_until >= DEMO_TODAY, Card.valid_until <= DEMO_TODAY + timedelta(days=30)))
    assert 1100 <= active < 1200  # 1100余名
    assert carrying > 0.8 * active and expiring > 10 and cards["revoked"] > 10 and cards["lost"] > 5


def test_quiet_compounds_volunteers_and_numbers(demo_services) -> None:  # noqa: ANN001
    with demo_services.db.read() as s:
        compounds = set(s.scalars(select(Site.id).where(Site.kind == "compound")))
        busy = set(s.scalars(select(Incident.site_id).distinct()))
        assert 0 < len(compounds - busy) < len(compounds) // 2
        roles = dict(s.execute(select(IncidentVolunteer.role, func.count()).group_by(IncidentVolunteer.role)).all())
        assert roles["reported"] > 50 and roles["assisted"] > 50
        numbers = list(s.scalars(select(Incident.number)))
        assert len(set(numbers)) == len(numbers) and all(n.startswith("JJH-20") for n in numbers)
    totals = demo_services.incidents.search(IncidentFilter(with_volunteers=True), limit=0).totals
    assert 0 < totals.total < demo_services.incidents.search(IncidentFilter(), limit=0).total
    stats = demo_services.stats.report()["incidents"]
    assert stats["total"] == sum(f["current"] for f in stats["by_category"].values()) > 0


def test_new_incidents_continue_the_demo_numbering(demo_services) -> None:  # noqa: ANN001
    this_year = demo_services.incidents.search(IncidentFilter(date_from=DEMO_TODAY.replace(month=1, day=1)), 1)
    last = this_year.first_page[0]
    detail = demo_services.incidents.get(last.id)
    again = demo_services.incidents.create(detail.form.__class__(**{
        **{k: getattr(detail.form, k) for k in detail.form.__dataclass_fields__}, "received_at": datetime(2026, 11, 1, 9)}
        | {"occurred_at": None, "volunteers": ()}))
    year_total = this_year.total
    assert again.number == f"JJH-2026-{year_total + 1:06d}"
