"""Codes and their labels in one place.

Each enumeration's value is the code stored in the database; `label(lang)` gives the
Chinese or English text shown in the UI, exports and printed documents, so a code never
appears on screen and every layer uses the same wording.
"""

from __future__ import annotations

from enum import StrEnum


class LabeledEnum(StrEnum):
    """A string enum whose members carry a Chinese and an English label."""

    def __new__(cls, code: str, zh: str, en: str) -> LabeledEnum:
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.zh = zh  # type: ignore[attr-defined]
        obj.en = en  # type: ignore[attr-defined]
        return obj

    def label(self, lang: str = "zh_CN") -> str:
        return self.zh if lang.startswith("zh") else self.en  # type: ignore[attr-defined]

    @classmethod
    def choices(cls, lang: str = "zh_CN") -> list[tuple[str, str]]:
        return [(m.value, m.label(lang)) for m in cls]

    @classmethod
    def parse(cls, value: str | LabeledEnum) -> LabeledEnum:
        """Accept a code or a label in either language (used by imports and the CLI)."""
        if isinstance(value, cls):
            return value
        text = str(value).strip()
        for m in cls:
            if text in (m.value, m.zh, m.en):  # type: ignore[attr-defined]
                return m
        raise ValueError(text)


class Gender(LabeledEnum):
    MALE = ("M", "男", "Male")
    FEMALE = ("F", "女", "Female")


class VolunteerStatus(LabeledEnum):
    ACTIVE = ("active", "在岗", "Active")
    SUSPENDED = ("suspended", "暂停", "Suspended")
    LEFT = ("left", "已退出", "Left")


class Background(LabeledEnum):
    RETIRED_CADRE = ("retired_cadre", "退休干部", "Retired cadre")
    PARTY_MEMBER = ("party_member", "老党员", "Party member")
    RESIDENT = ("resident", "热心居民", "Resident")
    PROPERTY_STAFF = ("property_staff", "物业人员", "Property staff")
    MERCHANT = ("merchant", "商户/店长", "Merchant / shop manager")
    ENTERPRISE_SECURITY = ("enterprise_security", "企业安保", "Enterprise security")
    ORGAN_STAFF = ("organ_staff", "机关人员", "Organ staff")
    OTHER = ("other", "其他", "Other")


class PoliticalStatus(LabeledEnum):
    CPC_MEMBER = ("cpc_member", "中共党员", "CPC member")
    CPC_PROBATIONARY = ("cpc_probationary", "中共预备党员", "CPC probationary member")
    LEAGUE_MEMBER = ("league_member", "共青团员", "Communist Youth League member")
    DEMOCRATIC_PARTY = ("democratic_party", "民主党派", "Democratic party member")
    MASSES = ("masses", "群众", "No party affiliation")


class SiteKind(LabeledEnum):
    COMPOUND = ("compound", "小区", "Residential compound")
    MARKET = ("market", "市场", "Market")
    ORGANIZATION = ("organization", "机关/企事业单位", "Organ / enterprise")
