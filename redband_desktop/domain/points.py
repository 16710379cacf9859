"""Points (积分), as the cities' volunteer platforms run them: a volunteer earns points for
attended duty hours, clues that were verified or led to an incident, activities by type
and commendations by level, and exchanges them for small prizes.

The station keeps a rule table: for each kind of record, how many points it earns, from a
date on. A change is a new rule with its own date, so the points of a record always come
from the rule in force on the record's own day and a change never rewrites the past.
Kinds are codes (`RULE_KINDS`); a new kind of record is one more entry here (and a
migration giving existing stations its default rule) and nothing else changes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from redband_desktop.domain.activities import ActivityType
from redband_desktop.domain.records import AwardLevel

DUTY_HOUR = "duty_hour"
CLUE_VERIFIED = "clue_verified"
CLUE_INCIDENT = "clue_incident"
ACTIVITY_PREFIX = "activity."
COMMENDATION_PREFIX = "commendation."
MAX_POINTS = 1000  # points one rule may give for one unit
# Rules the station starts with, in force from the beginning (BEGINNING) until it changes them.
BEGINNING = date(2000, 1, 1)


@dataclass(frozen=True)
class RuleKind:
    code: str
    zh: str
    en: str
    unit_zh: str  # what one unit is: 每小时, 每条, 每次
    unit_en: str
    default: int

    def label(self, lang: str = "zh_CN") -> str:
        return self.zh if lang.startswith("zh") else self.en

    def unit(self, lang: str = "zh_CN") -> str:
        return self.unit_zh if lang.startswith("zh") else self.unit_en


_ACTIVITY_DEFAULTS = {ActivityType.ANTI_FRAUD: 3, ActivityType.FIRE_DRILL: 2, ActivityType.TRAINING: 2,
                      ActivityType.VISITS: 3, ActivityType.THREE_CHECKS: 3, ActivityType.DISPUTE_SCREENING: 3,
                      ActivityType.MEETING: 1, ActivityType.OTHER: 1}

_COMMENDATION_DEFAULTS = {AwardLevel.NATIONAL: 100, AwardLevel.PROVINCE: 50, AwardLevel.CITY: 30,
                          AwardLevel.COUNTY: 20, AwardLevel.STATION: 10, AwardLevel.OTHER: 5}

RULE_KINDS: dict[str, RuleKind] = {
    k.code: k for k in (
        RuleKind(DUTY_HOUR, "值班到岗", "Duty attended", "每小时", "per hour", 1),
        RuleKind(CLUE_VERIFIED, "线索经核实", "Clue verified", "每条", "per clue", 2),
        RuleKind(CLUE_INCIDENT, "线索引发警情", "Clue led to an incident", "每条", "per clue", 5),
        *(RuleKind(ACTIVITY_PREFIX + t.value, f"参加活动：{t.zh}", f"Activity: {t.en}", "每次", "per activity",
                   _ACTIVITY_DEFAULTS[t]) for t in ActivityType),
        *(RuleKind(COMMENDATION_PREFIX + lv.value, f"获得表彰：{lv.zh}", f"Commendation: {lv.en}", "每项",
                   "per award", _COMMENDATION_DEFAULTS[lv]) for lv in AwardLevel),
    )
}


def activity_kind(activity_type: str) -> str:
    return ACTIVITY_PREFIX + activity_type


def commendation_kind(level: str) -> str:
    return COMMENDATION_PREFIX + level


def duty_points(minutes: int, per_hour: int) -> int:
    """Points for `minutes` of attended duty at `per_hour`, to the nearest whole point
    (half a point up): a 4-hour shift at 1 point an hour gives 4, 1 h 30 min gives 2."""
    return (minutes * per_hour + 30) // 60 if minutes > 0 else 0


class RuleBook:
    """The rule versions of every kind, answering "how many points on this day"."""

    def __init__(self, rules: list[tuple[str, date, int]]) -> None:
        self._by_kind: dict[str, tuple[list[date], list[int]]] = {}
        for kind, since, points in sorted(rules):
            days, values = self._by_kind.setdefault(kind, ([], []))
            days.append(since)
            values.append(points)

    def points(self, kind: str, day: date) -> int:
        """The points of `kind` by the rule in force on `day` (0 before its first rule)."""
        found = self._by_kind.get(kind)
        if not found:
            return 0
        i = bisect_right(found[0], day)
        return found[1][i - 1] if i else 0
