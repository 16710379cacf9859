"""Volunteers, their photos, skills and status history.

The photo lives in its own table so that listing and searching 100,000 volunteers never
reads image bytes; the list shows the small thumbnail stored beside the print-quality
portrait. Pinyin columns are derived from the name on save so that "zj" and "zhangjie"
find 张洁 with a plain LIKE.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from redband_desktop.db.models.base import Base, Tracked, now

volunteer_skills = Table(
    "volunteer_skills",
    Base.metadata,
    Column("volunteer_id", ForeignKey("volunteers.id", ondelete="CASCADE"), primary_key=True),
    Column("skill_id", ForeignKey("skills.id"), primary_key=True, index=True),
)


class Skill(Base):
    __tablename__ = "skills"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)


SEARCH_INDEX = "ix_volunteers_search"


class Volunteer(Tracked, Base):
    __tablename__ = "volunteers"
    # Every column the roster searches, filters and sorts on, in one narrow index: a
    # keystroke scans it instead of the wide table (about 2× faster at 100k volunteers).
    __table_args__ = (
        Index(
            SEARCH_INDEX, "status", "name", "name_pinyin", "name_initials", "phone", "id_number",
            "site_id", "background", "gender", "birth_date", "joined_on",
        ),
        # One narrow index per kind of search word (name, initials / pinyin, digits), each
        # with the name sort key and status: a keystroke's scan and top-N sort then read
        # only these small indexes, never the table.
        Index("ix_volunteers_name_lookup", "name", "name_pinyin", "status"),
        Index("ix_volunteers_initials_lookup", "name_initials", "name_pinyin", "status"),
        Index("ix_volunteers_pinyin_lookup", "name_pinyin", "status"),
        Index("ix_volunteers_number_lookup", "phone", "id_number", "name_pinyin", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # 志愿者编号: given once when the volunteer is added (db/volunteer_numbers.py) and never
    # changed; service records and certificates name the volunteer by it.
    volunteer_no: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(40), index=True)
    name_pinyin: Mapped[str] = mapped_column(String(160), index=True)
    name_initials: Mapped[str] = mapped_column(String(40), index=True)
    gender: Mapped[str] = mapped_column(String(1))
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    birth_date: Mapped[date] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(20), default="", index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    political_status: Mapped[str] = mapped_column(String(20), default="masses")
    background: Mapped[str] = mapped_column(String(30), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"), index=True)
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("market_zones.id"), index=True)
    joined_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="active", index=True)
    status_since: Mapped[date] = mapped_column(Date)
    in_wechat_group: Mapped[bool] = mapped_column(Boolean, default=False)
    emergency_name: Mapped[str] = mapped_column(String(40), default="")
    emergency_phone: Mapped[str] = mapped_column(String(20), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    purged_at: Mapped[datetime | None] = mapped_column(DateTime)  # personal data erased

    site = relationship("Site")
    building = relationship("Building")
    zone = relationship("MarketZone")
    skills: Mapped[list[Skill]] = relationship(secondary=volunteer_skills, order_by=Skill.name)
    photo: Mapped[VolunteerPhoto | None] = relationship(
        back_populates="volunteer", cascade="all, delete-orphan", uselist=False
    )
    status_history: Mapped[list[StatusChange]] = relationship(
        back_populates="volunteer", order_by="StatusChange.id"
    )


class VolunteerNumberCounter(Base):
    """The last volunteer number handed out per year of joining."""

    __tablename__ = "volunteer_number_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class VolunteerPhoto(Base):
    __tablename__ = "volunteer_photos"

    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteers.id", ondelete="CASCADE"), primary_key=True
    )
    image: Mapped[bytes] = mapped_column(LargeBinary)  # JPEG, 3:4, print resolution
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary)  # JPEG, 3:4, list size
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=now, onupdate=now)

    volunteer: Mapped[Volunteer] = relationship(back_populates="photo")


class StatusChange(Base):
    """One status change (join, suspend, leave, reactivate) with its date and reason."""

    __tablename__ = "volunteer_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"), index=True)
    old_status: Mapped[str | None] = mapped_column(String(20))
    new_status: Mapped[str] = mapped_column(String(20))
    changed_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=now)

    volunteer: Mapped[Volunteer] = relationship(back_populates="status_history")
