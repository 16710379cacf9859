"""People's mediation (人民调解) case records: the codes and the rules of the case book.

A case is registered (受理) with a number `(2026)人调字第N号` counted per year, must be
finished within one month of registration (the Law on People's Mediation; both parties
may agree to extend it), ends in a written or oral agreement, a failure or a withdrawal,
and an agreement is followed by performance and a follow-up visit (回访). Pure functions,
no I/O.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from redband_desktop.domain.enums import LabeledEnum

DUE_SOON_DAYS = 7  # "due soon" when the deadline is this close
FOLLOW_UP_AFTER_DAYS = 30  # a visit is due this long after an agreement
EXTENSION_DAYS = 30  # default extension agreed by both parties


class DisputeType(LabeledEnum):
    MARRIAGE_FAMILY = ("marriage_family", "婚姻家庭", "Marriage & family")
    NEIGHBOUR = ("neighbour", "邻里", "Neighbours")
    HOUSING = ("housing", "房屋宅基地", "Housing & homestead")
    CONTRACT = ("contract", "合同", "Contract")
    BUSINESS = ("business", "生产经营", "Production & business")
    DAMAGE = ("damage", "损害赔偿", "Damage compensation")
    LAND_FOREST = ("land_forest", "山林土地", "Land & forest")
    DEMOLITION = ("demolition", "征地拆迁", "Land requisition & demolition")
    POLLUTION = ("pollution", "环境污染", "Environmental pollution")
    LABOUR = ("labour", "劳动争议", "Labour")
    CONSUMER = ("consumer", "消费", "Consumer")
    MEDICAL = ("medical", "医疗", "Medical")
    TRAFFIC = ("traffic", "道路交通事故", "Road accident")
    PROPERTY_MGMT = ("property_mgmt", "物业", "Property management")
    OTHER = ("other", "其他", "Other")


class CaseSource(LabeledEnum):
    APPLIED = ("applied", "当事人申请", "Party applied")
    INITIATIVE = ("initiative", "主动调解", "Taken up by the mediator")
    POLICE = ("police", "公安机关移交", "Referred by the police")
    OTHER_BODY = ("other_body", "其他部门移交", "Referred by another body")


class CaseStatus(LabeledEnum):
    REGISTERED = ("registered", "受理", "Registered")
    INVESTIGATING = ("investigating", "调查", "Investigating")
    MEDIATING = ("mediating", "调解", "Mediating")
    AGREED = ("agreed", "达成协议", "Agreement reached")
    FAILED = ("failed", "调解不成", "Not reached")
    WITHDRAWN = ("withdrawn", "撤回", "Withdrawn")
    PERFORMING = ("performing", "履行", "Performance")
    FOLLOW_UP = ("follow_up", "回访", "Follow-up")
    CLOSED = ("closed", "结案", "Closed")


class OutcomeKind(LabeledEnum):
    WRITTEN = ("written", "书面协议", "Written agreement")
    ORAL = ("oral", "口头协议", "Oral agreement")
    NOT_REACHED = ("not_reached", "调解不成", "Not reached")
    WITHDRAWN = ("withdrawn", "撤回", "Withdrawn")

    @property
    def is_agreement(self) -> bool:
        return self in (OutcomeKind.WRITTEN, OutcomeKind.ORAL)


class Performance(LabeledEnum):
    FULFILLED = ("fulfilled", "已履行", "Fulfilled")
    PARTLY = ("partly", "部分履行", "Partly fulfilled")
    NOT = ("not", "未履行", "Not fulfilled")


class PartyRole(LabeledEnum):
    APPLICANT = ("applicant", "申请人", "Applicant")
    RESPONDENT = ("respondent", "被申请人", "Respondent")


class IdDocument(LabeledEnum):
    """The document a party's number comes from. A resident identity card and the
    residence permit of Hong Kong, Macao and Taiwan residents share the GB 11643 format
    and are checked to it; any other document (a passport, a home-return permit …) must
    be chosen explicitly, so a mistyped ID number cannot slip through as "other"."""

    RESIDENT_ID = ("resident_id", "居民身份证", "Resident identity card")
    RESIDENCE_PERMIT = ("residence_permit", "港澳台居民居住证", "HK/Macao/Taiwan residence permit")
    PASSPORT = ("passport", "护照", "Passport")
    OTHER = ("other", "其他证件", "Other document")

    @property
    def gb11643(self) -> bool:
        return self in (IdDocument.RESIDENT_ID, IdDocument.RESIDENCE_PERMIT)


class Satisfaction(LabeledEnum):
    SATISFIED = ("satisfied", "满意", "Satisfied")
    BASIC = ("basic", "基本满意", "Mostly satisfied")
    UNSATISFIED = ("unsatisfied", "不满意", "Unsatisfied")


OPEN_STATUSES = frozenset({CaseStatus.REGISTERED, CaseStatus.INVESTIGATING, CaseStatus.MEDIATING})
# Performance checks and follow-up visits belong to an agreement; a case with any outcome can be closed.
AFTER_AGREEMENT = frozenset({CaseStatus.AGREED, CaseStatus.PERFORMING, CaseStatus.FOLLOW_UP})
CLOSABLE = AFTER_AGREEMENT | {CaseStatus.FAILED, CaseStatus.WITHDRAWN}
OUTCOME_STATUS = {
    OutcomeKind.WRITTEN: CaseStatus.AGREED, OutcomeKind.ORAL: CaseStatus.AGREED,
    OutcomeKind.NOT_REACHED: CaseStatus.FAILED, OutcomeKind.WITHDRAWN: CaseStatus.WITHDRAWN,
}
_NUMBER = re.compile(r"^[（(](\d{4})[)）]人调字第(\d+)号$")


def case_number(year: int, seq: int) -> str:
    """`(2026)人调字第12号`."""
    return f"({year})人调字第{seq}号"


def parse_case_number(text: str) -> tuple[int, int] | None:
    """(year, seq) of a case number, accepting full-width brackets; None if not one."""
    m = _NUMBER.match(text.strip())
    return (int(m.group(1)), int(m.group(2))) if m else None


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def deadline(registered_on: date, extended_days: int = 0) -> date:
    """One month after registration, plus any extension both parties agreed to."""
    return add_months(registered_on, 1) + timedelta(days=max(extended_days, 0))


def is_overdue(status: CaseStatus, due: date, today: date) -> bool:
    """Still being worked on after its deadline."""
    return status in OPEN_STATUSES and today > due


def is_due_soon(status: CaseStatus, due: date, today: date, days: int = DUE_SOON_DAYS) -> bool:
    return status in OPEN_STATUSES and today <= due <= today + timedelta(days=days)


def follow_up_due_on(agreed_on: date) -> date:
    return agreed_on + timedelta(days=FOLLOW_UP_AFTER_DAYS)


def follow_up_due(status: CaseStatus, agreed_on: date | None, visits: int, today: date) -> bool:
    """An agreement with no follow-up visit yet, a month or more after it was reached."""
    if agreed_on is None or visits or status not in (CaseStatus.AGREED, CaseStatus.PERFORMING):
        return False
    return today >= follow_up_due_on(agreed_on)
