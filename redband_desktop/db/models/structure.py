"""The station's structure: districts (片区) with their community officer, sites of three
kinds, buildings in compounds and zones in markets."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from redband_desktop.db.models.base import Base, Tracked


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
