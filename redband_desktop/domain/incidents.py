"""Incident (警情) codes in one place: categories with their subtypes, fraud methods,
how an incident reached the station, how it ended, and its status.

Every layer (services, exports, the UI, the demo) takes these lists from here, so a
category is named the same way everywhere and a new one is added in one line.
"""

from __future__ import annotations

import re

from redband_desktop.domain.enums import LabeledEnum


class IncidentCategory(LabeledEnum):
    DISPUTE = ("dispute", "矛盾纠纷", "Dispute")
    CRIMINAL = ("criminal", "刑事", "Criminal")
    FRAUD = ("fraud", "电信网络诈骗", "Telecom / network fraud")
    PUBLIC_ORDER = ("public_order", "治安", "Public order")
    TRAFFIC = ("traffic", "交通", "Traffic")
    FIRE = ("fire", "火警", "Fire")
    HELP = ("help", "求助", "Request for help")
    COMPLAINT = ("complaint", "举报投诉", "Report / complaint")
    OTHER = ("other", "其他", "Other")


class CriminalSubtype(LabeledEnum):
    BURGLARY = ("burglary", "入室盗窃", "Burglary")
    VEHICLE_THEFT = ("vehicle_theft", "盗窃车内财物", "Theft from a vehicle")
    PICKPOCKETING = ("pickpocketing", "扒窃", "Pickpocketing")
    ROBBERY = ("robbery", "抢劫", "Robbery")
    SNATCHING = ("snatching", "抢夺", "Snatching")
    IN_PERSON_FRAUD = ("in_person_fraud", "接触性诈骗", "In-person fraud")
    OTHER = ("other", "其他", "Other")


class PublicOrderSubtype(LabeledEnum):
    ASSAULT = ("assault", "殴打他人", "Assault")
    THEFT = ("theft", "盗窃（治安）", "Petty theft")
    DISTURBANCE = ("disturbance", "扰乱公共秩序", "Disturbing public order")
    PROPERTY_DAMAGE = ("property_damage", "故意损毁财物", "Damaging property")
    OTHER = ("other", "其他", "Other")


class FraudMethod(LabeledEnum):
    FAKE_SHOPPING = ("fake_shopping", "虚假网购", "Fake online shopping")
    BRUSHING = ("brushing", "刷单返利", "Part-time order brushing")
    IMPERSONATION = ("impersonation", "冒充公检法", "Impersonating officials")
    INVESTMENT = ("investment", "虚假投资理财", "Fake investment")
    ROMANCE = ("romance", "杀猪盘", "Romance scam")
    LOAN = ("loan", "虚假贷款", "Fake loan")
    OTHER = ("other", "其他", "Other")


class IncidentChannel(LabeledEnum):
    TRANSFER_110 = ("110", "110转警", "110 transfer")
    WALK_IN = ("walk_in", "来所报警", "Walk-in")
    PHONE = ("phone", "电话报警", "Phone")
    VOLUNTEER = ("volunteer", "志愿者报告", "Volunteer report")
    PATROL = ("patrol", "巡逻发现", "Found on patrol")


class IncidentOutcome(LabeledEnum):
    ON_SITE = ("on_site", "现场处置", "Handled on site")
    MEDIATED = ("mediated", "调解", "Mediated")
    CASE_FILED = ("case_filed", "立案", "Case filed")
    TRANSFERRED = ("transferred", "移交", "Transferred")
    INVALID = ("invalid", "无效警情", "Invalid")


class IncidentStatus(LabeledEnum):
    OPEN = ("open", "处理中", "Open")
    CLOSED = ("closed", "已办结", "Closed")


class VolunteerRole(LabeledEnum):
    REPORTED = ("reported", "报告人", "Reported it")
    ASSISTED = ("assisted", "协助处置", "Assisted")


# Subtypes a category accepts (a category missing here takes none).
SUBTYPES: dict[IncidentCategory, type[LabeledEnum]] = {
    IncidentCategory.CRIMINAL: CriminalSubtype,
    IncidentCategory.PUBLIC_ORDER: PublicOrderSubtype,
}

# Contact-type incidents (接触性警情): the offender meets the victim face to face. Listed
# once here (category -> its contact-type subtypes); statistics count them per kind of
# site, since the station's claim is "zero in organs and enterprises".
CONTACT_TYPE: dict[IncidentCategory, frozenset[str]] = {
    IncidentCategory.CRIMINAL: frozenset({CriminalSubtype.ROBBERY, CriminalSubtype.SNATCHING,
                                          CriminalSubtype.PICKPOCKETING, CriminalSubtype.IN_PERSON_FRAUD}),
    IncidentCategory.PUBLIC_ORDER: frozenset({PublicOrderSubtype.ASSAULT, PublicOrderSubtype.THEFT}),
}


def is_contact_type(category: str, subcategory: str) -> bool:
    return subcategory in CONTACT_TYPE.get(IncidentCategory(category), frozenset())

# Categories grouped the way the station's reports count them.
CRIME_AND_FRAUD = frozenset({IncidentCategory.CRIMINAL, IncidentCategory.FRAUD})

NUMBER_PREFIX_KEY = "incidents.prefix"
DEFAULT_PREFIX = "JJH"


PREFIX_PATTERN = re.compile(r"[A-Z0-9]{1,10}")


def clean_prefix(raw: str) -> str | None:
    """The prefix in capitals, or None when it is not 1–10 letters or digits (it becomes
    part of every number, which people read out over the phone and type into searches)."""
    prefix = (raw or "").strip().upper()
    return prefix if PREFIX_PATTERN.fullmatch(prefix) else None


def incident_number(prefix: str, year: int, seq: int) -> str:
    """JJH-2026-000123: the station prefix, the year received and a per-year sequence."""
    return f"{prefix}-{year}-{seq:06d}"


def subtype_allowed(category: str, subcategory: str) -> bool:
    """An empty subtype is always allowed; otherwise it must belong to the category."""
    if not subcategory:
        return True
    kind = SUBTYPES.get(IncidentCategory(category))
    return kind is not None and subcategory in {m.value for m in kind}
