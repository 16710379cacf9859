"""Points (积分): the station's rule table and the prizes volunteers exchanged points for.

Earned points are never stored: they are counted from the shifts, clues and activities on
record and the rule of each kind in force on the record's day (`domain.points.RuleBook`),
so they cannot drift from the records. A rule is never edited into the past: a change is
a new row with the date it applies from.
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
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from redband_desktop.db.models.base import Base, now


class PointRule(Base):
    """How many points one unit of a kind of record earns, from `effective_from` on."""

    __tablename__ = "point_rules"
    __table_args__ = (UniqueConstraint("kind", "effective_from"),
                      CheckConstraint("points >= 0", name="points_not_negative"))

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    points: Mapped[int] = mapped_column(Integer)
    effective_from: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    created_by: Mapped[str] = mapped_column(String(40), default="")


class PointRedemption(Base):
    """Points a volunteer exchanged for a prize, and who handed the prize over."""

    __tablename__ = "point_redemptions"
    __table_args__ = (CheckConstraint("points > 0", name="points_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    prize: Mapped[str] = mapped_column(String(100))
    points: Mapped[int] = mapped_column(Integer)
    handed_by: Mapped[str] = mapped_column(String(40))
    notes: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    recorded_by: Mapped[str] = mapped_column(String(40), default="")
