"""The demo station's service records: two years of commendations at the station, district,
city and province, last year's evaluations by each district's officer, the points the
commendations earn, and the certificates its setup issues through the records service's
own numbering and service time."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from redband_desktop.db.models import District, Site, Volunteer
from redband_desktop.db.models.records import Commendation, Evaluation
from redband_desktop.services.station.setup import _demo_certificates

TODAY = date(2026, 11, 28)  # tests/conftest.py DEMO_TODAY


def test_demo_commendations_and_evaluations(demo_services) -> None:  # noqa: ANN001
    with demo_services.db.read() as s:
        levels = dict(s.execute(select(Commendation.level, func.count()).group_by(Commendation.level)).all())
        days = s.execute(select(func.min(Commendation.awarded_on), func.max(Commendation.awarded_on))).one()
        years = {y for (y,) in s.execute(select(Evaluation.year).distinct())}
        stars = dict(s.execute(select(Evaluation.stars, func.count()).group_by(Evaluation.stars)).all())
        officers = {(e, o) for e, o in s.execute(
            select(Evaluation.evaluated_by, District.officer_name).join(Volunteer, Volunteer.id == Evaluation.volunteer_id)
            .join(Site, Site.id == Volunteer.site_id).join(District, District.id == Site.district_id))}
        awarded = s.scalar(select(Commendation.volunteer_id).where(Commendation.level == "city").limit(1))
    assert levels["station"] >= 40 and levels["county"] >= 15 and levels["city"] >= 4 and levels["province"] == 1
    assert date(2024, 1, 1) <= days[0] and days[1] < TODAY
    assert years == {2025} and set(stars) <= {2, 3, 4, 5} and stars[4] > stars[3] > stars[2]
    assert 600 <= sum(stars.values()) <= 1_100 and all(e == o for e, o in officers)
    record = demo_services.records.service_record(awarded)
    assert any(a.level == "city" for a in record.awards)
    entries = demo_services.points.account(awarded).entries
    assert any(e.source == "commendation" and e.kind == "commendation.city" and e.points == 30 for e in entries)


def test_demo_certificates_come_from_the_records_numbering_and_hours(demo_services) -> None:  # noqa: ANN001
    with demo_services.db.write() as s:
        _demo_certificates(s, TODAY, "admin")
    issued = sorted(demo_services.records.certificates(), key=lambda c: c.number)
    assert [c.number for c in issued] == [f"2026-{n:04d}" for n in range(1, 8)]
    assert [(c.first_day, c.last_day, c.issued_on) for c in issued[:5]] == [
        (date(2025, 1, 1), date(2025, 12, 31), date(2026, 1, 5))] * 5
    assert {(c.first_day, c.last_day, c.issued_on) for c in issued[5:]} == {
        (date(2026, 1, 1), date(2026, 10, 31), date(2026, 11, 3))}
    for c in issued:
        assert c.minutes == demo_services.records.period_minutes(c.volunteer_id, c.first_day, c.last_day) > 0
        assert c.content and c.issued_by == "admin"
    year_hours = [c.minutes for c in issued[5:]]
    assert year_hours == sorted(year_hours, reverse=True)
    ranking = demo_services.records.ranking(date(2026, 1, 1), date(2026, 10, 31))
    assert [r.volunteer_id for r in ranking.rows[:2]] == [c.volunteer_id for c in issued[5:]]
    nxt = demo_services.records.issue_certificate(issued[0].volunteer_id, date(2026, 1, 1), date(2026, 11, 27), TODAY)
    assert nxt.certificate.number == "2026-0008"
