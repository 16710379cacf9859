"""Attendance on shifts and the service hours it gives: only once a shift has begun and
within the days-back setting; present, late (own times), absent (no hours), swapped (the
stand-in gets the hours); hours come from recorded attendance only; wrong entries are all
named and nothing is saved; rights, district scope and the audit trail."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from redband_desktop.db.models import AuditEntry
from redband_desktop.errors import PermissionDenied, ValidationError
from redband_desktop.services.rota.types import AttendanceForm as A
from redband_desktop.services.shared.settings import write_setting
from tests.ui.staff import sign_in_as
from tests.unit.rota_helpers import shifts_on, template, volunteer

TODAY = date.today()
YESTERDAY = TODAY - timedelta(days=1)


@pytest.fixture
def crew(services, place) -> dict:  # noqa: ANN001
    """A 08:00–10:00 patrol every day at the compound, from ten days ago to next week, and
    five volunteers of the compound."""
    services.rota.create_template(template(place["compound"].id, start_time=time(8), end_time=time(10),
                                           weekdays=tuple(range(7))))
    services.rota.generate(TODAY - timedelta(days=10), TODAY + timedelta(days=7))
    people = {"张洁": place["volunteer"]}
    for name in ("王芳", "赵强", "孙丽", "周敏"):
        people[name] = volunteer(services, place["compound"].id, name)
    return people


def _shift(services, day: date):  # noqa: ANN001, ANN202
    return shifts_on(services, day)[0]


def _problems(exc: ValidationError) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in exc.problems]


def test_hours_come_from_attendance_only(services, crew) -> None:  # noqa: ANN001
    shift = _shift(services, YESTERDAY)
    for name in ("张洁", "王芳", "赵强"):
        services.rota.assign(shift.id, crew[name])
    unrecorded = _shift(services, TODAY - timedelta(days=3))
    services.rota.assign(unrecorded.id, crew["周敏"])  # on a shift, but nobody recorded it
    late_in = datetime.combine(YESTERDAY, time(8, 30))
    result = services.rota.record_attendance(shift.id, [
        A(crew["张洁"], "present"), A(crew["王芳"], "late", signed_in_at=late_in),
        A(crew["赵强"], "swapped", swapped_with_id=crew["孙丽"])])
    assert [(r.name, r.status, r.minutes, r.swapped_with) for r in result.rows] == [
        ("张洁", "present", 120, ""), ("王芳", "late", 90, ""), ("赵强", "swapped", 120, "孙丽")]
    report = services.rota.hours(TODAY - timedelta(days=10), TODAY)
    assert [(h.name, h.shifts, h.hours) for h in report.rows] == [("孙丽", 1, 2.0), ("张洁", 1, 2.0), ("王芳", 1, 1.5)]
    assert report.total_minutes == 330
    services.rota.record_attendance(shift.id, [A(crew["张洁"], "absent")])  # corrected: 张洁 did not come
    report = services.rota.hours(TODAY - timedelta(days=10), TODAY)
    assert [h.name for h in report.rows] == ["孙丽", "王芳"] and report.total_minutes == 210
    with pytest.raises(ValidationError) as caught:
        services.rota.unassign(shift.id, crew["王芳"])
    assert _problems(caught.value) == [("volunteer_id", "rota_attended")]


def test_wrong_entries_are_all_named_and_nothing_is_saved(services, crew) -> None:  # noqa: ANN001
    shift = _shift(services, YESTERDAY)
    for name in ("张洁", "王芳", "赵强"):
        services.rota.assign(shift.id, crew[name])
    early = datetime.combine(YESTERDAY, time(9))
    with pytest.raises(ValidationError) as caught:
        services.rota.record_attendance(shift.id, [
            A(crew["张洁"], "present", signed_in_at=early, signed_out_at=early - timedelta(minutes=5)),
            A(crew["王芳"], "swapped"), A(crew["赵强"], "swapped", swapped_with_id=crew["张洁"]),
            A(crew["孙丽"], "present"), A(crew["张洁"], "napping"),
            A(crew["王芳"], "present", signed_in_at=datetime.combine(YESTERDAY - timedelta(days=1), time(8)))])
    assert _problems(caught.value) == [
        ("signed_out_at", "rota_out_before_in"), ("swapped_with_id", "required"),
        ("swapped_with_id", "rota_swap_on_shift"), ("volunteer_id", "rota_not_assigned"),
        ("status", "invalid_choice"), ("signed_in_at", "rota_time_far")]
    assert all(r.status == "" for r in services.rota.attendance(shift.id).rows)
    assert services.rota.hours(YESTERDAY, YESTERDAY).rows == ()


def test_only_from_the_start_and_within_the_days_back_setting(services, crew) -> None:  # noqa: ANN001
    tomorrow, old = _shift(services, TODAY + timedelta(days=1)), _shift(services, TODAY - timedelta(days=9))
    for shift in (tomorrow, old):
        services.rota.assign(shift.id, crew["张洁"])
    with pytest.raises(ValidationError) as caught:
        services.rota.record_attendance(tomorrow.id, [A(crew["张洁"], "present")])
    assert _problems(caught.value) == [("shift_id", "rota_not_started")]
    with pytest.raises(ValidationError) as caught:
        services.rota.record_attendance(old.id, [A(crew["张洁"], "present")])
    assert _problems(caught.value) == [("shift_id", "rota_too_late")] and "7" in caught.value.message()
    with services.db.write() as s:
        write_setting(s, "rota.attendance_days_back", 10)
    assert services.rota.record_attendance(old.id, [A(crew["张洁"], "present")]).rows[0].minutes == 120


def test_overnight_attendance_counts_across_midnight(services, place, crew) -> None:  # noqa: ANN001
    services.rota.create_template(template(place["compound"].id, start_time=time(22), end_time=time(2),
                                           weekdays=tuple(range(7))))
    services.rota.generate(TODAY - timedelta(days=2), TODAY - timedelta(days=2))
    night = next(sh for sh in shifts_on(services, TODAY - timedelta(days=2)) if sh.overnight)
    services.rota.assign(night.id, crew["周敏"])
    out = datetime.combine(TODAY - timedelta(days=1), time(1, 30))
    row = services.rota.record_attendance(night.id, [A(crew["周敏"], "present", signed_out_at=out)]).rows[0]
    assert row.minutes == 210 and row.signed_in_at == datetime.combine(TODAY - timedelta(days=2), time(22))


def test_rights_scope_and_the_audit_trail(services, place, crew) -> None:  # noqa: ANN001
    shift = _shift(services, YESTERDAY)
    services.rota.assign(shift.id, crew["张洁"])
    for role, district in (("viewer", None), ("officer", place["other"].id)):
        sign_in_as(services, role, district)
        with pytest.raises(PermissionDenied):
            services.rota.record_attendance(shift.id, [A(crew["张洁"], "present")])
    sign_in_as(services, "clerk")
    services.rota.record_attendance(shift.id, [A(crew["张洁"], "late", signed_in_at=datetime.combine(YESTERDAY,
                                                                                                      time(8, 20)))])
    sign_in_as(services, "viewer")
    assert services.rota.hours(YESTERDAY, YESTERDAY).rows[0].minutes == 100  # viewers read the hours
    with services.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "rota.attendance")).one()
    assert entry.entity == "shift" and entry.entity_id == str(shift.id) and entry.username == "t_clerk_0"
    assert json.loads(entry.changes) == {"attendance": [None, "张洁 迟到"]}


def test_duty_figures_for_stats(services, crew) -> None:  # noqa: ANN001
    yesterday, tomorrow = _shift(services, YESTERDAY), _shift(services, TODAY + timedelta(days=1))
    for name in ("张洁", "王芳", "赵强"):  # three on a shift that needs two: it is full, not 150 %
        services.rota.assign(yesterday.id, crew[name])
    services.rota.assign(tomorrow.id, crew["孙丽"])
    services.rota.record_attendance(yesterday.id, [A(crew["张洁"], "present"), A(crew["王芳"], "absent")])
    assert set(services.stats.report()["duty"]) >= {"shifts", "filled_pct", "attendance_pct", "hours"}
    duty = services.rota.figures(TODAY - timedelta(days=10), TODAY)
    assert duty["shifts"] == 11 and duty["people_needed"] == 22
    assert duty["people_assigned"] == 2  # tomorrow's shift is after the period
    assert duty["attendance_pct"] == round(100 / 3, 1)  # 张洁 of the three due yesterday
    assert duty["hours"] == 2.0 and duty["volunteers_served"] == 1
    assert duty["filled_pct"] == round(100 * 2 / 22, 1)


def test_the_days_list_has_the_shifts_with_people(services, place, crew) -> None:  # noqa: ANN001
    services.rota.create_template(template(place["far"].id, start_time=time(6), end_time=time(7),
                                           weekdays=tuple(range(7))))
    services.rota.generate(YESTERDAY, YESTERDAY)
    mine, far = (shifts_on(services, YESTERDAY, site)[0] for site in (place["compound"].id, place["far"].id))
    services.rota.assign(mine.id, crew["张洁"])
    services.rota.assign(far.id, volunteer(services, place["far"].id, "陈刚"))
    services.rota.record_attendance(mine.id, [A(crew["张洁"], "present")])
    day = services.rota.day_attendance(YESTERDAY)
    assert [(d.shift.place, [(r.name, r.status) for r in d.rows]) for d in day] == [
        ("滨江花园", [("陈刚", "")]), ("金色家园", [("张洁", "present")])]  # in order of start
    assert [d.shift.id for d in services.rota.day_attendance(YESTERDAY, place["district"].id)] == [mine.id]
    assert services.rota.day_attendance(TODAY + timedelta(days=2)) == []  # nobody on those yet


def test_duty_hours_in_the_statistics_follow_attendance_and_district(services, place, crew) -> None:  # noqa: ANN001
    """The statistics' duty hours are the rota's attendance hours of the period and of the
    comparison period; an officer's (statistics and `duty` key) are their district's."""
    from decimal import Decimal

    from redband_desktop.domain.periods import Period
    from redband_desktop.domain.stats import Figure

    services.rota.create_template(template(place["far"].id, start_time=time(6), end_time=time(7),
                                           weekdays=tuple(range(7))))
    services.rota.generate(TODAY - timedelta(days=10), TODAY)
    near, far = _shift(services, YESTERDAY), shifts_on(services, YESTERDAY)[1]
    assert far.district_id != near.district_id
    stranger = volunteer(services, place["far"].id, "钱多")
    services.rota.assign(near.id, crew["张洁"])
    services.rota.assign(near.id, crew["王芳"])
    services.rota.assign(far.id, stranger)
    services.rota.record_attendance(near.id, [A(crew["张洁"], "present"), A(crew["王芳"], "late", signed_in_at=datetime.combine(YESTERDAY, time(8, 30)))])
    services.rota.record_attendance(far.id, [A(stranger, "present")])
    period = Period(YESTERDAY, YESTERDAY)  # compared with the day before, when nobody served
    assert services.stats.figures(period, "pop").volunteers.duty_hours == Figure(Decimal("4.5"), Decimal("0.0"))
    assert services.stats.report(period, "pop")["duty"]["hours"] == 4.5
    sign_in_as(services, "officer", near.district_id)
    assert services.stats.figures(period, "pop").volunteers.duty_hours == Figure(Decimal("3.5"), Decimal("0.0"))
    duty = services.stats.report(period, "pop")["duty"]
    assert duty["hours"] == 3.5 and duty["volunteers_served"] == 2 and duty["shifts"] == 1
    earlier = Period(YESTERDAY + timedelta(days=1), TODAY)  # today against yesterday
    assert services.stats.figures(earlier, "pop").volunteers.duty_hours == Figure(Decimal("0.0"), Decimal("3.5"))
