"""Incidents (警情): one row per incident received by the station, the volunteers who
reported it or helped handle it, and a per-year counter that hands out incident numbers.

Numbers are allocated inside the saving transaction from `incident_counters` (row lock on
PostgreSQL, BEGIN IMMEDIATE on SQLite), so two PCs saving at once never get the same one.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from redband_desktop.db.models.base import Base, Tracked


class IncidentCounter(Base):
    __tablename__ = "incident_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Incident(Tracked, Base):
    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    occurred_at: Mapped[datetime | None] = mapped_column(DateTime)
    channel: Mapped[str] = mapped_column(String(20), index=True)
    caller_name: Mapped[str] = mapped_column(String(40), default="")
    caller_phone: Mapped[str] = mapped_column(String(20), default="")
    caller_confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"), index=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"), index=True)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"))
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("market_zones.id"))
    location: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(20), index=True)
    subcategory: Mapped[str] = mapped_column(String(20), default="")
    loss_yuan: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    fraud_method: Mapped[str] = mapped_column(String(20), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    handling_officer: Mapped[str] = mapped_column(String(40), default="")
    outcome: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)

    volunteers: Mapped[list[IncidentVolunteer]] = relationship(
        back_populates="incident", cascade="all, delete-orphan"
    )


def occurred_on(incident: type[Incident] = Incident):  # noqa: ANN201 - a column expression
    """When it happened (发案时间): the time of occurrence, or the time received when the
    caller could not say. Statistics count by this; the index below is on the same expression."""
    return func.coalesce(incident.occurred_at, incident.received_at)


# Statistics group the incidents of a period by category, district and site; this index
# answers those queries without reading the wide incidents table (migration 0011).
Index("ix_incidents_occurred_stats", occurred_on(), Incident.category, Incident.subcategory,
      Incident.district_id, Incident.site_id, Incident.loss_yuan, Incident.occurred_at, Incident.received_at)


class IncidentMonth(Base):
    """Incidents per month of occurrence, category, subtype, district and site (0: none),
    kept by database triggers on `incidents` (migration 0011) so that statistics over whole
    months read a few thousand rows instead of every incident. Never written by the app."""

    __tablename__ = "incident_months"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # YYYY-MM
    category: Mapped[str] = mapped_column(String(20), primary_key=True)
    subcategory: Mapped[str] = mapped_column(String(20), primary_key=True)
    district_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    site_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    incidents: Mapped[int] = mapped_column(Integer, default=0)
    loss: Mapped[Decimal] = mapped_column(Numeric(16, 2), default=0)


class IncidentVolunteer(Base):
    __tablename__ = "incident_volunteers"
    __table_args__ = (UniqueConstraint("incident_id", "volunteer_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))

    incident: Mapped[Incident] = relationship(back_populates="volunteers")
    volunteer = relationship("Volunteer")
