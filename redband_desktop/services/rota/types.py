"""Plain values the rota service takes and returns (no ORM objects leave a service)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from redband_desktop.errors import Problem

ALL_WEEK = (0, 1, 2, 3, 4, 5, 6)


@dataclass(frozen=True)
class TemplateForm:
    """A recurring shift of a place as a clerk types it. `end_time` None: the duty type's
    default length; an end at or before the start runs past midnight."""

    site_id: int | None
    duty_type: str
    start_time: time | None
    end_time: time | None = None
    weekdays: tuple[int, ...] = ALL_WEEK  # 0 = Monday … 6 = Sunday
    needed: int = 1
    building_id: int | None = None
    zone_id: int | None = None
    leader_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    version: int
    form: TemplateForm  # as saved: the end filled in, weekdays in order
    district_id: int
    place: str  # 金色家园 3栋
    leader: str
    active: bool


@dataclass(frozen=True)
class TemplateSaved:
    """A template as saved, and what the save did to its future shifts nobody is on."""

    template: TemplateInfo
    updated: int = 0
    removed: int = 0
    created: int = 0


@dataclass(frozen=True)
class Generated:
    created: int  # new shifts
    existing: int  # already there (generating twice never doubles)
    skipped: int  # left out on skipped days


@dataclass(frozen=True)
class Person:
    volunteer_id: int
    name: str


@dataclass(frozen=True)
class ShiftInfo:
    id: int
    version: int
    template_id: int | None
    district_id: int
    site_id: int
    building_id: int | None
    zone_id: int | None
    place: str
    duty_type: str
    day: date  # the day it starts
    starts_at: datetime
    ends_at: datetime
    needed: int
    leader: str
    people: tuple[Person, ...]

    @property
    def gap(self) -> int:
        """People still needed (0 when full or over)."""
        return max(self.needed - len(self.people), 0)

    @property
    def overnight(self) -> bool:
        return self.ends_at.date() > self.day


@dataclass(frozen=True)
class Assigned:
    """The shift after an assignment, with warnings that did not stop it (an expired
    card, more people than needed)."""

    shift: ShiftInfo
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Copied:
    """What copying a day (or a week) did; `refused` names each person who could not be
    copied and why (an overlap, a suspended volunteer, a skipped day)."""

    shifts_created: int
    assigned: int
    refused: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class WeekFilter:
    district_id: int | None = None
    site_id: int | None = None
    duty_type: str = ""


@dataclass(frozen=True)
class WeekRow:
    """One place of the week view: its shifts on each of the seven days, and the reason a
    day is skipped there ("" when it is not)."""

    district_id: int
    site_id: int
    building_id: int | None
    zone_id: int | None
    place: str
    days: tuple[tuple[ShiftInfo, ...], ...]
    skipped: tuple[str | None, ...]


@dataclass(frozen=True)
class WeekView:
    monday: date
    days: tuple[date, ...]
    rows: tuple[WeekRow, ...]
    needed: int  # people needed over the week
    assigned: int  # people assigned over the week
    gaps: int  # shifts short of people


@dataclass(frozen=True)
class SkippedDay:
    id: int
    day: date
    site_id: int | None  # None: the whole station
    site: str
    reason: str


@dataclass(frozen=True)
class AttendanceForm:
    """What became of one assigned volunteer on a shift. The times default to the
    shift's start and end; an absent volunteer has none; a swap names who served instead."""

    volunteer_id: int
    status: str  # domain.rota.AttendanceStatus
    swapped_with_id: int | None = None
    signed_in_at: datetime | None = None
    signed_out_at: datetime | None = None


@dataclass(frozen=True)
class AttendanceRow:
    volunteer_id: int
    name: str
    status: str  # "" while nothing is recorded
    swapped_with_id: int | None
    swapped_with: str
    signed_in_at: datetime | None
    signed_out_at: datetime | None
    minutes: int  # of service this row counts for (0 when absent or not recorded)


@dataclass(frozen=True)
class ShiftAttendance:
    shift: ShiftInfo
    rows: tuple[AttendanceRow, ...]


@dataclass(frozen=True)
class VolunteerHours:
    volunteer_id: int
    name: str
    shifts: int
    minutes: int

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)


@dataclass(frozen=True)
class HoursReport:
    first: date
    last: date
    rows: tuple[VolunteerHours, ...]  # most hours first
    total_minutes: int


@dataclass(frozen=True)
class PatrolLogForm:
    """A patrol log entry (巡逻记录) on a shift: the route or places covered, what was seen,
    and the clue report or incident raised during it."""

    route: str = ""
    note: str = ""
    volunteer_id: int | None = None  # who wrote it up, one of the shift's people
    clue_id: int | None = None
    incident_id: int | None = None


@dataclass(frozen=True)
class PatrolLogRow:
    id: int
    shift_id: int
    volunteer: str
    route: str
    note: str
    clue_id: int | None
    clue_number: str
    incident_id: int | None
    incident_number: str
    recorded_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class DutyMonth:
    """One month of a volunteer's duty: shifts they were on (as assigned or as a stand-in),
    how many they served (present, late, or standing in), missed, and the hours served."""

    month: date  # the first of the month
    shifts: int
    attended: int
    absent: int
    minutes: int

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)


@dataclass(frozen=True)
class VolunteerShift:
    """One shift on a volunteer's page. `status` is their own attendance ("" while nothing is
    recorded); a stand-in's row says whom they stood in for, a swapped-out row who served."""

    shift_id: int
    day: date
    place: str
    duty_type: str
    starts_at: datetime
    ends_at: datetime
    status: str
    stood_in_for: str  # they served in this person's place
    swapped_with: str  # this person served in theirs
    signed_in_at: datetime | None
    signed_out_at: datetime | None
    minutes: int  # of service that counts for them

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)


@dataclass(frozen=True)
class VolunteerDuty:
    volunteer_id: int
    months: tuple[DutyMonth, ...]  # the last twelve, this month first
    shifts: tuple[VolunteerShift, ...]  # every shift, newest first
