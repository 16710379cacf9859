"""Tests for mainland phone numbers (redband_desktop.domain.phone)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redband_desktop.domain.phone import is_mobile, mask_phone, normalize_phone
from redband_desktop.errors import ValidationError


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",
        " 138 1234 5678 ",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+8613812345678",
        "+86-138-1234-5678",
        "0086 138 1234 5678",
        "008613812345678",
        "86 13812345678",
        "8613812345678",
        "１３８１２３４５６７８",
        "＋８６ １３８－１２３４－５６７８",
    ],
)
def test_mobile_formats(raw):
    assert normalize_phone(raw) == "13812345678"


@pytest.mark.parametrize("prefix", [str(p) for p in range(130, 200)])
def test_every_mobile_block_13_to_19_accepted(prefix):
    assert normalize_phone(f"{prefix}12345678") == f"{prefix}12345678"


@pytest.mark.parametrize(
    "raw",
    [
        "0871-68123456",
        "087168123456",
        "0871 6812 3456",
        "(0871)68123456",
        "(0871) 6812-3456",
        "（０８７１）６８１２３４５６",
        "+86 871 6812 3456",
        "+86-871-68123456",
        "+86 (0)871 6812 3456",
        "0086 871 68123456",
        "86 871 68123456",
        "0871—68123456",
    ],
)
def test_landline_formats(raw):
    assert normalize_phone(raw) == "0871-68123456"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("+86 10 1234 5678", "010-12345678"),
        ("021 1234 5678", "021-12345678"),
        ("0755-12345678", "0755-12345678"),
        ("0351-1234567", "0351-1234567"),
    ],
)
def test_landlines_in_other_cities(raw, expected):
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize("raw", ["", "   ", "\u3000"])
def test_blank_is_empty(raw):
    assert normalize_phone(raw) == ""


@pytest.mark.parametrize(
    "raw",
    [
        "138123456789",  # 12 digits
        "1381234567",  # 10 digits starting with 1
        "12345678901",  # 12x is not a mobile block
        "68123456",  # landline without area code
        "6812345",
        "1381234567a",
        "138abcd5678",
        "phone",
        "0871-6812345",  # Kunming numbers have 8 digits
        "0871-681234567",
        "+1 650 253 0000",  # not mainland
        "+852 2123 4567",
        "138 1234 5678 转 12",
        "138+12345678",
        "4008123456",
        "0",
        "+",
    ],
)
def test_invalid(raw):
    with pytest.raises(ValidationError) as excinfo:
        normalize_phone(raw)
    problem = excinfo.value.problems[0]
    assert (problem.field, problem.code) == ("phone", "phone_invalid")
    assert "不是有效的手机或固定电话号码" in problem.message()
    assert problem.message().startswith("手机号")


def test_custom_field_name():
    with pytest.raises(ValidationError) as excinfo:
        normalize_phone("123", field="emergency_phone")
    assert excinfo.value.problems[0].field == "emergency_phone"
    assert excinfo.value.message().startswith("紧急联系电话")


@given(st.integers(3, 9), st.integers(0, 999_999_999))
def test_any_mobile_round_trips(second, rest):
    number = f"1{second}{rest:09d}"
    spaced = f"+86 {number[:3]} {number[3:7]} {number[7:]}"
    assert normalize_phone(spaced) == number
    assert normalize_phone(number) == number


def test_normalising_is_idempotent():
    for raw in ["+86 871 6812 3456", "13812345678", "010 1234 5678"]:
        once = normalize_phone(raw)
        assert normalize_phone(once) == once


def test_is_mobile():
    assert is_mobile("13812345678")
    assert is_mobile("+86 138 1234 5678")
    assert not is_mobile("0871-68123456")
    assert not is_mobile("")
    assert not is_mobile("12345")


def test_mask_mobile():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("+86 138 1234 5678") == "138****5678"


def test_mask_landline():
    assert mask_phone("0871-68123456") == "0871-****3456"
    assert mask_phone("010-12345678") == "010-****5678"
    assert mask_phone("0351-1234567") == "0351-****4567"


def test_mask_invalid_or_empty_keeps_only_last_four():
    assert mask_phone("") == ""
    assert mask_phone("6812345") == "***2345"
    assert mask_phone("12") == "12"
