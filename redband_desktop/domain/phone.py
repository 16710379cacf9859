"""Mainland China telephone numbers: mobiles and landlines with an area code.

Numbers are stored in one canonical form so that duplicates and searches match however
they were typed: a mobile as 11 digits (``13812345678``), a landline as area code with
its leading 0, a dash and the local number (``0871-68123456``). A landline typed without
an area code is rejected because the city cannot be known.

Mobiles are checked by shape only (1, then 3-9, then 9 digits): phonenumbers' list of
allocated mobile blocks would be frozen at install time in this offline program and
would then reject a real volunteer's number from a newly opened block. Landlines are
validated by phonenumbers, whose area-code table is what splits the area code from the
local number.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from phonenumbers import PhoneNumberType

from redband_desktop.errors import ValidationError

_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_LANDLINE = re.compile(r"(0[0-9]{2,3})-([0-9]{7,8})")
# Separators people type between digit groups (after NFKC, which folds full-width ones).
_ALLOWED = re.compile(r"\+?[0-9\s\-\u2010-\u2015().]*")
_FIXED_TYPES = (PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


def normalize_phone(raw: str, field: str = "phone") -> str:
    """Canonical form of a mobile or landline; "" for blank input.

    Raises `ValidationError` (code ``phone_invalid``) for anything else.
    """
    text = unicodedata.normalize("NFKC", raw or "").strip()
    if not text:
        return ""
    if not _ALLOWED.fullmatch(text):
        raise ValidationError.single(field, "phone_invalid")
    national = _national_digits(text)
    if national is None:
        raise ValidationError.single(field, "phone_invalid")
    if _MOBILE.fullmatch(national):
        return national
    landline = _landline(national) if national.startswith("0") else None
    if landline is None:
        raise ValidationError.single(field, "phone_invalid")
    return landline


def _national_digits(text: str) -> str | None:
    """Digits without the +86 / 0086 / 86 country prefix; None for a foreign number."""
    digits = re.sub(r"[^0-9]", "", text)
    if text.startswith("+"):
        if not digits.startswith("86"):
            return None
        rest = digits[2:]
    elif digits.startswith("0086"):
        rest = digits[4:]
    elif digits.startswith("86") and len(digits) >= 12:
        # No national number starts with 86 and is this long, so it is the country code.
        rest = digits[2:]
    else:
        return digits
    # After a country code the trunk 0 of an area code is usually dropped ("+86 871 ...",
    # "+86 10 ..." for Beijing).
    if rest and not rest.startswith("0") and not _MOBILE.fullmatch(rest):
        rest = "0" + rest
    return rest


def _landline(national: str) -> str | None:
    try:
        number = phonenumbers.parse(national, "CN")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    if phonenumbers.number_type(number) not in _FIXED_TYPES:
        return None
    significant = phonenumbers.national_significant_number(number)
    area_len = phonenumbers.length_of_geographical_area_code(number)
    if area_len == 0:
        return None
    return f"0{significant[:area_len]}-{significant[area_len:]}"


def is_mobile(phone: str) -> bool:
    """True for a mainland mobile number in any accepted spelling."""
    try:
        return bool(_MOBILE.fullmatch(normalize_phone(phone)))
    except ValidationError:
        return False


def mask_phone(phone: str) -> str:
    """``138****5678`` for a mobile, ``0871-****3456`` for a landline.

    Text that is not a valid number keeps only its last four characters, so a masked
    export never leaks a number merely because it was stored badly.
    """
    try:
        p = normalize_phone(phone)
    except ValidationError:
        p = (phone or "").strip()
        return "*" * max(len(p) - 4, 0) + p[-4:]
    if _MOBILE.fullmatch(p):
        return f"{p[:3]}****{p[-4:]}"
    match = _LANDLINE.fullmatch(p)
    if match:
        return f"{match.group(1)}-****{match.group(2)[-4:]}"
    return p
