"""Chinese resident identity card numbers (公民身份号码, GB 11643-1999).

An 18-character number is a 6-digit administrative region code (GB/T 2260), the birth
date as YYYYMMDD, a 3-digit sequence whose parity gives the gender (odd = male) and an
ISO 7064 MOD 11-2 check character (0-9 or X).

Region names come from python-stdnum's copy of the GB/T 2260 code list, looked up
directly rather than through `stdnum.cn.ric.get_birth_place`: that function rejects a
code that did not exist yet in the holder's birth year, but numbers were only issued
from 1984 onward with the region codes of *that* time, so a volunteer born in 1948
legitimately carries 530112 (西山区, created 1983). A code missing from the list is
only a warning, because the list lags behind real-world changes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from redband_desktop.domain.enums import Gender
from redband_desktop.errors import Problem, ValidationError

# Weight of position i is 2**(17-i) mod 11 (ISO 7064 MOD 11-2).
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
# Indexed by the weighted sum mod 11.
_CHECK_CHARS = "10X98765432"
_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_EARLIEST_BIRTH = date(1900, 1, 1)
# Numbers were first issued in 1984; the region name in use from then on is the one the
# holder's number most likely reflects.
_FIRST_ISSUE_YEAR = 1984

# fmt: off
_PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
    "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
    "63", "64", "65", "71", "81", "82",
})
# fmt: on
# Residence permits for Hong Kong, Macao and Taiwan residents (港澳台居民居住证) use the
# same 18-character format with a province-level code, which no ordinary number has.
_PERMIT_REGIONS = {
    "810000": "香港特别行政区",
    "820000": "澳门特别行政区",
    "830000": "台湾地区",
}
# Statistical groupings in the code list that are not part of a postal address.
_PLACEHOLDER_NAMES = frozenset({"市辖区", "县", "市区"})


@dataclass(frozen=True)
class IdNumberInfo:
    """A valid ID number and what it says about its holder."""

    number: str
    birth_date: date
    gender: Gender
    region_code: str
    region_name: str | None
    warnings: tuple[Problem, ...] = ()


def normalize_id_number(raw: str) -> str:
    """Full-width to ASCII, no whitespace, upper-case check character."""
    text = unicodedata.normalize("NFKC", raw or "")
    return re.sub(r"\s+", "", text).upper()


def check_character(first17: str) -> str:
    """The MOD 11-2 check character for the first 17 digits of a number."""
    if not re.fullmatch(r"[0-9]{17}", first17):
        raise ValueError(f"expected 17 ASCII digits, got {first17!r}")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def make_id_number(region: str, birth: date, seq: int) -> str:
    """Build a checksum-valid number (for fictitious demo and test data)."""
    if not re.fullmatch(r"[0-9]{6}", region):
        raise ValueError(f"region must be 6 ASCII digits, got {region!r}")
    if not 0 <= seq <= 999:
        raise ValueError(f"seq must be 0..999, got {seq}")
    first17 = f"{region}{birth.year:04d}{birth.month:02d}{birth.day:02d}{seq:03d}"
    return first17 + check_character(first17)


def mask_id_number(number: str) -> str:
    """Hide the birth date and sequence: first 6, eight stars, last 4."""
    n = normalize_id_number(number)
    if len(n) <= 10:
        return "*" * len(n)
    return n[:6] + "*" * (len(n) - 10) + n[-4:]


def parse_id_number(raw: str, field: str = "id_number", today: date | None = None) -> IdNumberInfo:
    """Validate a number and extract birth date, gender and region.

    Raises `ValidationError` with every problem found (a mistyped date digit usually
    also breaks the checksum, and both hints help the user). An unknown region code is
    returned in `warnings` instead.
    """
    number = normalize_id_number(raw)
    if len(number) != 18:
        raise ValidationError.single(field, "id_length", length=len(number))
    if not _SHAPE.fullmatch(number):
        raise ValidationError.single(field, "id_chars")
    today = today or date.today()
    problems: list[Problem] = []
    birth = _birth_date(number, field, today, problems)
    region = number[:6]
    if not _region_structure_ok(region):
        problems.append(Problem(field, "id_region_bad", {"region": region}))
    expected = check_character(number[:17])
    if number[17] != expected:
        problems.append(Problem(field, "id_checksum", {"expected": expected, "actual": number[17]}))
    if problems or birth is None:
        raise ValidationError(problems)
    name = region_name(region, birth.year)
    warnings: tuple[Problem, ...] = ()
    if name is None:
        warnings = (Problem(field, "id_region_unknown", {"region": region}),)
    gender = Gender.MALE if int(number[16]) % 2 else Gender.FEMALE
    return IdNumberInfo(number, birth, gender, region, name, warnings)


def _birth_date(number: str, field: str, today: date, problems: list[Problem]) -> date | None:
    text = f"{number[6:10]}-{number[10:12]}-{number[12:14]}"
    params: dict[str, Any] = {"date": text}
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        problems.append(Problem(field, "id_birth_date", params))
        return None
    if birth > today:
        problems.append(Problem(field, "id_birth_future", params))
    elif birth < _EARLIEST_BIRTH:
        problems.append(Problem(field, "id_birth_too_early", params))
    return birth


def _region_structure_ok(region: str) -> bool:
    if region in _PERMIT_REGIONS:
        return True
    # A person is registered in a county-level unit, never at province level.
    return region[:2] in _PROVINCES and region[2:] != "0000"


def region_name(code: str, year: int | None = None) -> str | None:
    """Full name such as 云南省昆明市西山区, or None if the code is not in the list.

    `year` (usually the birth year) picks between names a code has carried over time;
    it never makes a known code unknown.
    """
    if code in _PERMIT_REGIONS:
        return _PERMIT_REGIONS[code]
    if not re.fullmatch(r"[0-9]{6}", code or ""):
        return None
    at = max(year or date.today().year, _FIRST_ISSUE_YEAR)
    county = _listed_name(code, at)
    if county is None:
        return None
    parts = [_listed_name(code[:2] + "0000", at) or ""]
    if code[2:4] != "00":
        parts.append(_listed_name(code[:4] + "00", at) or "")
    if code[4:] != "00":
        parts.append(county)
    kept = [p for p in parts if p and p not in _PLACEHOLDER_NAMES and "直辖" not in p]
    # Municipalities list themselves at two levels (北京市 / 北京市).
    deduped = [p for i, p in enumerate(kept) if i == 0 or p != kept[i - 1]]
    return "".join(deduped) or None


@cache
def _listed_name(code: str, year: int) -> str | None:
    results = _loc_db().info(code)
    if len(results) < 2:
        return None
    spec = results[1][1].get("county")
    return _name_in_year(spec, year) if spec else None


def _name_in_year(spec: str, year: int) -> str:
    """Pick from entries like "[1983-1997]路南彝族自治县,[1998-]石林彝族自治县"."""
    names: list[str] = []
    for entry in spec.split(","):
        match = re.fullmatch(r"\[(\d*)-(\d*)\](.+)", entry)
        if not match:
            return entry
        start, end, name = match.groups()
        if (not start or int(start) <= year) and (not end or year <= int(end)):
            return name
        names.append(name)
    # Entries are chronological; a year outside every range gets the latest name.
    return names[-1]


@cache
def _loc_db() -> Any:
    from stdnum import numdb

    return numdb.get("cn/loc")
