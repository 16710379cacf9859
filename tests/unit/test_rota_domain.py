"""Rota rules without a database: duty types with their default lengths, weekday masks,
overnight spans belonging to the day they start, and overlap between two shifts."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from redband_desktop.domain.rota import (
    EVERY_DAY,
    DutyType,
    default_end,
    is_overnight,
    length_minutes,
    overlaps,
    runs_on,
    span_on,
    span_problem,
    week_start,
    weekday_mask,
    weekdays_of,
)


def test_duty_types_are_listed_once_with_labels_and_lengths() -> None:
    assert [d.zh for d in DutyType] == ["巡逻防范", "信息预警", "线索上报", "秩序维护", "日常值守", "其他"]
    assert all(d.minutes > 0 for d in DutyType)
    assert DutyType.parse("日常值守") is DutyType.DAILY_DUTY and DutyType.DAILY_DUTY.minutes == 240
    assert DutyType("patrol").label("en") == "Patrol"
    assert len({d.value for d in DutyType}) == len(DutyType)


def test_overnight_span_belongs_to_the_day_it_starts() -> None:
    starts, ends = span_on(date(2026, 12, 31), time(22), time(2))
    assert starts == datetime(2026, 12, 31, 22) and ends == datetime(2027, 1, 1, 2)
    assert is_overnight(time(22), time(2)) and not is_overnight(time(8), time(12))
    assert length_minutes(time(22), time(2)) == 240
    assert span_on(date(2028, 2, 28), time(23, 30), time(0, 30))[1] == datetime(2028, 2, 29, 0, 30)  # leap day


def test_a_span_that_is_nothing_or_a_whole_day_is_refused() -> None:
    assert span_problem(time(8), time(8)) == "rota_same_time"
    assert span_problem(time(8), time(7, 59)) is None  # nearly a day, overnight


def test_default_end_follows_the_duty_type_and_wraps_past_midnight() -> None:
    assert default_end(time(9), DutyType.PATROL) == time(11)
    assert default_end(time(23), DutyType.DAILY_DUTY) == time(3)


@pytest.mark.parametrize(("a", "b", "clash"), [
    ((datetime(2026, 12, 1, 22), datetime(2026, 12, 2, 2)), (datetime(2026, 12, 2, 1), datetime(2026, 12, 2, 3)), True),
    ((datetime(2026, 12, 1, 8), datetime(2026, 12, 1, 14)), (datetime(2026, 12, 1, 14), datetime(2026, 12, 1, 16)),
     False),  # touching ends
    ((datetime(2026, 12, 1, 8), datetime(2026, 12, 1, 18)), (datetime(2026, 12, 1, 9), datetime(2026, 12, 1, 10)),
     True),  # one inside the other
    ((datetime(2026, 12, 1, 22), datetime(2026, 12, 2, 2)), (datetime(2026, 12, 2, 22), datetime(2026, 12, 3, 2)),
     False),
])
def test_overlap(a, b, clash) -> None:  # noqa: ANN001
    assert overlaps(*a, *b) is clash and overlaps(*b, *a) is clash


def test_weekday_masks() -> None:
    assert weekday_mask(range(7)) == EVERY_DAY
    assert weekdays_of(weekday_mask([5, 0])) == (0, 5)
    assert runs_on(weekday_mask([0]), date(2026, 11, 30)) and not runs_on(weekday_mask([0]), date(2026, 12, 1))
    for bad in ([7], [-1], ["1"], [True]):
        with pytest.raises(ValueError):
            weekday_mask(bad)
    assert week_start(date(2026, 12, 6)) == date(2026, 11, 30)
