"""Activities (活动): outreach, drills, training, visiting campaigns and meetings — when and
where, who organised them, the volunteers who took part with each one's hours, the
incidents an anti-fraud talk used as its real cases, the type's own figures, and photos.

Participants' hours are kept in minutes (`minutes`), no more than the activity's span;
service records and rankings add them up without rounding errors.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from redband_desktop.db.models.base import Base, Tracked, now


class Activity(Tracked, Base):
    __tablename__ = "activities"
    __table_args__ = (CheckConstraint("ends_at > starts_at", name="span"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_type: Mapped[str] = mapped_column(String(30), index=True)
    theme: Mapped[str] = mapped_column(String(100), default="")
    day: Mapped[date] = mapped_column(Date, index=True)
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"), index=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"), index=True)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"))
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("market_zones.id"))
    location: Mapped[str] = mapped_column(String(200), default="")
    organiser_kind: Mapped[str] = mapped_column(String(20), default="station")
    organiser: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # type-specific (domain.activities.EXTRA_FIELDS); None where the type has no such figure
    audience: Mapped[int | None] = mapped_column(Integer)
    leaflets: Mapped[int | None] = mapped_column(Integer)
    cases_note: Mapped[str] = mapped_column(String(500), default="")
    households: Mapped[int | None] = mapped_column(Integer)
    needs_raised: Mapped[int | None] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(String(100), default="")
    counts_as_training: Mapped[bool] = mapped_column(Boolean, default=False)

    participants: Mapped[list[ActivityParticipant]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="ActivityParticipant.id")
    incidents: Mapped[list[ActivityIncident]] = relationship(
        cascade="all, delete-orphan", order_by="ActivityIncident.incident_id")
    photos: Mapped[list[ActivityPhoto]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="ActivityPhoto.id")


class ActivityParticipant(Base):
    """A volunteer who took part, with the minutes they served (actual service time)."""

    __tablename__ = "activity_participants"
    __table_args__ = (CheckConstraint("minutes > 0", name="minutes_positive"),
                      UniqueConstraint("activity_id", "volunteer_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"), index=True)
    minutes: Mapped[int] = mapped_column(Integer)

    activity: Mapped[Activity] = relationship(back_populates="participants")


class ActivityIncident(Base):
    """An incident of the register an (anti-fraud) activity used as a real case."""

    __tablename__ = "activity_incidents"

    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True, index=True)


class ActivityPhoto(Base):
    """A photo of an activity, stored as the clue photos are (domain.attachments)."""

    __tablename__ = "activity_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    image: Mapped[bytes] = mapped_column(LargeBinary)
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=now)

    activity: Mapped[Activity] = relationship(back_populates="photos")
