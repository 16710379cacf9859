"""The station's structure: districts (片区) with their community officer, sites of three
kinds, buildings in compounds and zones in markets, and who heads each building or zone.

A head/lead assignment is history, never overwritten: assigning a new head ends the
current row (end date and reason) and adds a new one, so a building keeps the record of
every former head even after they left the team."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from redband_desktop.db.models.base import Base, Tracked, now


class District(Tracked, Base):
    __tablename__ = "districts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    officer_name: Mapped[str] = mapped_column(String(40), default="")
    officer_police_no: Mapped[str] = mapped_column(String(20), default="")
    officer_phone: Mapped[str] = mapped_column(String(20), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    sites: Mapped[list[Site]] = relationship(back_populates="district")


class Site(Tracked, Base):
    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # compound
    property_company: Mapped[str] = mapped_column(String(100), default="", server_default="")
    households: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # market: the operator and the market's own contact person
    operator: Mapped[str] = mapped_column(String(100), default="", server_default="")
    contact_name: Mapped[str] = mapped_column(String(40), default="", server_default="")
    contact_phone: Mapped[str] = mapped_column(String(20), default="", server_default="")
    # organization: what kind of organ or enterprise, and its in-house security lead
    org_type: Mapped[str] = mapped_column(String(40), default="", server_default="")
    security_lead: Mapped[str] = mapped_column(String(40), default="", server_default="")

    district: Mapped[District] = relationship(back_populates="sites")
    buildings: Mapped[list[Building]] = relationship(back_populates="site")
    zones: Mapped[list[MarketZone]] = relationship(back_populates="site")


class Building(Tracked, Base):
    __tablename__ = "buildings"
    __table_args__ = (UniqueConstraint("site_id", "label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    label: Mapped[str] = mapped_column(String(30))
    units: Mapped[int] = mapped_column(Integer, default=0)
    households: Mapped[int] = mapped_column(Integer, default=0)

    site: Mapped[Site] = relationship(back_populates="buildings")


class MarketZone(Tracked, Base):
    __tablename__ = "market_zones"
    __table_args__ = (UniqueConstraint("site_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    name: Mapped[str] = mapped_column(String(40))

    site: Mapped[Site] = relationship(back_populates="zones")


class PlaceHead(Base):
    """One building head (楼栋长) or zone lead, from `start_date` to `end_date` (open while
    current). Exactly one of `building_id` and `zone_id` is set."""

    __tablename__ = "place_heads"
    __table_args__ = (
        CheckConstraint("(building_id IS NULL) <> (zone_id IS NULL)", name="one_place"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"), index=True)
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("market_zones.id"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"), index=True)
    role: Mapped[str] = mapped_column(String(40), default="")  # background: property staff…
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)

    volunteer = relationship("Volunteer")
