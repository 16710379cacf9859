"""`redband stats --json` → `activities`: the period's activities by type, participants,
hours and outreach audience, in the user's district scope; the volunteers' outreach
audience against the comparison period; the text report's 活动 sub-section."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from redband_desktop.cli.stats_text import stats_text
from redband_desktop.domain.periods import PeriodKind
from redband_desktop.services.activities.types import ActivityForm, Participant
from tests.ui.staff import sign_in_as
from tests.unit.test_activities import volunteer


def _activities(services, place) -> None:  # noqa: ANN001
    other = volunteer(services, place, "李明", 41)
    talk = ActivityForm(activity_type="anti_fraud", day=date(2026, 3, 8), start_time=time(9), end_time=time(11),
                        district_id=place["district"].id, site_id=place["compound"].id, audience=120, leaflets=300,
                        participants=(Participant(place["volunteer"]), Participant(other, 60)))
    services.activities.create(talk)
    services.activities.create(replace(talk, day=date(2025, 3, 8), audience=80, leaflets=100))  # a year earlier
    services.activities.create(ActivityForm(
        activity_type="fire_drill", day=date(2026, 3, 20), start_time=time(14), end_time=time(15, 30),
        district_id=place["district"].id, site_id=place["compound"].id, participants=(Participant(other),)))
    services.activities.create(replace(talk, day=date(2026, 3, 9), district_id=place["other"].id, site_id=None,
                                       audience=50, participants=()))


def test_activities_in_the_stats_report_and_the_officers_scope(services, place) -> None:  # noqa: ANN001
    _activities(services, place)
    march = services.stats.period(PeriodKind.CUSTOM, date(2026, 3, 1), date(2026, 3, 31))
    report = services.stats.report(march)
    a = report["activities"]
    assert (a["total"], a["by_type"]["anti_fraud"], a["by_type"]["fire_drill"], a["by_type"]["training"]) == (3, 2, 1, 0)
    assert (a["participants"], a["participations"], a["hours"]) == (2, 3, 4.5)  # 2 h + 1 h + 1.5 h
    assert (a["outreach_audience"], a["leaflets"]) == (170, 600)
    work = services.stats.figures(march).volunteers
    assert (work.outreach_audience.current, work.outreach_audience.previous) == (170, 80)
    text = stats_text(report, "zh_CN")
    assert "活动（2026-03-01–2026-03-31）: 3 次" in text and "宣传受众: 170 人次" in text
    assert "Activities (2026-03-01–2026-03-31): 3" in stats_text(report, "en")
    sign_in_as(services, "officer", place["other"].id)
    mine = services.stats.report(march)["activities"]
    assert (mine["total"], mine["outreach_audience"], mine["participants"]) == (1, 50, 0)
