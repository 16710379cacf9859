"""Personal names: cleaning what was typed, and pinyin for search and sorting.

Names are Chinese characters, letters (for foreign or romanised names) and the
separator · used in transliterated and minority names (约翰·史密斯, 买买提·艾力). Input
methods produce several look-alike dots; they are all stored as U+00B7 so searches and
duplicate checks match.

Pinyin comes from pypinyin, which reads a character by its most common reading. Many
surnames are read differently (单 is dan, but the surname is shan), so the first
character (or a compound surname) is taken from an override table.
"""

from __future__ import annotations

import re
import unicodedata

from redband_desktop.errors import ValidationError

MAX_NAME_LENGTH = 40
SEPARATOR = "\u00b7"
# Applied after NFKC, which has already turned ．into "." and ･ into ・; also the bullet,
# hyphenation point and operator dots that input methods offer instead of ·.
_DOT_LIKE = re.compile("[\u2022\u2027\u2219\u22c5\u30fb\uff65\u0387\u02d1\u16eb\u2e31.]")
_HAN = "[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
# 〇 is a Chinese character used in names, though Unicode classes it as a number.
_EXTRA_NAME_CHARS = frozenset({SEPARATOR, " ", "\u3007"})

# Surname readings where the character's common reading differs (单 dan -> shan). A few
# entries agree with pypinyin today; pinning them keeps phrase matching from moving them.
# fmt: off
_SURNAMES: dict[str, tuple[str, ...]] = {
    "单": ("shan",), "曾": ("zeng",), "解": ("xie",), "仇": ("qiu",), "朴": ("piao",),
    "区": ("ou",), "查": ("zha",), "乐": ("yue",), "覃": ("qin",), "缪": ("miao",),
    "盖": ("ge",), "尉": ("yu",), "翟": ("zhai",), "秘": ("bi",), "种": ("chong",),
    "召": ("shao",), "繁": ("po",), "员": ("yun",), "句": ("gou",), "折": ("she",),
    "隗": ("wei",), "佴": ("nai",), "黑": ("he",), "郇": ("xun",), "能": ("nai",),
    "华": ("hua",), "任": ("ren",), "燕": ("yan",), "纪": ("ji",), "宿": ("su",),
    "万俟": ("mo", "qi"), "尉迟": ("yu", "chi"), "长孙": ("zhang", "sun"),
    "单于": ("chan", "yu"), "澹台": ("tan", "tai"),
}
# fmt: on


def normalize_name(raw: str, field: str = "name") -> str:
    """Trimmed name with single spaces and · as the only separator.

    Spaces between Chinese characters or around the separator are dropped: they only
    ever pad two-character names (张  洁) or set off the dot.
    """
    text = _DOT_LIKE.sub(SEPARATOR, unicodedata.normalize("NFKC", raw or ""))
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(rf" ?{SEPARATOR} ?", SEPARATOR, text)
    text = re.sub(rf"(?<={_HAN}) (?={_HAN})", "", text)
    if not text:
        raise ValidationError.single(field, "required")
    if len(text) > MAX_NAME_LENGTH:
        raise ValidationError.single(field, "too_long", max=MAX_NAME_LENGTH)
    if not _valid_name_chars(text):
        raise ValidationError.single(field, "name_invalid")
    return text


def _valid_name_chars(text: str) -> bool:
    if not all(ch.isalpha() or ch in _EXTRA_NAME_CHARS for ch in text):
        return False
    if any(unicodedata.category(ch) == "Lm" for ch in text):
        return False
    # A separator must sit between two parts of the name.
    return not (text.startswith(SEPARATOR) or text.endswith(SEPARATOR) or SEPARATOR * 2 in text)


def name_pinyin(name: str) -> tuple[str, str]:
    """(full pinyin, initials) in lower case without tones, spaces or separators.

    张洁 -> ("zhangjie", "zj"). Letters of non-Chinese names pass through lower-cased.
    """
    # Imported here, not at the top: pypinyin decodes its phrase dictionary on import
    # (about 0.2 s), which the window's start should not pay before a name is typed or saved.
    from pypinyin import Style, lazy_pinyin

    text = name or ""
    head, rest = _surname_override(text)
    full = "".join(head) + "".join(lazy_pinyin(rest, style=Style.NORMAL))
    initials = "".join(s[0] for s in head) + "".join(lazy_pinyin(rest, style=Style.FIRST_LETTER))
    return _letters_only(full), _letters_only(initials)


def _surname_override(text: str) -> tuple[tuple[str, ...], str]:
    # A compound surname needs a given name after it: 单于 alone is 单 (shan) + 于.
    if len(text) >= 3 and text[:2] in _SURNAMES:
        return _SURNAMES[text[:2]], text[2:]
    if text[:1] in _SURNAMES:
        return _SURNAMES[text[:1]], text[1:]
    return (), text


def _letters_only(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalpha())
