"""The demo incident register: two years ending at the demo's today, lower this year
than last as the station reported, some compounds without any incident, volunteers as
reporters and helpers, and every number unique."""

from __future__ import annotations

from datetime import datetime, timedelta

from conftest import DEMO_TODAY
from sqlalchemy import func, select

from redband_desktop.db.models import Site
from redband_desktop.db.models.incidents import Incident, IncidentVolunteer
from redband_desktop.services.incidents.types import IncidentFilter


def _count(s, categories: tuple[str, ...], start: datetime, end: datetime) -> int:  # noqa: ANN001
    return s.scalar(select(func.count()).select_from(Incident).where(
        Incident.category.in_(categories), Incident.received_at >= start, Incident.received_at < end))


def test_recent_year_is_lower_as_reported(demo_services) -> None:  # noqa: ANN001
    end = datetime.combine(DEMO_TODAY + timedelta(days=1), datetime.min.time())
    mid, start = end - timedelta(days=365), end - timedelta(days=731)
    with demo_services.db.read() as s:
        assert s.scalar(select(func.min(Incident.received_at))) >= start
        assert s.scalar(select(func.max(Incident.received_at))) < end
        for categories, ratio in ((("dispute",), 0.78), (("criminal", "fraud"), 0.79), (("public_order",), 0.81)):
            recent, earlier = _count(s, categories, mid, end), _count(s, categories, start, mid)
            assert earlier > 100 and abs(recent / earlier - ratio) < 0.08, (categories, recent, earlier)


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
