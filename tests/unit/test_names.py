"""Tests for personal names and their pinyin (redband_desktop.domain.names)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redband_desktop.domain.names import MAX_NAME_LENGTH, name_pinyin, normalize_name
from redband_desktop.errors import ValidationError


def problem_of(raw: str, **kwargs):
    with pytest.raises(ValidationError) as excinfo:
        normalize_name(raw, **kwargs)
    assert len(excinfo.value.problems) == 1
    return excinfo.value.problems[0]


# --- normalize_name ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("张洁", "张洁"),
        ("  张洁\t", "张洁"),
        ("张  洁", "张洁"),
        ("张\u3000洁", "张洁"),
        ("欧阳 娜娜", "欧阳娜娜"),
        ("王〇", "王〇"),
        ("John   Smith", "John Smith"),
        ("Ｊｏｈｎ　Ｓｍｉｔｈ", "John Smith"),
        ("Anna·Müller", "Anna·Müller"),
    ],
)
def test_normalize(raw, expected):
    assert normalize_name(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "约翰·史密斯",
        "约翰•史密斯",  # bullet
        "约翰．史密斯",  # full-width full stop
        "约翰.史密斯",
        "约翰・史密斯",  # katakana middle dot
        "约翰･史密斯",  # half-width katakana middle dot
        "约翰‧史密斯",  # hyphenation point
        "约翰∙史密斯",  # bullet operator
        "约翰⋅史密斯",  # dot operator
        "约翰 · 史密斯",
        " 约翰 • 史密斯 ",
    ],
)
def test_separator_variants_become_middle_dot(raw):
    assert normalize_name(raw) == "约翰·史密斯"


def test_minority_name_with_separator():
    assert normalize_name("买买提·艾力") == "买买提·艾力"


@pytest.mark.parametrize(
    "raw",
    [
        "张3",
        "张洁1",
        "１张",
        "张@",
        "张_洁",
        "张-洁",
        "(张洁)",
        "张洁!",
        "·张洁",
        "张洁·",
        "约翰··史密斯",
        "ー",
    ],
)
def test_invalid_characters_rejected(raw):
    problem = problem_of(raw)
    assert (problem.field, problem.code) == ("name", "name_invalid")
    assert problem.message() == "姓名：姓名只能包含汉字、字母、间隔号“·”"


@pytest.mark.parametrize("raw", ["", "   ", "\u3000"])
def test_blank_required(raw):
    problem = problem_of(raw)
    assert (problem.field, problem.code) == ("name", "required")
    assert problem.message() == "姓名：必填"


def test_too_long():
    assert normalize_name("张" * MAX_NAME_LENGTH) == "张" * MAX_NAME_LENGTH
    problem = problem_of("张" * (MAX_NAME_LENGTH + 1))
    assert (problem.field, problem.code, problem.params) == ("name", "too_long", {"max": 40})
    assert "40" in problem.message()


def test_custom_field():
    problem = problem_of("李4", field="emergency_name")
    assert problem.field == "emergency_name"
    assert problem.message().startswith("紧急联系人")


@given(st.text(alphabet="张王李赵洁明华·• 　．", max_size=50))
def test_normalize_is_idempotent(raw):
    try:
        once = normalize_name(raw)
    except ValidationError:
        return
    assert normalize_name(once) == once
    assert once == once.strip()
    assert "  " not in once


# --- name_pinyin -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("张洁", "zhangjie", "zj"),
        ("吕布", "lvbu", "lb"),
        ("欧阳娜娜", "ouyangnana", "oynn"),
        ("单雄信", "shanxiongxin", "sxx"),
        ("曾国藩", "zengguofan", "zgf"),
        ("解缙", "xiejin", "xj"),
        ("仇英", "qiuying", "qy"),
        ("朴槿惠", "piaojinhui", "pjh"),
        ("区永", "ouyong", "oy"),
        ("查良镛", "zhaliangyong", "zly"),
        ("乐嘉", "yuejia", "yj"),
        ("覃明", "qinming", "qm"),
        ("缪斯", "miaosi", "ms"),
        ("盖聂", "genie", "gn"),
        ("尉缭", "yuliao", "yl"),
        ("翟明", "zhaiming", "zm"),
        ("秘明", "biming", "bm"),
        ("种师道", "chongshidao", "csd"),
        ("万俟卨", "moqixie", "mqx"),
        ("尉迟恭", "yuchigong", "ycg"),
        ("长孙无忌", "zhangsunwuji", "zswj"),
        ("单于飞", "chanyufei", "cyf"),
        ("单于", "shanyu", "sy"),  # two characters: surname 单 and given name 于
        ("约翰·史密斯", "yuehanshimisi", "yhsms"),
        ("John Smith", "johnsmith", "johnsmith"),
        ("李John", "lijohn", "ljohn"),
        ("", "", ""),
    ],
)
def test_name_pinyin(name, full, initials):
    assert name_pinyin(name) == (full, initials)


def test_single_character_surname_alone():
    assert name_pinyin("曾") == ("zeng", "z")
    assert name_pinyin("单")[0].startswith("shan")


def test_override_only_applies_to_the_first_character():
    # 单 inside a given name keeps its ordinary reading.
    assert name_pinyin("王单") == ("wangdan", "wd")


@given(
    st.text(alphabet="张王李赵洁明华单曾解·", min_size=1, max_size=10).filter(
        lambda s: s.strip("·")
    )
)
def test_pinyin_is_lower_ascii_letters(name):
    full, initials = name_pinyin(name)
    assert full.isascii() and full.isalpha() and full == full.lower()
    assert initials.isascii() and initials.isalpha()
    assert len(initials) == sum(1 for ch in name if ch != "·")
