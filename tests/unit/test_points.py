"""Points (积分): counted from the records by the rule in force on each record's day (a
changed rule never rewrites the past), each entry traceable to its shift, clue or
activity; redemptions refused beyond the balance and audited; the ranking with shared
ranks and district scope; who may edit rules, record and cancel redemptions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from redband_desktop.db.models import AuditEntry
from redband_desktop.db.models.rota import Attendance, Shift, ShiftAssignment
from redband_desktop.errors import PermissionDenied, ValidationError
from redband_desktop.services.activities.types import ActivityForm, Participant
from redband_desktop.services.clues.types import ClueForm
from redband_desktop.services.incidents.types import IncidentForm
from redband_desktop.services.points.service import PointsService
from redband_desktop.services.points.types import RedemptionForm
from redband_desktop.services.records.types import AwardForm
from tests.ui.staff import sign_in_as
from tests.unit.test_activities import volunteer

TODAY = date(2026, 6, 15)


def shift(services, place, vid: int, day: date, hours: float, status: str = "present") -> int:  # noqa: ANN001
    """An attended shift written as the rota would have left it (attendance recorded)."""
    start = datetime.combine(day, time(19))
    end = start + timedelta(minutes=round(hours * 60))
    with services.db.write() as s:
        sh = Shift(district_id=place["district"].id, site_id=place["compound"].id, duty_type="patrol", day=day,
                   starts_at=start, ends_at=end, needed=1)
        a = ShiftAssignment(volunteer_id=vid)
        sh.assignments.append(a)
        s.add(sh)
        s.flush()
        s.add(Attendance(assignment_id=a.id, status=status, signed_in_at=start, signed_out_at=end))
        return sh.id


def points(services, today: date = TODAY) -> PointsService:  # noqa: ANN001
    return PointsService(services.db, services.access, today=lambda: today)


def problems(exc: ValidationError) -> dict[str, str]:
    return {p.field: p.code for p in exc.problems}


def test_entries_come_from_shifts_clues_and_activities_by_the_default_rules(services, place) -> None:  # noqa: ANN001
    vid = place["volunteer"]
    shift_id = shift(services, place, vid, date(2026, 3, 2), 3)
    shift(services, place, vid, date(2026, 3, 4), 2, status="absent")  # no hours, no points
    clue = services.clues.create(ClueForm(reporter_id=vid, reported_at=datetime(2026, 3, 5, 10), clue_type="other",
                                          district_id=place["district"].id, site_id=place["compound"].id,
                                          content="门禁损坏"))
    verified = services.clues.verify(clue.id, clue.version, "已核实")
    activity = services.activities.create(ActivityForm(
        activity_type="anti_fraud", day=date(2026, 3, 8), start_time=time(9), end_time=time(11),
        district_id=place["district"].id, site_id=place["compound"].id, participants=(Participant(vid),)))
    account = points(services).account(vid)
    found = {(e.source, e.source_id, e.kind): e.points for e in account.entries}
    assert found == {("shift", shift_id, "duty_hour"): 3, ("clue", clue.id, "clue_verified"): 2,
                     ("activity", activity.id, "activity.anti_fraud"): 3}
    assert account.earned == 8 and account.balance == 8 and verified.id == clue.id
    shift_entry = next(e for e in account.entries if e.source == "shift")
    assert shift_entry.quantity == 3 and "19:00–22:00" in shift_entry.what
    incident = services.incidents.create(IncidentForm(received_at=datetime(2026, 3, 5, 11), category="criminal",
                                                      district_id=place["district"].id))
    closed = services.clues.close(verified.id, verified.version, "led_to_incident", incident.id)
    assert closed.id == clue.id
    led = [e for e in points(services).account(vid).entries if e.kind == "clue_incident"]
    assert len(led) == 1 and led[0].points == 5 and led[0].source_id == clue.id


def test_a_changed_rule_applies_from_its_date_and_never_rewrites_the_past(services, place) -> None:  # noqa: ANN001
    vid = place["volunteer"]
    svc = points(services)
    shift(services, place, vid, TODAY - timedelta(days=30), 4)
    assert svc.account(vid).earned == 4
    with pytest.raises(ValidationError) as err:
        svc.set_rule("duty_hour", 3, TODAY - timedelta(days=1))  # back-dating would rewrite the past
    assert problems(err.value) == {"effective_from": "date_before"}
    changed = svc.set_rule("duty_hour", 3, TODAY)
    assert changed.in_force and changed.points == 3
    assert svc.account(vid).earned == 4  # the old shift keeps the old rule
    shift(services, place, vid, TODAY, 2)
    later = points(services, TODAY + timedelta(days=40))
    assert sorted(e.points for e in later.account(vid).entries) == [4, 6]
    future = svc.set_rule("duty_hour", 5, TODAY + timedelta(days=10))
    assert not future.in_force and [r.points for r in svc.rules() if r.kind == "duty_hour"] == [5, 3, 1]
    with pytest.raises(ValidationError) as err:
        svc.remove_rule(changed.id)
    assert problems(err.value) == {"effective_from": "points_rule_in_force"}
    svc.remove_rule(future.id)
    assert [r.points for r in svc.rules() if r.kind == "duty_hour"] == [3, 1]
    with pytest.raises(ValidationError) as err:
        svc.set_rule("no_such_kind", -1, None)
    assert problems(err.value) == {"rule_kind": "invalid_choice", "points": "out_of_range",
                                   "effective_from": "required"}
    with services.db.read() as s:
        trail = [(e.action, e.entity) for e in s.scalars(select(AuditEntry).where(AuditEntry.entity == "point_rule"))]
    assert trail == [("create", "point_rule"), ("create", "point_rule"), ("delete", "point_rule")]


def test_commendations_earn_points_by_level_from_the_rule_on_their_day(services, place) -> None:  # noqa: ANN001
    vid = place["volunteer"]
    svc = points(services)
    city = services.records.add_award(vid, AwardForm("优秀平安志愿者", "city", date(2026, 1, 20), "昆明市公安局"))
    svc.set_rule("commendation.station", 15, TODAY)  # raised from today: an award of March keeps 10
    station = services.records.add_award(vid, AwardForm("月度之星", "station", date(2026, 3, 1), "金家河派出所"))
    found = {(e.source, e.source_id, e.kind): (e.points, e.what) for e in svc.account(vid).entries}
    assert found == {("commendation", city.id, "commendation.city"): (30, "优秀平安志愿者（市级，昆明市公安局）"),
                     ("commendation", station.id, "commendation.station"): (10, "月度之星（派出所级，金家河派出所）")}
    later = services.records.add_award(vid, AwardForm("季度之星", "station", TODAY, "金家河派出所"))
    assert {e.source_id: e.points for e in svc.account(vid).entries}[later.id] == 15
    services.records.remove_award(city.id, city.version)  # a commendation taken back takes its points
    assert svc.account(vid).earned == 25


def test_redemptions_are_refused_beyond_the_balance_and_audited(services, place) -> None:  # noqa: ANN001
    vid = place["volunteer"]
    svc = points(services)
    shift(services, place, vid, date(2026, 5, 1), 10)
    base = RedemptionForm(vid, "保温杯", 8, date(2026, 6, 1), "陈卿")
    with pytest.raises(ValidationError) as err:
        svc.redeem(replace(base, points=11))
    assert problems(err.value) == {"points": "points_over_balance"}
    assert err.value.problems[0].params["balance"] == 10
    with pytest.raises(ValidationError) as err:
        svc.redeem(replace(base, prize=" ", handed_by="", day=TODAY + timedelta(days=1), points=0))
    assert problems(err.value) == {"prize": "required", "handed_by": "required", "points": "out_of_range",
                                   "day": "date_in_future"}
    assert svc.account(vid).redemptions == ()
    account = svc.redeem(base)
    assert account.balance == 2 and account.redemptions[0].prize == "保温杯"
    assert account.redemptions[0].handed_by == "陈卿"
    with pytest.raises(ValidationError):
        svc.redeem(replace(base, points=3, prize="雨伞"))
    back = svc.cancel_redemption(account.redemptions[0].id)
    assert back.balance == 10 and back.redemptions == ()
    with services.db.read() as s:
        trail = [(e.action, e.summary) for e in s.scalars(select(AuditEntry).where(AuditEntry.entity == "redemption"))]
    assert [a for a, _ in trail] == ["create", "delete"] and "保温杯" in trail[0][1]


def test_rights_rules_by_administrators_redemptions_in_the_district(services, place) -> None:  # noqa: ANN001
    vid = place["volunteer"]
    shift(services, place, vid, date(2026, 5, 1), 10)
    form = RedemptionForm(vid, "手电筒", 2, date(2026, 6, 1), "陈卿")
    sign_in_as(services, "clerk")
    with pytest.raises(PermissionDenied):
        points(services).set_rule("duty_hour", 2, TODAY)
    redeemed = points(services).redeem(form)
    with pytest.raises(PermissionDenied):
        points(services).cancel_redemption(redeemed.redemptions[0].id)
    sign_in_as(services, "officer", place["other"].id)
    with pytest.raises(PermissionDenied):
        points(services).redeem(form)
    assert points(services).account(vid).balance == 8  # reading is allowed
    assert points(services).ranking(date(2026, 1, 1), TODAY) == []  # their own district only
    sign_in_as(services, "officer", place["district"].id)
    points(services).cancel_redemption(redeemed.redemptions[0].id)
    sign_in_as(services, "viewer")
    with pytest.raises(PermissionDenied):
        points(services).redeem(form)


def test_ranking_of_a_period_shares_ranks_and_keeps_to_the_district(services, place) -> None:  # noqa: ANN001
    a, b = place["volunteer"], volunteer(services, place, "李明", 31)
    c = volunteer(services, place, "王芳", 32)
    shift(services, place, a, date(2026, 4, 1), 4)
    shift(services, place, b, date(2026, 4, 2), 4)
    shift(services, place, c, date(2026, 4, 3), 2)
    shift(services, place, c, date(2025, 4, 3), 9)  # before the period
    rows = points(services).ranking(date(2026, 1, 1), TODAY)
    assert [(r.rank, r.points) for r in rows] == [(1, 4), (1, 4), (3, 2)]
    assert rows[2].volunteer_id == c
    assert points(services).ranking(date(2026, 1, 1), TODAY, place["other"].id) == []
    with pytest.raises(ValidationError):
        points(services).ranking(TODAY, date(2026, 1, 1))


def test_cli_prints_a_volunteers_points(services, place, db_path, capsys) -> None:  # noqa: ANN001
    import json

    from redband_desktop.cli import main

    vid = place["volunteer"]
    shift(services, place, vid, date(2026, 5, 1), 3)
    number = points(services).account(vid).volunteer_no
    assert main(["--db", str(db_path), "points", number.lower(), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["balance"] == 3 and out["entries"][0]["source"] == "shift" and out["volunteer_no"] == number
    assert main(["--db", str(db_path), "points", number]) == 0
    assert "余额 3 分" in capsys.readouterr().out
    assert main(["--db", str(db_path), "points", "JJH-ZY1999-99999"]) == 2
    assert "JJH-ZY1999-99999" in capsys.readouterr().err
