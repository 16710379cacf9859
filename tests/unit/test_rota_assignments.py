"""Putting volunteers on shifts: an overlapping shift of the same volunteer is refused
naming it (across midnight too), suspended and departed volunteers are refused, an expired
card or a full shift only warns; taking someone off; copying a day and last week; the
week view's needed against assigned; every change in the audit trail."""

from __future__ import annotations

import json
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select, update

from redband_desktop.db.models import AuditEntry, Card
from redband_desktop.db.models.rota import Attendance, ShiftAssignment
from redband_desktop.errors import ValidationError
from redband_desktop.services.rota.types import WeekFilter
from redband_desktop.services.shared.changes import Change
from tests.unit.rota_helpers import NEXT_MONDAY, THIS_MONDAY, shifts_on, template, volunteer

TUESDAY = NEXT_MONDAY + timedelta(days=1)


@pytest.fixture
def rota(services, place) -> dict:  # noqa: ANN001
    """An overnight patrol (22:00–02:00) at the compound every day, and at the far compound a
    night duty from 01:00 and an early one from 02:00, generated for next week."""
    c, far = place["compound"].id, place["far"].id
    services.rota.create_template(template(c, start_time=time(22), end_time=time(2), weekdays=tuple(range(7))))
    services.rota.create_template(template(far, duty_type="daily_duty", start_time=time(1), end_time=time(3),
                                           weekdays=tuple(range(7)), needed=1))
    services.rota.create_template(template(far, start_time=time(2), end_time=time(4), weekdays=tuple(range(7)),
                                           needed=1))
    services.rota.generate(NEXT_MONDAY, NEXT_MONDAY + timedelta(days=6))
    return {"night": shifts_on(services, NEXT_MONDAY, c)[0], "one": shifts_on(services, TUESDAY, far)[0],
            "two": shifts_on(services, TUESDAY, far)[1]}


def test_overlap_across_midnight_is_refused_naming_the_clash(services, place, rota) -> None:  # noqa: ANN001
    vid = place["volunteer"]
    services.rota.assign(rota["night"].id, vid)  # Monday 22:00 – Tuesday 02:00
    with pytest.raises(ValidationError) as caught:
        services.rota.assign(rota["one"].id, vid)  # Tuesday 01:00–03:00
    problem = caught.value.problems[0]
    assert (problem.field, problem.code) == ("volunteer_id", "rota_overlap")
    message = problem.text()
    assert "张洁" in message and "金色家园" in message and NEXT_MONDAY.isoformat() in message
    assert "22:00–02:00" in message and "巡逻防范" in message
    touching = services.rota.assign(rota["two"].id, vid)  # Tuesday 02:00: starts as the night ends
    assert [p.name for p in touching.shift.people] == ["张洁"]
    with pytest.raises(ValidationError) as caught:
        services.rota.assign(rota["night"].id, vid)
    assert caught.value.problems[0].code == "rota_already_assigned"
    early = volunteer(services, place["far"].id, "马丽")  # the other way round: on at 02:00 first
    services.rota.assign(rota["two"].id, early)
    assert len(services.rota.assign(rota["night"].id, early).shift.people) == 2


def test_suspended_and_left_are_refused_and_an_expired_card_warns(services, place, rota) -> None:  # noqa: ANN001
    gone, paused, expired = (volunteer(services, place["compound"].id, n) for n in ("王芳", "赵强", "孙丽"))
    for vid, status in ((gone, "left"), (paused, "suspended")):
        services.roster.change_status(vid, services.roster.get(vid).version, status, date.today(), "测试")
        with pytest.raises(ValidationError) as caught:
            services.rota.assign(rota["night"].id, vid)
        assert caught.value.problems[0].code == "rota_volunteer_inactive"
    card = services.cards.issue(expired)
    with services.db.write() as s:
        s.execute(update(Card).where(Card.card_no == card.card_no).values(valid_until=NEXT_MONDAY - timedelta(days=1)))
    first = services.rota.assign(rota["night"].id, place["volunteer"])
    assert first.warnings == ()
    result = services.rota.assign(rota["night"].id, expired)
    assert [p.code for p in result.warnings] == ["rota_card_expired"]
    assert [p.name for p in result.shift.people] == ["张洁", "孙丽"] and result.shift.gap == 0
    third = volunteer(services, place["compound"].id, "周敏")
    assert [p.code for p in services.rota.assign(rota["night"].id, third).warnings] == ["rota_over_needed"]


def test_unassign_and_attended_people_stay(services, place, rota) -> None:  # noqa: ANN001
    vid = place["volunteer"]
    services.rota.assign(rota["night"].id, vid)
    assert services.rota.unassign(rota["night"].id, vid).people == ()
    with pytest.raises(ValidationError) as caught:
        services.rota.unassign(rota["night"].id, vid)
    assert caught.value.problems[0].code == "rota_not_assigned"
    services.rota.assign(rota["night"].id, vid)
    with services.db.write() as s:
        a = s.scalar(select(ShiftAssignment).where(ShiftAssignment.volunteer_id == vid))
        s.add(Attendance(assignment_id=a.id, status="present"))
    with pytest.raises(ValidationError) as caught:
        services.rota.unassign(rota["night"].id, vid)
    assert caught.value.problems[0].code == "rota_attended"


def test_every_change_is_audited_and_announced(services, place, rota) -> None:  # noqa: ANN001
    told: list[Change] = []
    services.changes.subscribe(told.append)
    services.rota.assign(rota["night"].id, place["volunteer"])
    services.rota.unassign(rota["night"].id, place["volunteer"])
    with services.db.read() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.entity.in_(
            ("shift", "shift_template", "skipped_date"))).order_by(AuditEntry.id)))
    assert [(e.action, e.entity) for e in entries] == [
        ("create", "shift_template")] * 3 + [("rota.generate", "shift"), ("rota.assign", "shift"),
                                             ("rota.unassign", "shift")]
    assign = entries[-2]
    assert assign.entity_id == str(rota["night"].id) and "+张洁" in assign.summary and "22:00–02:00" in assign.summary
    assert json.loads(assign.changes) == {"volunteer_id": [None, place["volunteer"]]}
    assert told == [Change.DUTY | Change.AUDIT] * 2


def test_copy_last_week_and_a_day(services, place, rota) -> None:  # noqa: ANN001
    vid, other = place["volunteer"], volunteer(services, place["compound"].id, "刘洋")
    services.rota.generate(NEXT_MONDAY + timedelta(days=7), NEXT_MONDAY + timedelta(days=13))
    services.rota.assign(rota["night"].id, vid)
    services.rota.assign(rota["two"].id, other)
    copied = services.rota.copy_last_week(NEXT_MONDAY + timedelta(days=7))
    assert (copied.shifts_created, copied.assigned, copied.refused) == (0, 2, ())
    assert [p.name for p in shifts_on(services, NEXT_MONDAY + timedelta(days=7), place["compound"].id)[0].people] == \
        ["张洁"]
    assert services.rota.copy_last_week(NEXT_MONDAY + timedelta(days=7)).assigned == 0  # no doubles
    # a day copied onto one with no shifts yet creates them
    target = NEXT_MONDAY + timedelta(days=14)
    result = services.rota.copy_day(NEXT_MONDAY, target)
    assert result.shifts_created == 3 and result.assigned == 1 and result.refused == ()
    with pytest.raises(ValidationError) as caught:
        services.rota.copy_day(NEXT_MONDAY, NEXT_MONDAY)
    assert caught.value.problems[0].code == "rota_same_day"
    with pytest.raises(ValidationError) as caught:
        services.rota.copy_last_week(NEXT_MONDAY + timedelta(days=1))
    assert caught.value.problems[0].code == "rota_not_monday"


def test_copy_reports_who_cannot_be_copied(services, place, rota) -> None:  # noqa: ANN001
    vid = place["volunteer"]
    services.rota.assign(rota["night"].id, vid)  # Monday 22:00–02:00
    wednesday = TUESDAY + timedelta(days=1)
    services.rota.skip_day(wednesday, reason="节日")
    result = services.rota.copy_day(NEXT_MONDAY, wednesday)
    assert (result.shifts_created, result.assigned) == (0, 0)
    assert [p.code for p in result.refused] == ["rota_skipped_day"] and "节日" in result.refused[0].text()
    late = services.rota.create_template(template(place["far"].id, start_time=time(23), end_time=time(1),
                                                  weekdays=(1,), needed=1))
    services.rota.generate(TUESDAY, TUESDAY)
    late_shift = next(sh for sh in shifts_on(services, TUESDAY, place["far"].id) if sh.template_id == late.id)
    services.rota.assign(late_shift.id, vid)  # Tuesday 23:00–01:00 at the other compound
    result = services.rota.copy_day(NEXT_MONDAY, TUESDAY)  # Tuesday's night patrol 22:00–02:00 clashes
    assert result.assigned == 0 and [p.code for p in result.refused] == ["rota_overlap"]
    assert "23:00–01:00" in result.refused[0].text() and "滨江花园" in result.refused[0].text()


def test_week_view_needed_against_assigned(services, place, rota) -> None:  # noqa: ANN001
    services.rota.assign(rota["night"].id, place["volunteer"])
    view = services.rota.week(NEXT_MONDAY + timedelta(days=3))
    assert view.monday == NEXT_MONDAY and len(view.days) == 7
    assert [r.place for r in view.rows] == ["金色家园", "滨江花园"]
    compound = view.rows[0]
    assert [len(day) for day in compound.days] == [1] * 7
    monday = compound.days[0][0]
    assert (monday.needed, len(monday.people), monday.gap) == (2, 1, 1)
    assert (view.needed, view.assigned, view.gaps) == (7 * 2 + 7 + 7, 1, 21)
    only_far = services.rota.week(NEXT_MONDAY, WeekFilter(district_id=place["other"].id))
    assert [r.place for r in only_far.rows] == ["滨江花园"]
    assert [len(d) for d in only_far.rows[0].days] == [2] * 7
    patrols = services.rota.week(NEXT_MONDAY, WeekFilter(duty_type="daily_duty"))
    assert [len(d) for d in patrols.rows[0].days] == [1] * 7
    empty = services.rota.week(THIS_MONDAY - timedelta(days=70))
    assert [len(d) for r in empty.rows for d in r.days] == [0] * 14  # places with templates still listed
