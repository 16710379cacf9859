"""How the rota names a shift in a refusal and in the audit trail: the place, the day and
the time span (an overnight span shows its end as the clock reads it: 22:00–02:00)."""

from __future__ import annotations

from redband_desktop.db.models.rota import Shift
from redband_desktop.domain.rota import DutyType
from redband_desktop.errors import Problem
from redband_desktop.services.rota.query import Names


def span_text(shift: Shift) -> str:
    return f"{shift.starts_at:%H:%M}–{shift.ends_at:%H:%M}"


def shift_text(shift: Shift, names: Names) -> str:
    """金色家园 3栋 2026-12-02 22:00–02:00 巡逻防范"""
    place = names.place(shift.site_id, shift.building_id, shift.zone_id)
    return f"{place} {shift.day.isoformat()} {span_text(shift)} {DutyType(shift.duty_type).zh}"


def clash_problem(name: str, other: Shift, names: Names) -> Problem:
    """The refusal naming the shift a volunteer already serves on at that time."""
    duty = DutyType(other.duty_type)
    return Problem("volunteer_id", "rota_overlap", {
        "name": name, "day": other.day.isoformat(), "start": f"{other.starts_at:%H:%M}",
        "end": f"{other.ends_at:%H:%M}", "place": names.place(other.site_id, other.building_id, other.zone_id),
        "duty": duty.zh, "duty_en": duty.en})
