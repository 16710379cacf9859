"""Dates, numbers, money and record ids as forms hand them in, checked before they reach
the database.

A form value can be anything a caller passed — the GUI's widgets give the right types,
but the command line, an import or a script may not — so each helper takes the raw
value, appends a field-level problem to the form's list when it is not a value of the
right kind within its range, and returns the value to store (None when it is missing or
wrong). Nothing here raises: a form collects every problem and then refuses the whole
record, so a wrong value is never a raw exception and never a half-saved record.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import TypeVar

from redband_desktop.errors import Problem, ValidationError

# The station's records start well after this: an earlier date is a slip of the keyboard
# (1900 for 2000, year 1 from an empty field) and would sort before everything real.
EARLIEST = date(1990, 1, 1)
# Record ids are SQL integers: PostgreSQL's `integer` ends here (SQLite's later), and a
# larger number cannot be an id of ours on either.
MAX_ID = 2**31 - 1
# Money columns are Numeric(12, 2): ten digits before the point, two after.
MAX_YUAN = Decimal("9999999999.99")
CENT = Decimal("0.01")
_INTEGER = re.compile(r"[+-]?[0-9]{1,12}")
E = TypeVar("E", bound=Enum)


def a_year_after(day: date) -> date:
    """The same day a year later (29 February → 28 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def checked_date(value: object, field: str, problems: list[Problem], latest: date, earliest: date = EARLIEST,
                 with_time: bool = False, late_code: str = "date_after") -> date | None:
    """A date (or, `with_time`, a date and time) from `earliest` to `latest`, both included.
    A plain date where a time is wanted is refused too: comparing the two raises."""
    wanted = datetime if with_time else date
    if value is None:
        return None
    if not isinstance(value, wanted):
        problems.append(Problem(field, "invalid_date", {"value": str(value)[:20]}))
        return None
    day = value.date() if isinstance(value, datetime) else value
    if day < earliest:
        problems.append(Problem(field, "date_before", {"other": earliest.isoformat()}))
    elif day > latest:
        problems.append(Problem(field, late_code, {"other": latest.isoformat()}))
    else:
        return value if with_time else day
    return None


def checked_money(value: object, field: str, problems: list[Problem]) -> Decimal | None:
    """An amount in yuan, 0 to MAX_YUAN with at most two decimals, from a Decimal, an int,
    a float or text as typed ("1,200.50", full-width digits). None and "" are no amount."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    amount = _decimal(value)
    if amount is None or not amount.is_finite():
        problems.append(Problem(field, "number_invalid", {"value": str(value)[:20]}))
    elif amount < 0:
        problems.append(Problem(field, "loss_negative"))
    elif amount > MAX_YUAN:
        problems.append(Problem(field, "out_of_range", {"low": 0, "high": str(MAX_YUAN)}))
    elif amount != amount.quantize(CENT):
        problems.append(Problem(field, "money_cents"))
    else:
        return amount.quantize(CENT)
    return None


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        value = repr(value)  # the shortest text of the float: 0.1 stays 0.1, nan stays nan
    if isinstance(value, str):
        value = re.sub(r"[\s,，]", "", unicodedata.normalize("NFKC", value))
    try:
        return Decimal(value) if isinstance(value, int | str | Decimal) else None
    except (InvalidOperation, ValueError):
        return None


def checked_int(value: object, field: str, problems: list[Problem], low: int, high: int) -> int | None:
    """A whole number from `low` to `high`, from an int, a whole float or digits typed."""
    number = _whole(value)
    if value is None:
        return None
    if number is None:
        problems.append(Problem(field, "number_invalid", {"value": str(value)[:20]}))
    elif not low <= number <= high:
        problems.append(Problem(field, "out_of_range", {"low": low, "high": high}))
    else:
        return number
    return None


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value.is_integer() else None
    if isinstance(value, Decimal):
        return int(value) if value.is_finite() and value == value.to_integral_value() else None
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        return int(text) if _INTEGER.fullmatch(text) else None
    return None


def checked_id(value: object, field: str, problems: list[Problem]) -> int | None:
    """A record id chosen in a form (a district, a site, a volunteer …): None, or a
    positive int that fits the database's integer. Whether that record exists is the
    caller's question."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_ID:
        return value
    problems.append(Problem(field, "invalid_choice", {"value": str(value)[:20]}))
    return None


def checked_choice(value: object, kind: type[E], field: str, problems: list[Problem], required: bool = True) -> E | None:
    """A member of the code enumeration `kind` (a member or its code)."""
    if value is None or value == "":
        if required:
            problems.append(Problem(field, "required"))
        return None
    try:
        return kind(value)
    except (ValueError, TypeError):
        problems.append(Problem(field, "invalid_choice", {"value": str(value)[:20]}))
        return None


def raise_problems(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)
