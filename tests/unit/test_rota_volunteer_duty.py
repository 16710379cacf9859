"""A volunteer's duty on their page: every shift they were on (assigned or standing in),
newest first, with their attendance and hours, and the last twelve months one by one;
hours only from attendance, a swap's hours the stand-in's, the same figures the hours
report gives; read like the roster (any reader, any district); quick with hundreds of shifts."""

from __future__ import annotations

import time as clock
from datetime import date, datetime, time, timedelta

import pytest

from redband_desktop.db.models.rota import Attendance, Shift, ShiftAssignment
from redband_desktop.errors import NotFoundError, PermissionDenied, ValidationError
from redband_desktop.services.rota.people import month_starts
from redband_desktop.services.rota.types import AttendanceForm as A
from redband_desktop.services.shared.settings import write_setting
from tests.ui.staff import sign_in_as
from tests.unit.rota_helpers import shifts_on, template, volunteer

TODAY = date.today()


@pytest.fixture
def served(services, place) -> dict:  # noqa: ANN001
    """A daily 08:00–10:00 patrol at the compound for the last 70 days and the next 3;
    张洁 present 65 days ago, late yesterday, swapped out (孙丽 stood in) 5 days ago, absent
    6 days ago, on a shift in two days; 王芳 absent on the swap's shift."""
    with services.db.write() as s:
        write_setting(s, "rota.attendance_days_back", 90)
    services.rota.create_template(template(place["compound"].id, start_time=time(8), end_time=time(10),
                                           weekdays=tuple(range(7)), needed=3))
    services.rota.generate(TODAY - timedelta(days=70), TODAY + timedelta(days=3))
    me, wang, sun = place["volunteer"], volunteer(services, place["compound"].id, "王芳"), \
        volunteer(services, place["compound"].id, "孙丽")
    days = {n: TODAY - timedelta(days=n) for n in (65, 6, 5, 1, -2)}
    shift = {n: shifts_on(services, day)[0] for n, day in days.items()}
    for n in days:
        services.rota.assign(shift[n].id, me)
    services.rota.assign(shift[5].id, wang)
    services.rota.record_attendance(shift[65].id, [A(me, "present")])
    services.rota.record_attendance(shift[6].id, [A(me, "absent")])
    services.rota.record_attendance(shift[5].id, [A(me, "swapped", swapped_with_id=sun), A(wang, "absent")])
    services.rota.record_attendance(shift[1].id, [A(me, "late", signed_in_at=datetime.combine(days[1], time(8, 30)))])
    return {"me": me, "wang": wang, "sun": sun, "days": days, "shift": shift}


def test_shifts_newest_first_with_attendance_and_hours(services, served) -> None:  # noqa: ANN001
    duty = services.rota.volunteer_duty(served["me"])
    days = served["days"]
    assert [(r.day, r.status, r.swapped_with, r.stood_in_for, r.minutes) for r in duty.shifts] == [
        (days[-2], "", "", "", 0), (days[1], "late", "", "", 90), (days[5], "swapped", "孙丽", "", 0),
        (days[6], "absent", "", "", 0), (days[65], "present", "", "", 120)]
    first = duty.shifts[1]
    assert first.place == "金色家园" and first.duty_type == "patrol" and first.hours == 1.5
    assert first.signed_in_at == datetime.combine(days[1], time(8, 30))
    stand_in = services.rota.volunteer_duty(served["sun"]).shifts
    assert [(r.day, r.status, r.stood_in_for, r.minutes) for r in stand_in] == [(days[5], "swapped", "张洁", 120)]
    assert [(r.status, r.minutes) for r in services.rota.volunteer_duty(served["wang"]).shifts] == [("absent", 0)]


def test_months_add_up_to_the_hours_report(services, served) -> None:  # noqa: ANN001
    duty = services.rota.volunteer_duty(served["me"])
    assert [m.month for m in duty.months] == month_starts(TODAY) and len(duty.months) == 12
    assert duty.months[0].month == TODAY.replace(day=1)
    expected: dict[date, list[int]] = {}
    for n, shifts, attended, absent, minutes in ((65, 1, 1, 0, 120), (6, 1, 0, 1, 0), (5, 1, 0, 0, 0),
                                                 (1, 1, 1, 0, 90), (-2, 1, 0, 0, 0)):
        tally = expected.setdefault(served["days"][n].replace(day=1), [0, 0, 0, 0])
        for i, v in enumerate((shifts, attended, absent, minutes)):
            tally[i] += v
    got = {m.month: [m.shifts, m.attended, m.absent, m.minutes] for m in duty.months if m.shifts}
    assert got == expected
    first = month_starts(TODAY)[-1]
    for who in ("me", "sun", "wang"):
        report = {h.volunteer_id: h.minutes for h in services.rota.hours(first, TODAY).rows}
        assert sum(m.minutes for m in services.rota.volunteer_duty(served[who]).months) == report.get(served[who], 0)
    sun = services.rota.volunteer_duty(served["sun"]).months
    assert sum(m.attended for m in sun) == 1 and sum(m.minutes for m in sun) == 120


def test_read_like_the_roster(services, place, served) -> None:  # noqa: ANN001
    for role, district in (("viewer", None), ("leader", None), ("officer", place["other"].id)):
        sign_in_as(services, role, district)  # an officer reads another district's volunteer, as in the roster
        assert services.roster.get(served["me"]).name == "张洁"
        assert len(services.rota.volunteer_duty(served["me"]).shifts) == 5
    with pytest.raises(NotFoundError):
        services.rota.volunteer_duty(999_999)
    for wrong in (None, "3", 0):
        with pytest.raises(ValidationError) as caught:
            services.rota.volunteer_duty(wrong)  # type: ignore[arg-type]
        assert caught.value.problems[0].field == "volunteer_id"
    services.accounts.sign_out()
    with pytest.raises(PermissionDenied):
        services.rota.volunteer_duty(served["me"])


def test_hundreds_of_shifts_read_quickly(services, place) -> None:  # noqa: ANN001
    me = place["volunteer"]
    with services.db.write() as s:  # 600 shifts over the last 600 days, every one attended
        for n in range(600):
            day = TODAY - timedelta(days=n + 1)
            shift = Shift(district_id=place["district"].id, site_id=place["compound"].id, duty_type="patrol", day=day,
                          starts_at=datetime.combine(day, time(8)), ends_at=datetime.combine(day, time(10)), needed=1)
            s.add(shift)
            s.flush()
            a = ShiftAssignment(shift_id=shift.id, volunteer_id=me)
            s.add(a)
            s.flush()
            s.add(Attendance(assignment_id=a.id, status="present", signed_in_at=shift.starts_at,
                             signed_out_at=shift.ends_at))
    started = clock.perf_counter()
    duty = services.rota.volunteer_duty(me)
    spent = clock.perf_counter() - started
    assert len(duty.shifts) == 600 and duty.shifts[0].day == TODAY - timedelta(days=1)
    in_year = sum(1 for n in range(600) if TODAY - timedelta(days=n + 1) >= month_starts(TODAY)[-1])
    assert sum(m.shifts for m in duty.months) == in_year and sum(m.minutes for m in duty.months) == in_year * 120
    assert spent < 1.0, spent
