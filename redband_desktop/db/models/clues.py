"""Clue reports (线索上报): what a volunteer saw and reported, where it stands in the flow
(received → verified → transferred or closed), the incident it led to, the feedback
given back to the volunteer, and photos attached to it.

Numbers (XS-2026-000045) come from `clue_counters` inside the saving transaction, like
incident numbers, so two PCs saving at once never get the same one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from redband_desktop.db.models.base import Base, Tracked, now


class ClueCounter(Base):
    __tablename__ = "clue_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Clue(Tracked, Base):
    __tablename__ = "clues"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"), index=True)
    reported_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"), index=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"), index=True)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"))
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("market_zones.id"))
    location: Mapped[str] = mapped_column(String(200), default="")
    clue_type: Mapped[str] = mapped_column(String(30), index=True)
    urgency: Mapped[str] = mapped_column(String(10), default="normal", index=True)
    content: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(15), default="received", index=True)
    verified_at: Mapped[datetime | None] = mapped_column(DateTime)
    verified_by: Mapped[str] = mapped_column(String(40), default="")
    verify_note: Mapped[str] = mapped_column(Text, default="")
    transferred_at: Mapped[datetime | None] = mapped_column(DateTime)
    transferred_to: Mapped[str] = mapped_column(String(100), default="")
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closing: Mapped[str] = mapped_column(String(20), default="")
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"), index=True)
    feedback: Mapped[str] = mapped_column(Text, default="")
    feedback_at: Mapped[datetime | None] = mapped_column(DateTime)

    attachments: Mapped[list[ClueAttachment]] = relationship(
        back_populates="clue", cascade="all, delete-orphan", order_by="ClueAttachment.id"
    )


class ClueAttachment(Base):
    """A photo of a clue: JPEG scaled down to at most 1600 px, with a list-size thumbnail."""

    __tablename__ = "clue_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id"), index=True)
    image: Mapped[bytes] = mapped_column(LargeBinary)
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=now)

    clue: Mapped[Clue] = relationship(back_populates="attachments")
