"""Service records (志愿服务记录) beyond shifts and activities: commendations and awards
recorded on a volunteer, the yearly evaluation by the district's officer (one per volunteer
per year), and the register of service certificates (志愿服务证明) with the per-year counter
that numbers them (2026-0001, 2026-0002 … starting again each year).

A certificate row keeps what was printed (period, minutes, the volunteer's number), so a
reprint shows the same certificate under the same number even after later corrections.
"""

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
from sqlalchemy.orm import Mapped, mapped_column

from redband_desktop.db.models.base import Base, Tracked, now


class Commendation(Tracked, Base):
    """A commendation or award (表彰奖励) a volunteer received."""

    __tablename__ = "commendations"

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(20))  # domain.records.AwardLevel
    awarded_on: Mapped[date] = mapped_column(Date)
    awarded_by: Mapped[str] = mapped_column(String(100))
    recorded_by: Mapped[str] = mapped_column(String(40), default="")


class Evaluation(Tracked, Base):
    """The yearly evaluation (年度评价) of a volunteer: 1–5 stars and a comment."""

    __tablename__ = "evaluations"
    __table_args__ = (UniqueConstraint("volunteer_id", "year"),
                      CheckConstraint("stars BETWEEN 1 AND 5", name="stars_range"))

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    stars: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    evaluated_by: Mapped[str] = mapped_column(String(40), default="")


class Certificate(Base):
    """A service certificate issued (志愿服务证明): its number, whom, which period, the
    hours it states, who issued it and when, and how often it was printed."""

    __tablename__ = "certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"), index=True)
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text, default="")
    issued_on: Mapped[date] = mapped_column(Date)
    issued_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    issued_by: Mapped[str] = mapped_column(String(40), default="")
    printed_count: Mapped[int] = mapped_column(Integer, default=1)


class CertificateCounter(Base):
    """The last certificate number given in a year."""

    __tablename__ = "certificate_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, default=0)
