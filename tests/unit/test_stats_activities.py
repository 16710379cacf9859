"""`redband stats --json` → `activities`: the period's activities by type, participants,
hours and outreach audience, in the user's district scope; the volunteers' outreach
audience against the comparison period; the text report's 活动 sub-section; `service`
(volunteers with service, hours, the top ten); anti-fraud outreach by month for the chart
beside telecom fraud."""

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


def test_service_in_the_stats_report_ranks_the_volunteers_of_the_scope(services, place) -> None:  # noqa: ANN001
    _activities(services, place)
    march = services.stats.period(PeriodKind.CUSTOM, date(2026, 3, 1), date(2026, 3, 31))
    v = services.stats.report(march)["service"]
    assert (v["from"], v["to"], v["volunteers"], v["hours"]) == ("2026-03-01", "2026-03-31", 2, 4.5)
    assert [(x["rank"], x["name"], x["site"], x["hours"]) for x in v["top"]] == [(1, "李明", "金色家园", 2.5),
                                                                                 (2, "张洁", "金色家园", 2.0)]
    report = services.stats.report(march)
    assert "有服务记录的志愿者（2026-03-01–2026-03-31）: 2 人，服务时长 4.5 小时" in stats_text(report, "zh_CN")
    assert "  top ten by hours:" in stats_text(report, "en")
    april = services.stats.period(PeriodKind.CUSTOM, date(2026, 4, 1), date(2026, 4, 30))
    assert services.stats.report(april)["service"]["volunteers"] == 0
    assert "志愿服务" not in stats_text(services.stats.report(april), "zh_CN").split("活动")[0]
    sign_in_as(services, "officer", place["other"].id)  # their district's volunteers served nothing
    assert services.stats.report(march)["service"] == {"from": "2026-03-01", "to": "2026-03-31", "volunteers": 0,
                                                        "hours": 0, "top": []}


def test_outreach_by_month_beside_telecom_fraud(services, place) -> None:  # noqa: ANN001
    _activities(services, place)
    m = services.stats.figures(services.stats.period(PeriodKind.CUSTOM, date(2026, 3, 1), date(2026, 3, 31))).monthly
    assert (m.year, m.outreach_this[2], m.audience_this[2]) == (2026, 2, 170)  # the other district's talk too
    assert sum(m.outreach_this) == 2 and len(m.outreach_this) == len(m.fraud_this) == 12  # 2025's is last year's
    sign_in_as(services, "officer", place["other"].id)
    mine = services.stats.figures(services.stats.period(PeriodKind.CUSTOM, date(2026, 3, 1), date(2026, 3, 31))).monthly
    assert (mine.outreach_this[2], mine.audience_this[2]) == (1, 50)
