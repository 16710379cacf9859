"""Statistics on small hand-made registers, with the expected figures counted by hand: the
ends of a period (midnight, 29 February, occurrence before receipt), an empty comparison
period, a compound with incidents only last year, contact-type incidents per kind of site,
volunteers' part, and an officer who sees only their district."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import text

from redband_desktop.db.models.incidents import Incident, IncidentVolunteer
from redband_desktop.domain.periods import Period
from redband_desktop.domain.stats import Figure
from redband_desktop.services.accounts.types import UserForm

YTD_LEAP = Period(date(2028, 1, 1), date(2028, 2, 29))  # compared with 2027-01-01 … 2027-02-28
_numbers = itertools.count(1)


@pytest.fixture
def station(services, place) -> dict:  # noqa: ANN001
    org = services.structure.create_site(place["other"].id, "organization", "西山区税务局")
    market = services.structure.create_site(place["other"].id, "market", "大商汇")
    quiet = services.structure.create_site(place["district"].id, "compound", "碧水苑")
    return {**place, "org": org.id, "market": market.id, "quiet": quiet.id, "compound": place["compound"].id,
            "far": place["far"].id}


def add(services, site: int, district: int, category: str, occurred: datetime | None, received: datetime | None = None,
        sub: str = "", loss: str | None = None, helper: tuple[int, str] | None = None) -> None:  # noqa: ANN001
    with services.db.write() as s:
        row = Incident(number=f"T-{next(_numbers)}", received_at=received or occurred, occurred_at=occurred,
                       channel="110", district_id=district, site_id=site, category=category, subcategory=sub,
                       loss_yuan=Decimal(loss) if loss else None, status="open")
        if helper:
            row.volunteers = [IncidentVolunteer(volunteer_id=helper[0], role=helper[1])]
        s.add(row)


def test_period_ends_are_counted_once_by_date_of_occurrence(services, station) -> None:  # noqa: ANN001
    c, d = station["compound"], station["district"].id
    for when in (datetime(2028, 1, 1, 0, 0), datetime(2028, 2, 29, 23, 59, 59), datetime(2028, 2, 29, 0, 0)):
        add(services, c, d, "dispute", when)  # in
    for when in (datetime(2028, 3, 1, 0, 0), datetime(2027, 12, 31, 23, 59, 59)):
        add(services, c, d, "dispute", when)  # out (the second is in no period at all)
    add(services, c, d, "dispute", None, received=datetime(2028, 2, 10, 9))  # no time of occurrence: by receipt
    add(services, c, d, "dispute", datetime(2027, 2, 28, 22), received=datetime(2028, 1, 3, 9))  # last year's
    add(services, c, d, "dispute", datetime(2027, 1, 1, 0, 0))  # previous, first moment
    add(services, c, d, "dispute", datetime(2027, 3, 1, 0, 0))  # after the previous period
    f = services.stats.figures(YTD_LEAP, "yoy")
    assert f.compare_to == Period(date(2027, 1, 1), date(2027, 2, 28))
    assert (f.by_category["dispute"].current, f.by_category["dispute"].previous) == (4, 2)
    assert f.by_group["dispute"].pct == 100 and f.total.current == 4


def test_empty_comparison_site_kinds_and_zero_incident_sites(services, station) -> None:  # noqa: ANN001
    d, other = station["district"].id, station["other"].id
    now, before = datetime(2028, 2, 1, 10), datetime(2027, 2, 1, 10)
    for _ in range(3):
        add(services, station["market"], other, "fraud", now, loss="1000.50")
    add(services, station["org"], other, "criminal", now, sub="robbery")  # contact-type, in an organ
    add(services, station["org"], other, "criminal", before, sub="burglary")  # not contact-type
    add(services, station["compound"], d, "public_order", before, sub="assault")  # only last year
    add(services, station["compound"], d, "help", now)  # a request for help is not a case
    add(services, station["far"], other, "public_order", now, sub="theft")
    add(services, station["far"], other, "public_order", before)
    f = services.stats.figures(YTD_LEAP, "yoy")
    assert (f.by_category["fraud"].current, f.by_category["fraud"].previous, f.by_category["fraud"].pct) == (3, 0, None)
    assert f.fraud_loss.current == Decimal("3001.50") and f.by_group["crime_fraud"].as_json() == {
        "current": 4, "previous": 1, "change_pct": 300}
    contact = {k: (v.current, v.previous) for k, v in f.contact_by_site_kind.items()}
    assert contact == {"compound": (1, 1), "market": (0, 0), "organization": (1, 0), "none": (0, 0)}
    # zero-incident this year: 金色家园 (help only; last year one case) and 碧水苑; the organ had a case
    assert sorted((z.name, z.previous) for z in f.zero_sites) == [("碧水苑", 0), ("金色家园", 1)]
    assert f.zero_sites_previous == 1  # last year only 碧水苑 (the organ and both other compounds had cases)
    by_site = {x.name: x for x in f.by_site}
    assert (by_site["滨江花园"].total.current, by_site["滨江花园"].contact.current) == (1, 1)
    assert by_site["大商汇"].groups["crime_fraud"].current == 3
    assert {x.name: (x.total.current, x.total.previous) for x in f.by_district} == {
        "金家河片区": (1, 1), "滨江片区": (5, 2)}
    report = services.stats.report(YTD_LEAP, "yoy")
    assert report["incidents"]["by_category"]["fraud"] == {"current": 3, "previous": 0, "change_pct": None}
    assert report["zero_incident_sites_previous"] == 1 and report["period"] == {"from": "2028-01-01",
                                                                                "to": "2028-02-29"}
    assert {"name": "碧水苑", "kind": "compound", "district": "金家河片区"} in report["zero_incident_sites"]


def test_volunteers_part_and_monthly_series(services, station) -> None:  # noqa: ANN001
    c, d, v = station["compound"], station["district"].id, station["volunteer"]
    add(services, c, d, "dispute", datetime(2028, 1, 5, 10), helper=(v, "reported"))
    add(services, c, d, "criminal", datetime(2028, 2, 5, 10), helper=(v, "assisted"))
    add(services, c, d, "fraud", datetime(2027, 2, 5, 10), helper=(v, "assisted"))
    f = services.stats.figures(YTD_LEAP, "yoy")
    w = f.volunteers
    assert (w.incidents_reported.current, w.incidents_assisted.current, w.incidents_assisted.previous) == (1, 1, 1)
    assert w.duty_hours == Figure(0, 0) and w.outreach_audience == Figure(0, 0)  # no attendance, no activities
    assert f.monthly.groups_this["dispute"][:3] == (1, 0, 0) and f.monthly.groups_this["crime_fraud"][1] == 1
    assert f.monthly.fraud_last[1] == 1 and f.monthly.last_month == 2


def test_an_officer_sees_only_their_district(services, station) -> None:  # noqa: ANN001
    add(services, station["compound"], station["district"].id, "dispute", datetime(2028, 1, 5))
    add(services, station["far"], station["other"].id, "dispute", datetime(2028, 1, 6))
    services.accounts.create_user(UserForm("chenqing", "陈卿", "", "officer", station["district"].id),
                                  "Officer#2026", "Officer#2026")
    services.accounts.sign_in("chenqing", "Officer#2026")
    services.accounts.change_password("Officer#2026", "Chen#Qing2028", "Chen#Qing2028")
    f = services.stats.figures(YTD_LEAP, "pop")
    assert f.scope == "金家河片区" and f.total.current == 1
    assert [x.name for x in f.by_district] == ["金家河片区"]
    assert {x.name for x in f.by_site} == {"金色家园", "碧水苑"}


def test_the_statistics_index_answers_the_period_query(services, station) -> None:  # noqa: ANN001
    with services.db.read() as s:
        if s.get_bind().dialect.name != "sqlite":
            pytest.skip("SQLite's plan")
        plan = " ".join(str(r[-1]) for r in s.execute(text(
            "EXPLAIN QUERY PLAN SELECT category, count(*) FROM incidents WHERE coalesce(occurred_at, received_at) "
            ">= '2028-01-01' AND coalesce(occurred_at, received_at) < '2028-03-01' GROUP BY category")))
    assert "ix_incidents_occurred_stats" in plan


def test_whole_months_and_the_days_at_the_ends() -> None:
    from redband_desktop.services.stats.query import split_months

    assert split_months(Period(date(2026, 1, 1), date(2026, 11, 28))) == (
        [f"2026-{m:02d}" for m in range(1, 11)], [Period(date(2026, 11, 1), date(2026, 11, 28))])
    assert split_months(Period(date(2028, 2, 1), date(2028, 2, 29))) == (["2028-02"], [])
    assert split_months(Period(date(2026, 3, 15), date(2026, 5, 10))) == (
        ["2026-04"], [Period(date(2026, 3, 15), date(2026, 3, 31)), Period(date(2026, 5, 1), date(2026, 5, 10))])
    assert split_months(Period(date(2026, 3, 2), date(2026, 3, 30))) == ([], [Period(date(2026, 3, 2),
                                                                                   date(2026, 3, 30))])


def test_the_month_table_follows_every_change_to_the_register(services, station) -> None:  # noqa: ANN001
    """Recording, correcting (date, category, place, loss) and deleting incidents keeps the
    per-month counts equal to counting the incidents themselves."""
    from sqlalchemy import delete, func, select, update

    from redband_desktop.db.models.incidents import IncidentMonth

    c, d = station["compound"], station["district"].id
    for when in (datetime(2028, 1, 31, 23, 59), datetime(2028, 2, 1, 0, 0), datetime(2028, 2, 10, 8)):
        add(services, c, d, "fraud", when, loss="100.50")
    add(services, None, d, "dispute", None, received=datetime(2028, 2, 3, 9))
    with services.db.write() as s:
        first = s.scalar(select(Incident.id).where(Incident.category == "fraud").order_by(Incident.id))
        s.execute(update(Incident).where(Incident.id == first).values(occurred_at=datetime(2028, 3, 5),
                                                                         category="criminal", loss_yuan=20))
        s.execute(delete(Incident).where(Incident.category == "dispute"))
        add_back = Incident(number="T-back", received_at=datetime(2028, 2, 20), occurred_at=None, channel="110",
                            district_id=station["other"].id, site_id=station["far"], category="dispute",
                            status="open")
        s.add(add_back)
    with services.db.read() as s:
        months = {(m.month, m.category, m.site_id): (m.incidents, m.loss) for m in s.scalars(select(IncidentMonth))
                  if m.incidents}
        when = func.coalesce(Incident.occurred_at, Incident.received_at)
        month = func.to_char(when, "YYYY-MM") if s.bind.dialect.name == "postgresql" else func.substr(when, 1, 7)
        key = (month, Incident.category, func.coalesce(Incident.site_id, 0))
        raw = s.execute(select(*key, func.count(), func.coalesce(func.sum(Incident.loss_yuan), 0))
                        .group_by(*key)).all()
    assert months == {(m, cat, site): (n, Decimal(str(loss))) for m, cat, site, n, loss in raw}
    assert months[("2028-02", "fraud", c)] == (2, Decimal("201.00"))
    f = services.stats.figures(Period(date(2028, 2, 1), date(2028, 2, 29)), "pop")
    assert (f.by_category["fraud"].current, f.by_category["dispute"].current) == (2, 1)
    assert (f.by_category["fraud"].previous, f.by_category["criminal"].current) == (0, 0)
