"""Shifts from templates: expansion across months and a leap day, overnight spans on the
day they start, skipped days left out, no doubles when generating twice, and a template's
edit reaching only its future shifts nobody is on."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from redband_desktop.db.models.rota import Shift
from redband_desktop.errors import ValidationError
from tests.unit.rota_helpers import LAST_MONDAY, NEXT_MONDAY, shifts_on, template


def _all_shifts(services) -> list[Shift]:  # noqa: ANN001
    with services.db.read() as s:
        rows = list(s.scalars(select(Shift).order_by(Shift.starts_at)))
        s.expunge_all()
        return rows


def test_expansion_across_months_with_skipped_days_and_no_doubles(services, place) -> None:  # noqa: ANN001
    services.rota.create_template(template(place["compound"].id))  # Mon, Wed, Fri
    services.rota.create_template(template(place["far"].id, weekdays=(2,)))
    wednesday = NEXT_MONDAY + timedelta(days=2)
    services.rota.skip_day(wednesday, reason="元旦")  # the whole station
    services.rota.skip_day(NEXT_MONDAY, site_id=place["far"].id, reason="停业")  # another site: no effect here
    first, last = NEXT_MONDAY, NEXT_MONDAY + timedelta(days=41)  # six weeks, crossing a month's end
    result = services.rota.generate(first, last)
    assert (result.created, result.existing, result.skipped) == (6 * 3 + 6 - 2, 0, 2)
    again = services.rota.generate(first, last)
    assert (again.created, again.existing) == (0, 22)
    rows = _all_shifts(services)
    assert len(rows) == 22 and not [r for r in rows if r.day == wednesday]
    assert {r.day.weekday() for r in rows if r.site_id == place["compound"].id} == {0, 2, 4}
    assert len({r.day.month for r in rows}) >= 2


def test_overnight_shift_belongs_to_its_start_day_across_a_leap_day(services, place) -> None:  # noqa: ANN001
    services.rota.create_template(template(place["compound"].id, start_time=time(22), end_time=time(2),
                                           weekdays=tuple(range(7)), needed=1))
    services.rota.generate(date(2028, 2, 27), date(2028, 3, 1))
    rows = [(r.day, r.starts_at, r.ends_at) for r in _all_shifts(services)]
    assert (date(2028, 2, 28), datetime(2028, 2, 28, 22), datetime(2028, 2, 29, 2)) in rows
    assert (date(2028, 2, 29), datetime(2028, 2, 29, 22), datetime(2028, 3, 1, 2)) in rows
    assert len(rows) == 4
    shift = shifts_on(services, date(2028, 2, 29))[0]
    assert shift.overnight and shift.day == date(2028, 2, 29)


def test_default_length_and_field_problems(services, place) -> None:  # noqa: ANN001
    made = services.rota.create_template(template(place["compound"].id, duty_type="daily_duty",
                                                  start_time=time(22), end_time=None))
    assert made.form.end_time == time(2) and made.place == "金色家园" and made.active  # 日常值守: 4 hours
    with pytest.raises(ValidationError) as caught:
        services.rota.create_template(template(place["compound"].id, duty_type="nap", weekdays=(),
                                               start_time=time(8), end_time=time(8), needed=0, zone_id=999))
    assert {p.field: p.code for p in caught.value.problems} == {
        "duty_type": "invalid_choice", "weekdays": "rota_no_weekday", "needed": "out_of_range",
        "zone_id": "building_site_mismatch", "end_time": "rota_same_time"}
    with pytest.raises(ValidationError) as caught:
        services.rota.create_template(template(place["compound"].id, building_id=1, zone_id=1))
    assert ("zone_id", "rota_building_and_zone") in [(p.field, p.code) for p in caught.value.problems]
    with pytest.raises(ValidationError) as caught:
        services.rota.generate(NEXT_MONDAY, NEXT_MONDAY + timedelta(days=400))
    assert caught.value.problems[0].code == "rota_period_too_long"
    assert services.rota.templates()[0].id == made.id  # nothing else was saved


def test_template_edit_changes_only_future_unassigned_shifts(services, place) -> None:  # noqa: ANN001
    t = services.rota.create_template(template(place["compound"].id))  # Mon, Wed, Fri 19–21
    services.rota.generate(LAST_MONDAY, NEXT_MONDAY + timedelta(days=13))
    friday = NEXT_MONDAY + timedelta(days=4)
    kept = shifts_on(services, friday)[0]
    services.rota.assign(kept.id, place["volunteer"])
    saved = services.rota.update_template(t.id, t.version, template(
        place["compound"].id, start_time=time(20), end_time=time(22), weekdays=(0, 1, 2), needed=3))
    rows = _all_shifts(services)
    now = datetime.now()
    past = [r for r in rows if r.starts_at <= now and r.template_id == t.id]
    assert past and all(r.starts_at.hour == 19 and r.needed == 2 for r in past)  # history kept
    held = next(r for r in rows if r.id == kept.id)
    assert (held.starts_at.hour, held.needed, held.day) == (19, 2, friday)  # someone is on it: unchanged
    future = [r for r in rows if r.starts_at > now and r.id != kept.id]
    assert future and all(r.starts_at.hour == 20 and r.needed == 3 for r in future)
    assert {r.day.weekday() for r in future} <= {0, 1, 2}
    assert any(r.day.weekday() == 1 for r in future)  # the new Tuesday filled in up to the horizon
    assert max(r.day for r in rows) <= NEXT_MONDAY + timedelta(days=13)
    assert saved.removed >= 2 and saved.created >= 2 and saved.updated >= 1
    again = services.rota.generate(NEXT_MONDAY, NEXT_MONDAY + timedelta(days=13))
    assert again.created == 0  # the edit already made what the template wants


def test_retired_template_generates_nothing_and_leaves_assigned_shifts(services, place) -> None:  # noqa: ANN001
    t = services.rota.create_template(template(place["compound"].id))
    services.rota.generate(NEXT_MONDAY, NEXT_MONDAY + timedelta(days=6))
    monday = shifts_on(services, NEXT_MONDAY)[0]
    services.rota.assign(monday.id, place["volunteer"])
    saved = services.rota.retire_template(t.id, t.version)
    assert saved.removed == 2 and not saved.template.active
    assert [r.id for r in _all_shifts(services)] == [monday.id]
    assert services.rota.generate(NEXT_MONDAY, NEXT_MONDAY + timedelta(days=30)).created == 0
    assert services.rota.templates() == [] and len(services.rota.templates(include_retired=True)) == 1


def test_skipping_a_day_later_removes_its_open_shifts_only(services, place) -> None:  # noqa: ANN001
    services.rota.create_template(template(place["compound"].id, needed=1))
    services.rota.create_template(template(place["compound"].id, start_time=time(8), end_time=time(10)))
    services.rota.generate(NEXT_MONDAY, NEXT_MONDAY + timedelta(days=6))
    morning, evening = shifts_on(services, NEXT_MONDAY)
    services.rota.assign(evening.id, place["volunteer"])
    skip = services.rota.skip_day(NEXT_MONDAY, site_id=place["compound"].id, reason="小区停水")
    assert [sh.id for sh in shifts_on(services, NEXT_MONDAY)] == [evening.id]
    view = services.rota.week(NEXT_MONDAY)
    assert view.rows[0].skipped[0] == "小区停水" and view.rows[0].skipped[1] is None
    with pytest.raises(ValidationError) as caught:
        services.rota.skip_day(NEXT_MONDAY, site_id=place["compound"].id)
    assert caught.value.problems[0].code == "rota_skip_exists"
    services.rota.unskip_day(skip.id)
    assert services.rota.generate(NEXT_MONDAY, NEXT_MONDAY).created == 1
    assert morning.id not in {sh.id for sh in shifts_on(services, NEXT_MONDAY)}  # a new one, not the removed


def test_an_edit_fills_new_days_only_where_the_template_was_generated(services, place) -> None:  # noqa: ANN001
    t = services.rota.create_template(template(place["compound"].id, weekdays=(0,)))
    services.rota.generate(NEXT_MONDAY + timedelta(days=7), NEXT_MONDAY + timedelta(days=20))  # two Mondays
    saved = services.rota.update_template(t.id, t.version, template(place["compound"].id, weekdays=(0, 1)))
    assert saved.created == 1  # the Tuesday between them: not this week's or next week's, nor after the last
    assert sorted(r.day for r in _all_shifts(services)) == [
        NEXT_MONDAY + timedelta(days=7), NEXT_MONDAY + timedelta(days=8), NEXT_MONDAY + timedelta(days=14)]
