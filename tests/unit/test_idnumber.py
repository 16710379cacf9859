"""Tests for Chinese resident ID numbers (redband_desktop.domain.idnumber)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redband_desktop.domain.enums import Gender
from redband_desktop.domain.idnumber import (
    IdNumberInfo,
    check_character,
    make_id_number,
    mask_id_number,
    normalize_id_number,
    parse_id_number,
    region_name,
)
from redband_desktop.errors import ValidationError

TODAY = date(2024, 6, 1)
PROVINCES = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
    "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
    "63", "64", "65", "71", "81", "82",
]  # fmt: skip

regions = st.builds(
    lambda p, rest: f"{p}{rest:04d}", st.sampled_from(PROVINCES), st.integers(1, 9999)
)
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
seqs = st.integers(0, 999)


def problems_of(raw: str, **kwargs) -> list[tuple[str, str, dict]]:
    with pytest.raises(ValidationError) as excinfo:
        parse_id_number(raw, today=TODAY, **kwargs)
    return [(p.field, p.code, p.params) for p in excinfo.value.problems]


def only_problem(raw: str, **kwargs):
    with pytest.raises(ValidationError) as excinfo:
        parse_id_number(raw, today=TODAY, **kwargs)
    assert len(excinfo.value.problems) == 1, excinfo.value.problems
    return excinfo.value.problems[0]


def with_check(first17: str) -> str:
    return first17 + check_character(first17)


# --- check character and construction ---------------------------------------------


def test_standard_example_check_character_is_x():
    assert check_character("11010519491231002") == "X"


@pytest.mark.parametrize("bad", ["1101051949123100", "110105194912310021", "1101051949123100a"])
def test_check_character_rejects_malformed_input(bad):
    with pytest.raises(ValueError):
        check_character(bad)


def test_make_id_number_examples():
    assert make_id_number("110105", date(1949, 12, 31), 2) == "11010519491231002X"
    assert make_id_number("440524", date(1880, 1, 1), 1) == "440524188001010014"


@pytest.mark.parametrize(
    ("region", "seq"), [("11010", 1), ("11010a", 1), ("110105", -1), ("110105", 1000)]
)
def test_make_id_number_rejects_bad_arguments(region, seq):
    with pytest.raises(ValueError):
        make_id_number(region, date(1970, 1, 1), seq)


@given(regions, births, seqs)
def test_round_trip(region, birth, seq):
    number = make_id_number(region, birth, seq)
    info = parse_id_number(number, today=TODAY)
    assert info.number == number
    assert info.birth_date == birth
    assert info.region_code == region
    assert info.gender is (Gender.MALE if seq % 2 else Gender.FEMALE)


@given(regions, births, seqs, st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_change_is_detected(region, birth, seq, position, delta):
    number = make_id_number(region, birth, seq)
    changed = str((int(number[position]) + delta) % 10)
    mutated = number[:position] + changed + number[position + 1 :]
    codes = [code for _, code, _ in problems_of(mutated)]
    assert "id_checksum" in codes


@given(regions, births, seqs)
def test_wrong_check_character_is_detected(region, birth, seq):
    number = make_id_number(region, birth, seq)
    for other in "0123456789X":
        if other != number[-1]:
            codes = [code for _, code, _ in problems_of(number[:-1] + other)]
            assert codes == ["id_checksum"]


# --- normalisation -----------------------------------------------------------------


def test_normalize_full_width_whitespace_and_lower_x():
    assert normalize_id_number(" １１０１０５ 19491231 002ｘ\t") == "11010519491231002X"


def test_lower_case_x_accepted():
    assert parse_id_number("11010519491231002x", today=TODAY).number == "11010519491231002X"


def test_full_width_digits_accepted():
    full_width = "１１０１０５１９４９１２３１００２Ｘ"
    assert parse_id_number(full_width, today=TODAY).number == "11010519491231002X"


@given(regions, births, seqs)
def test_full_width_round_trip(region, birth, seq):
    number = make_id_number(region, birth, seq)
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in number)
    assert parse_id_number(full_width.lower(), today=TODAY).number == number


# --- known numbers -----------------------------------------------------------------


def test_standard_example():
    info = parse_id_number("11010519491231002X", today=TODAY)
    assert info == IdNumberInfo(
        number="11010519491231002X",
        birth_date=date(1949, 12, 31),
        gender=Gender.FEMALE,
        region_code="110105",
        region_name="北京市朝阳区",
        warnings=(),
    )


def test_1880_example_is_checksum_valid_but_too_early():
    problem = only_problem("440524188001010014")
    assert (problem.field, problem.code) == ("id_number", "id_birth_too_early")
    assert problem.params == {"date": "1880-01-01"}
    assert "过早" in problem.message()


def test_region_created_after_birth_year_is_accepted():
    # 西山区 (530112) dates from 1983; numbers were first issued in 1984.
    number = make_id_number("530112", date(1948, 3, 5), 123)
    info = parse_id_number(number, today=TODAY)
    assert info.birth_date == date(1948, 3, 5)
    assert info.gender is Gender.MALE
    assert info.region_name == "云南省昆明市西山区"
    assert info.warnings == ()


def test_wuhua_district_name():
    info = parse_id_number(make_id_number("530102", date(1960, 7, 1), 88), today=TODAY)
    assert info.region_name == "云南省昆明市五华区"
    assert info.gender is Gender.FEMALE


def test_region_abolished_before_birth_is_still_named():
    # 崇文区 was merged into 东城区 in 2010; its codes stay valid for life.
    info = parse_id_number(make_id_number("110103", date(2015, 1, 1), 1), today=TODAY)
    assert info.region_name == "北京市崇文区"
    assert info.warnings == ()


@pytest.mark.parametrize(
    ("code", "year", "name"),
    [
        ("110101", 1950, "北京市东城区"),
        ("441900", 1990, "广东省东莞市"),
        ("429021", 1990, "湖北省神农架林区"),
        ("530126", 1950, "云南省昆明市路南彝族自治县"),
        ("530126", 2000, "云南省昆明市石林彝族自治县"),
        ("810000", 1980, "香港特别行政区"),
        ("830000", 1980, "台湾地区"),
        ("539999", 1980, None),
        ("12345", 1980, None),
    ],
)
def test_region_name(code, year, name):
    assert region_name(code, year) == name


def test_unknown_region_is_a_warning_not_an_error():
    info = parse_id_number(make_id_number("539999", date(1970, 5, 6), 11), today=TODAY)
    assert info.region_name is None
    assert [(w.field, w.code, w.params) for w in info.warnings] == [
        ("id_number", "id_region_unknown", {"region": "539999"})
    ]
    assert "仍可保存" in info.warnings[0].message()


def test_residence_permit_accepted():
    info = parse_id_number(make_id_number("810000", date(1980, 1, 2), 31), today=TODAY)
    assert info.region_name == "香港特别行政区"


# --- errors ------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["", "1101051949123100", "11010519491231002X1", "110105491231002"])
def test_wrong_length(raw):
    problem = only_problem(raw)
    assert (problem.field, problem.code) == ("id_number", "id_length")
    assert problem.params == {"length": len(raw)}
    assert "18 位" in problem.message()


@pytest.mark.parametrize("raw", ["1101051949123100XX", "11010519491231002Y", "A1010519491231002X"])
def test_bad_characters(raw):
    problem = only_problem(raw)
    assert (problem.field, problem.code) == ("id_number", "id_chars")
    assert "17 位" in problem.message()


def test_checksum_error_message():
    problem = only_problem("110105194912310021")
    assert (problem.field, problem.code) == ("id_number", "id_checksum")
    assert problem.params == {"expected": "X", "actual": "1"}
    assert "校验码" in problem.message()
    assert problem.message() == "身份证号：校验码应为 X，实为 1，请核对号码"
    assert "check character" in problem.message("en")


def test_feb_29_non_leap_year_rejected():
    problem = only_problem(with_check("11010519490229002"))
    assert (problem.field, problem.code) == ("id_number", "id_birth_date")
    assert problem.params == {"date": "1949-02-29"}
    assert "出生日期 1949-02-29 无效" in problem.message()


def test_feb_29_leap_year_accepted():
    info = parse_id_number(with_check("11010519480229002"), today=TODAY)
    assert info.birth_date == date(1948, 2, 29)


@pytest.mark.parametrize("digits", ["19491301", "19491232", "19490001", "00000000"])
def test_impossible_dates_rejected(digits):
    problem = only_problem(with_check(f"110105{digits}002"))
    assert problem.code == "id_birth_date"


def test_future_birth_rejected():
    problem = only_problem(with_check("11010520240602002"))
    assert (problem.field, problem.code) == ("id_number", "id_birth_future")
    assert "晚于今天" in problem.message()


def test_born_today_accepted():
    assert parse_id_number(with_check("11010520240601002"), today=TODAY).birth_date == TODAY


def test_too_early_boundary():
    assert only_problem(with_check("11010518991231002")).code == "id_birth_too_early"
    assert parse_id_number(with_check("11010519000101002"), today=TODAY).birth_date == date(
        1900, 1, 1
    )


@pytest.mark.parametrize("region", ["000000", "990101", "100101", "720101", "530000", "110000"])
def test_bad_region(region):
    problem = only_problem(with_check(f"{region}19700101002"))
    assert (problem.field, problem.code) == ("id_number", "id_region_bad")
    assert problem.params == {"region": region}
    assert "地区码" in problem.message()


def test_several_problems_reported_together():
    codes = [code for _, code, _ in problems_of("000000194902290021")]
    assert codes == ["id_birth_date", "id_region_bad", "id_checksum"]


def test_custom_field_name_and_message():
    with pytest.raises(ValidationError) as excinfo:
        parse_id_number("110105194912310021", field="emergency_id", today=TODAY)
    assert excinfo.value.problems[0].field == "emergency_id"
    assert "校验码" in excinfo.value.field_messages()["emergency_id"]


def test_default_today_is_used():
    assert parse_id_number("11010519491231002X").birth_date == date(1949, 12, 31)


# --- masking -----------------------------------------------------------------------


def test_mask():
    assert mask_id_number("53010219480101123x") == "530102********123X"
    assert mask_id_number("１１０１０５１９４９１２３１００２Ｘ") == "110105********002X"


def test_mask_short_input_hides_everything():
    assert mask_id_number("12345") == "*****"
    assert mask_id_number("") == ""
