"""Periods, comparisons and the station's wording of a change, checked by hand: 29 February,
a year to date against the same dates last year, the period just before, a comparison of 0
("新增", never a division by zero), rounding as the station rounds, and bad ranges."""

from __future__ import annotations

from datetime import date

import pytest

from redband_desktop.domain.periods import Period, compared_period, custom_period, period_for
from redband_desktop.domain.stats import change_pct, change_text, count_change_text
from redband_desktop.errors import ValidationError


def test_periods_seen_on_a_day() -> None:
    today = date(2026, 9, 5)
    assert period_for("month", today) == Period(date(2026, 9, 1), today)
    assert period_for("quarter", today) == Period(date(2026, 7, 1), today)
    assert period_for("ytd", today) == Period(date(2026, 1, 1), today)
    assert period_for("last12", today) == Period(date(2025, 9, 6), today)
    assert period_for("last12", today).days == 365
    assert period_for("custom", today, date(2026, 3, 1), date(2026, 3, 31)).days == 31


def test_year_on_year_handles_29_february() -> None:
    ytd_leap = Period(date(2028, 1, 1), date(2028, 2, 29))
    assert compared_period(ytd_leap, "yoy") == Period(date(2027, 1, 1), date(2027, 2, 28))
    feb_after_leap = Period(date(2029, 2, 1), date(2029, 2, 28))
    assert compared_period(feb_after_leap, "yoy") == Period(date(2028, 2, 1), date(2028, 2, 29))
    one_day = Period(date(2028, 2, 29), date(2028, 2, 29))
    assert compared_period(one_day, "yoy") == Period(date(2027, 2, 28), date(2027, 2, 28))
    assert period_for("last12", date(2028, 2, 29)) == Period(date(2027, 3, 1), date(2028, 2, 29))
    assert compared_period(Period(date(2026, 1, 1), date(2026, 9, 5)), "yoy") == Period(date(2025, 1, 1),
                                                                                       date(2025, 9, 5))


def test_period_on_period_is_the_equal_length_before() -> None:
    assert compared_period(Period(date(2026, 3, 1), date(2026, 3, 31)), "pop") == Period(date(2026, 1, 29),
                                                                                        date(2026, 2, 28))
    q = Period(date(2026, 7, 1), date(2026, 9, 5))
    before = compared_period(q, "pop")
    assert before.end == date(2026, 6, 30) and before.days == q.days


def test_change_wording_as_the_station_writes_it() -> None:
    assert change_pct(78, 100) == -22 and change_text(78, 100, "yoy") == "同比下降22%"
    assert change_text(105, 100, "yoy") == "同比上升5%"
    assert change_text(105, 100, "pop") == "环比上升5%"
    assert change_text(100, 100, "yoy") == change_text(0, 0, "yoy") == "持平"
    assert change_text(1000, 1001, "yoy") == "持平"  # −0.1% rounds to 0
    assert change_pct(3, 0) is None and change_text(3, 0, "yoy") == "新增"
    assert change_pct(0, 4) == -100 and change_text(0, 4, "yoy") == "同比下降100%"
    assert change_pct(79, 101) == -22 and change_pct(1, 8) == -88  # −21.78 and −87.5 round away from zero
    assert change_text(78, 100, "yoy", "en") == "down 22% year on year"
    assert count_change_text(31, 27) == "增加 4 个" and count_change_text(3, 3, "en") == "level"


@pytest.mark.parametrize(("start", "end", "field"), [
    (None, date(2026, 1, 1), "date_from"), (date(2026, 1, 1), None, "date_to"),
    (date(2026, 3, 1), date(2026, 2, 1), "date_to"), (date(1202, 1, 1), date(2026, 2, 1), "date_from"),
    (date(2000, 1, 1), date(2026, 2, 1), "date_to"),
])
def test_a_bad_range_names_its_field(start, end, field) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as caught:
        custom_period(start, end)
    assert [p.field for p in caught.value.problems] == [field]
