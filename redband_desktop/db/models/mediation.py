"""People's mediation case records (人民调解案卷).

A case (with its per-year number) owns its parties, investigations, mediation sessions,
performance checks and follow-up visits; those rows go with the case and are never shared.
`incident_id` links a police referral to the incident (警情) it came from.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from redband_desktop.db.models.base import Base, Tracked

_CHILD = {"cascade": "all, delete-orphan"}


class MediationCase(Tracked, Base):
    __tablename__ = "mediation_cases"
    __table_args__ = (UniqueConstraint("year", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    registered_on: Mapped[date] = mapped_column(Date, index=True)
    source: Mapped[str] = mapped_column(String(20))
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"), index=True)
    dispute_type: Mapped[str] = mapped_column(String(20), index=True)
    summary: Mapped[str] = mapped_column(String(100), default="")  # 纠纷简要
    facts: Mapped[str] = mapped_column(Text, default="")  # 纠纷事实及争议事项
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"), index=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"))
    registrar: Mapped[str] = mapped_column(String(40), default="")
    mediators: Mapped[str] = mapped_column(String(100), default="")
    deadline: Mapped[date] = mapped_column(Date, index=True)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), index=True)
    outcome_kind: Mapped[str | None] = mapped_column(String(20))
    outcome_on: Mapped[date | None] = mapped_column(Date)
    terms: Mapped[str] = mapped_column(Text, default="")
    perform_method: Mapped[str] = mapped_column(Text, default="")
    perform_by: Mapped[date | None] = mapped_column(Date)
    perform_place: Mapped[str] = mapped_column(String(100), default="")
    amount_yuan: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    copies: Mapped[int] = mapped_column(Integer, default=3)
    prevented_criminal: Mapped[bool] = mapped_column(Boolean, default=False)
    failure_reason: Mapped[str] = mapped_column(Text, default="")
    referred_to: Mapped[str] = mapped_column(String(200), default="")
    closed_on: Mapped[date | None] = mapped_column(Date)

    district = relationship("District")
    site = relationship("Site")
    incident = relationship("Incident")
    parties: Mapped[list[MediationParty]] = relationship(order_by="MediationParty.id", **_CHILD)
    investigations: Mapped[list[MediationInvestigation]] = relationship(
        order_by="MediationInvestigation.on", **_CHILD)
    sessions: Mapped[list[MediationSession]] = relationship(order_by="MediationSession.held_at", **_CHILD)
    performances: Mapped[list[MediationPerformance]] = relationship(
        order_by="MediationPerformance.checked_on", **_CHILD)
    follow_ups: Mapped[list[MediationFollowUp]] = relationship(order_by="MediationFollowUp.visited_on", **_CHILD)


class MediationParty(Base):
    __tablename__ = "mediation_parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_cases.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(60))
    gender: Mapped[str] = mapped_column(String(1), default="")
    ethnicity: Mapped[str] = mapped_column(String(20), default="")
    age: Mapped[int | None] = mapped_column(Integer)
    # a GB 11643 number (18) or, with the document type chosen, another document's (≤ 30)
    id_type: Mapped[str] = mapped_column(String(20), default="resident_id", server_default="resident_id")
    id_number: Mapped[str] = mapped_column(String(30), default="")
    occupation: Mapped[str] = mapped_column(String(40), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[str] = mapped_column(String(200), default="")  # 住所或单位
    agent: Mapped[str] = mapped_column(String(100), default="")  # 委托代理人


class MediationInvestigation(Base):
    __tablename__ = "mediation_investigations"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_cases.id"), index=True)
    on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(100), default="")
    investigator: Mapped[str] = mapped_column(String(60), default="")
    interviewed: Mapped[str] = mapped_column(String(100), default="")
    findings: Mapped[str] = mapped_column(Text, default="")


class MediationSession(Base):
    __tablename__ = "mediation_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_cases.id"), index=True)
    held_at: Mapped[datetime] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(100), default="")
    mediators: Mapped[str] = mapped_column(String(100), default="")
    mediator_ids: Mapped[str] = mapped_column(String(200), default="")  # volunteer ids, "12,40"
    participants: Mapped[str] = mapped_column(String(200), default="")
    recorder: Mapped[str] = mapped_column(String(40), default="")
    statements: Mapped[str] = mapped_column(Text, default="")
    facts_checked: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")


class MediationPerformance(Base):
    __tablename__ = "mediation_performances"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_cases.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    checked_on: Mapped[date] = mapped_column(Date)
    proof: Mapped[str] = mapped_column(Text, default="")


class MediationFollowUp(Base):
    __tablename__ = "mediation_follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_cases.id"), index=True)
    party: Mapped[str] = mapped_column(String(60), default="")
    visited_on: Mapped[date] = mapped_column(Date)
    visitor: Mapped[str] = mapped_column(String(60), default="")
    performed: Mapped[bool] = mapped_column(Boolean, default=False)
    satisfaction: Mapped[str] = mapped_column(String(20), default="")
    escalation_signs: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
