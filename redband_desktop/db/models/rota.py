"""The duty rota (排班): templates that say which shifts a place has each week, the
concrete shifts generated from them for a period, who is assigned to each shift, the dates
the station marks as skipped, what happened on each assignment (attendance) and the patrol
log written on a shift.

A shift copies its template's place, duty type, time span, people needed and leader when
it is generated, so editing a template later never rewrites history: the service applies
an edit only to the template's future shifts nobody is assigned to. `(template_id, day)` is
unique, so generating a period twice never doubles a shift.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from redband_desktop.db.models.base import Base, Tracked, now


class ShiftTemplate(Tracked, Base):
    """A recurring shift of a place: a site, or a building or market zone in it."""

    __tablename__ = "shift_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"), index=True)  # the site's
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"))
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("market_zones.id"))
    duty_type: Mapped[str] = mapped_column(String(20))
    weekdays: Mapped[int] = mapped_column(Integer)  # bit 0 = Monday … bit 6 = Sunday
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)  # at or before start_time: the next day
    needed: Mapped[int] = mapped_column(Integer, default=1)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("volunteers.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # retired templates generate nothing


class Shift(Tracked, Base):
    """One concrete shift on one day (the day it starts, even when it ends after midnight)."""

    __tablename__ = "shifts"
    __table_args__ = (
        UniqueConstraint("template_id", "day"),
        Index("ix_shifts_district_day", "district_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int | None] = mapped_column(ForeignKey("shift_templates.id"))
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"))
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"))
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("market_zones.id"))
    duty_type: Mapped[str] = mapped_column(String(20))
    day: Mapped[date] = mapped_column(Date, index=True)
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    needed: Mapped[int] = mapped_column(Integer, default=1)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("volunteers.id"))

    assignments: Mapped[list[ShiftAssignment]] = relationship(
        back_populates="shift", cascade="all, delete-orphan", order_by="ShiftAssignment.id"
    )


class ShiftAssignment(Base):
    """A volunteer assigned to a shift."""

    __tablename__ = "shift_assignments"
    __table_args__ = (UniqueConstraint("shift_id", "volunteer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"), index=True)
    assigned_at: Mapped[datetime] = mapped_column(DateTime, default=now)

    shift: Mapped[Shift] = relationship(back_populates="assignments")


class SkippedDate(Base):
    """A day with no shifts: the whole station (`site_id` empty: a holiday) or one site
    (a market closure)."""

    __tablename__ = "skipped_dates"
    __table_args__ = (UniqueConstraint("day", "site_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"))
    reason: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)


class Attendance(Base):
    """What became of one assignment: present, late, absent or swapped (with whom), and
    the actual start and end, from which service hours are counted."""

    __tablename__ = "shift_attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("shift_assignments.id"), unique=True)
    status: Mapped[str] = mapped_column(String(10))
    # indexed: a stand-in's service record and hours look their swaps up by it
    swapped_with_id: Mapped[int | None] = mapped_column(ForeignKey("volunteers.id"), index=True)
    signed_in_at: Mapped[datetime | None] = mapped_column(DateTime)
    signed_out_at: Mapped[datetime | None] = mapped_column(DateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    recorded_by: Mapped[str] = mapped_column(String(40), default="")


class PatrolLog(Base):
    """A patrol log entry (巡逻记录) on a shift: the route or places covered, what was seen,
    and the clue report or incident raised during it."""

    __tablename__ = "patrol_logs"

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteers.id"))
    route: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    clue_id: Mapped[int | None] = mapped_column(ForeignKey("clues.id"))
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    recorded_by: Mapped[str] = mapped_column(String(40), default="")
