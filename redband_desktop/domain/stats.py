"""The station's figures as it writes them: incident groups, the change between two counts
("同比下降22%", "环比上升5%", "持平", "新增") and what counts as a case (发案) for the
zero-incident (零发案) lists. Pure: counts in, numbers and words out.

A change is a whole percentage rounded half away from zero, as in the station's reports;
a comparison count of 0 has no percentage (None) and reads "新增" (new), never a division
by zero. A change that rounds to 0% reads "持平" (level).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from redband_desktop.domain.enums import LabeledEnum
from redband_desktop.domain.incidents import IncidentCategory as C
from redband_desktop.domain.periods import Comparison


class IncidentGroup(LabeledEnum):
    """The groups the station reports (the article's three figures)."""

    DISPUTE = ("dispute", "矛盾纠纷", "Disputes")
    CRIME_AND_FRAUD = ("crime_fraud", "刑事与电信网络诈骗", "Criminal and telecom fraud")
    PUBLIC_ORDER = ("public_order", "治安", "Public order")


GROUPS: dict[IncidentGroup, frozenset[C]] = {
    IncidentGroup.DISPUTE: frozenset({C.DISPUTE}),
    IncidentGroup.CRIME_AND_FRAUD: frozenset({C.CRIMINAL, C.FRAUD}),
    IncidentGroup.PUBLIC_ORDER: frozenset({C.PUBLIC_ORDER}),
}

# A "case" (发案) for zero-incident sites: a criminal, fraud or public-order incident. A
# request for help, a traffic accident or a dispute does not make a compound "not quiet".
CASE_CATEGORIES: frozenset[C] = frozenset({C.CRIMINAL, C.FRAUD, C.PUBLIC_ORDER})


def change_pct(current: int | Decimal, previous: int | Decimal) -> int | None:
    """Whole percentage change from `previous` to `current`; None when previous is 0."""
    if not previous:
        return None
    ratio = (Decimal(current) - Decimal(previous)) * 100 / Decimal(previous)
    return int(ratio.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Figure:
    """One count (or sum) in the period and in the comparison period."""

    current: int
    previous: int

    @property
    def pct(self) -> int | None:
        return change_pct(self.current, self.previous)

    def as_json(self) -> dict[str, int | None]:
        return {"current": self.current, "previous": self.previous, "change_pct": self.pct}


def change_text(current: int | Decimal, previous: int | Decimal, comparison: Comparison | str,
                lang: str = "zh_CN") -> str:
    """"同比下降22%", "环比上升5%", "持平" or "新增" (in English: "down 22% year on year",
    "up 5% on the previous period", "level", "new")."""
    zh = lang.startswith("zh")
    pct = change_pct(current, previous)
    if pct is None:
        return ("新增" if zh else "new") if current else ("持平" if zh else "level")
    if pct == 0:
        return "持平" if zh else "level"
    comparison = Comparison(comparison)
    if zh:
        return f"{comparison.zh}{'上升' if pct > 0 else '下降'}{abs(pct)}%"
    basis = "year on year" if comparison is Comparison.YEAR_ON_YEAR else "on the previous period"
    return f"{'up' if pct > 0 else 'down'} {abs(pct)}% {basis}"


def count_change_text(current: int, previous: int, lang: str = "zh_CN") -> str:
    """A change in a number of things: "增加 4 个", "减少 2 个", "持平"."""
    diff = current - previous
    if lang.startswith("zh"):
        return "持平" if diff == 0 else f"{'增加' if diff > 0 else '减少'} {abs(diff)} 个"
    return "level" if diff == 0 else f"{'up' if diff > 0 else 'down'} {abs(diff)}"


def axis_top(top: float) -> float:
    """A chart axis top a little above `top` that divides into four round steps (1, 2, 5 × 10ⁿ):
    the charts on the statistics page and in the printed report share their scale."""
    scale = 1.0
    while True:
        for step in (1, 2, 5):
            if step * scale * 4 >= max(top, 4) * 1.05:
                return step * scale * 4
        scale *= 10
