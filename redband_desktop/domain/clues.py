"""Clue report (线索上报) codes in one place: what kind of clue a volunteer reported, how
urgent it is, where it stands in the flow, and how it was closed.

The flow is received → verified → transferred (to another unit or officer) or closed;
a transferred clue is closed when the receiving side reports back. `NEXT` says which
steps each status allows, so the service and the page's buttons agree.
"""

from __future__ import annotations

from redband_desktop.domain.enums import LabeledEnum


class ClueType(LabeledEnum):
    SUSPICIOUS_PERSON = ("suspicious_person", "可疑人员", "Suspicious person")
    SUSPICIOUS_VEHICLE = ("suspicious_vehicle", "可疑车辆", "Suspicious vehicle")
    FRAUD_ATTEMPT = ("fraud_attempt", "诈骗苗头", "Fraud attempt")
    SAFETY_HAZARD = ("safety_hazard", "安全隐患", "Safety hazard")
    DISPUTE_BREWING = ("dispute_brewing", "矛盾纠纷苗头", "Dispute brewing")
    WANTED_PERSON = ("wanted_person", "在逃人员线索", "Wanted person sighting")
    OTHER = ("other", "其他", "Other")


class ClueUrgency(LabeledEnum):
    NORMAL = ("normal", "一般", "Normal")
    URGENT = ("urgent", "紧急", "Urgent")
    CRITICAL = ("critical", "特急", "Critical")


class ClueStatus(LabeledEnum):
    RECEIVED = ("received", "已接收", "Received")
    VERIFIED = ("verified", "已核实", "Verified")
    TRANSFERRED = ("transferred", "已移交", "Transferred")
    CLOSED = ("closed", "已办结", "Closed")


class ClueClosing(LabeledEnum):
    NO_ACTION = ("no_action", "无需处置", "No action needed")
    USEFUL = ("useful", "有价值", "Useful")
    LED_TO_INCIDENT = ("led_to_incident", "引发警情", "Led to an incident")


class ClueStep(LabeledEnum):
    VERIFY = ("verify", "核实", "Verify")
    TRANSFER = ("transfer", "移交", "Transfer")
    CLOSE = ("close", "办结", "Close")
    FEEDBACK = ("feedback", "反馈", "Feedback")


S = ClueStatus
NEXT: dict[ClueStatus, frozenset[ClueStep]] = {
    S.RECEIVED: frozenset({ClueStep.VERIFY}),
    S.VERIFIED: frozenset({ClueStep.TRANSFER, ClueStep.CLOSE}),
    S.TRANSFERRED: frozenset({ClueStep.CLOSE, ClueStep.FEEDBACK}),
    S.CLOSED: frozenset({ClueStep.FEEDBACK}),
}

# Order of urgency and status in sorted lists (most urgent / earliest in the flow first).
URGENCY_RANK = {u.value: i for i, u in enumerate(ClueUrgency)}
STATUS_RANK = {st.value: i for i, st in enumerate(ClueStatus)}

NUMBER_PREFIX = "XS"


def clue_number(year: int, seq: int) -> str:
    """XS-2026-000045: 线索, the year reported and a per-year sequence."""
    return f"{NUMBER_PREFIX}-{year}-{seq:06d}"


def step_allowed(status: str, step: ClueStep) -> bool:
    return step in NEXT[ClueStatus(status)]
