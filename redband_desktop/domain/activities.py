"""Activities (活动) beyond the duty rota: outreach, drills, training, visiting campaigns
and meetings — their types listed once, with the extra fields each type records, who
organised them, and the stable volunteer number (志愿者编号) that names a volunteer in
service records for good (unlike the card number, which changes when a card is reissued).

`EXTRA_FIELDS` says which type-specific fields a type has; the form shows only those and
the service refuses values in the others, so an activity never carries a stray figure.
"""

from __future__ import annotations

from datetime import datetime

from redband_desktop.domain.enums import LabeledEnum


class ActivityType(LabeledEnum):
    ANTI_FRAUD = ("anti_fraud", "反诈宣传", "Anti-fraud outreach")
    FIRE_DRILL = ("fire_drill", "消防安全演练", "Fire safety drill")
    TRAINING = ("training", "警务实战技能培训", "Police skills training")
    VISITS = ("visits", "问计于民大走访", "Door-to-door visiting campaign")
    THREE_CHECKS = ("three_checks", "三查三告知一宣传", "Three checks, three notices, one talk")
    DISPUTE_SCREENING = ("dispute_screening", "矛盾纠纷排查", "Dispute screening")
    MEETING = ("meeting", "社区会议", "Community meeting")
    OTHER = ("other", "其他", "Other")


class OrganiserKind(LabeledEnum):
    STATION = ("station", "派出所", "The station")
    UNIT_SECURITY = ("unit_security", "单位保卫部门", "A unit's security department")
    MARKET_OPERATOR = ("market_operator", "市场经营方", "A market operator")
    COMMUNITY = ("community", "社区居委会", "The residents' committee")
    OTHER = ("other", "其他", "Other")


# The type-specific fields (names of ActivityForm fields) each type records.
OUTREACH = frozenset({"audience", "leaflets"})
EXTRA_FIELDS: dict[ActivityType, frozenset[str]] = {
    ActivityType.ANTI_FRAUD: OUTREACH | {"incident_ids", "cases_note"},
    ActivityType.THREE_CHECKS: OUTREACH,
    ActivityType.VISITS: frozenset({"households", "needs_raised"}),
    ActivityType.TRAINING: frozenset({"subject", "counts_as_training"}),
}
ALL_EXTRA = frozenset().union(*EXTRA_FIELDS.values())


def extra_fields(activity_type: str) -> frozenset[str]:
    """The type-specific fields of a type code (none for an unknown code)."""
    try:
        return EXTRA_FIELDS.get(ActivityType(activity_type), frozenset())
    except ValueError:
        return frozenset()


def span_minutes(starts_at: datetime, ends_at: datetime) -> int:
    """Whole minutes from start to end (negative when the end comes first)."""
    return int((ends_at - starts_at).total_seconds() // 60)


def hours_text(minutes: int) -> str:
    """Minutes as hours for lists and exports: 90 → "1.5", 120 → "2"."""
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".")


# -- the volunteer number ---------------------------------------------------------------
VOLUNTEER_NO_MARK = "ZY"  # 志愿


def volunteer_number(prefix: str, year: int, seq: int) -> str:
    """JJH-ZY2019-00042: the station's prefix (the one incident numbers carry), ZY for
    志愿者, the year the volunteer joined and a running number of that year — short
    enough to read out over the phone, and unlike both card (2026-00042) and incident
    (JJH-2026-000042) numbers."""
    return f"{prefix}-{VOLUNTEER_NO_MARK}{year:04d}-{seq:05d}"
