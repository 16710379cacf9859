"""The demo station's activities read back through the activity service: two years of the
article's outreach, drills, training and visits, no volunteer in two at once, and totals
that a station of this size could have."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select

from redband_desktop.db.models import Site, Volunteer
from redband_desktop.domain.activities import ActivityType
from redband_desktop.services.activities.types import ActivityFilter

TODAY = date(2026, 11, 28)  # tests/conftest.py DEMO_TODAY


def test_demo_activities_fit_the_article(demo_services) -> None:  # noqa: ANN001
    svc = demo_services.activities
    found = svc.search(ActivityFilter(), limit=10_000)
    totals = found.totals
    by_type = totals.by_type
    assert 250 <= totals.total <= 450
    assert 22 <= by_type[ActivityType.ANTI_FRAUD.value] <= 40  # monthly, plus the farmers' market
    assert by_type[ActivityType.FIRE_DRILL.value] >= 30 and by_type[ActivityType.TRAINING.value] >= 6
    assert by_type[ActivityType.VISITS.value] >= 80 and by_type[ActivityType.THREE_CHECKS.value] >= 60
    assert 1_000 <= totals.participations <= 2_500 and 400 <= totals.people <= 1_100
    assert 4_000 <= totals.audience <= 12_000
    assert 1_500 * 60 <= totals.minutes <= 5_000 * 60
    rows = found.first_page
    assert min(r.starts_at.date() for r in rows) >= date(2024, 11, 1)
    assert max(r.starts_at.date() for r in rows) < TODAY


def test_demo_participants_are_the_places_own_and_never_double_booked(demo_services) -> None:  # noqa: ANN001
    svc = demo_services.activities
    with demo_services.db.read() as s:
        home = dict(s.execute(select(Volunteer.id, Volunteer.site_id)).all())
        joined = dict(s.execute(select(Volunteer.id, Volunteer.joined_on)).all())
        kinds = dict(s.execute(select(Site.name, Site.kind)).all())
    spans = defaultdict(list)
    linked = 0
    for row in svc.search(ActivityFilter(), limit=10_000).first_page:
        detail = svc.get(row.id)
        f = detail.form
        assert detail.participants and all(home[p.volunteer_id] == f.site_id for p in detail.participants)
        assert all(joined[p.volunteer_id] <= f.day for p in detail.participants)
        whole = (row.ends_at - row.starts_at).total_seconds() / 60
        assert all(0 < p.minutes <= whole for p in detail.participants)
        for p in detail.participants:
            spans[p.volunteer_id].append((row.starts_at, row.ends_at))
        kind = ActivityType(f.activity_type)
        if kind is ActivityType.ANTI_FRAUD:
            assert kinds[detail.site_name] == "market" and f.audience and f.leaflets and f.cases_note
            linked += bool(detail.incidents)
        elif kind in (ActivityType.FIRE_DRILL, ActivityType.TRAINING):
            assert kinds[detail.site_name] == "organization" and f.organiser_kind == "unit_security"
            assert f.counts_as_training == (kind is ActivityType.TRAINING)
        else:
            assert kinds[detail.site_name] == "compound"
            assert (f.households is not None) == (kind is ActivityType.VISITS)
    assert linked >= 15  # the traders' own cases, linked by incident number
    for busy in spans.values():
        busy.sort()
        assert all(a[1] <= b[0] for a, b in zip(busy, busy[1:], strict=False))
