"""Test helpers of the service-record tests: served shifts written straight into the
rota's tables (attendance can only be recorded near the shift's own day) and activities
with their participants."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from redband_desktop.db.models.activities import Activity, ActivityParticipant
from redband_desktop.db.models.rota import Attendance, Shift, ShiftAssignment
from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.services.roster.types import VolunteerForm

_seq = iter(range(300, 999))


def volunteer(services, site_id: int, name: str) -> int:  # noqa: ANN001
    seq = next(_seq)
    v = services.roster.create(VolunteerForm(
        name=name, id_number=make_id_number("530112", date(1962, 4, 9) + timedelta(days=seq), seq),
        phone=f"1390872{seq:04d}", background="resident", political_status="masses", site_id=site_id,
        joined_on=date(2021, 7, 1)))
    return v.volunteer.id


def shift(services, place, start: datetime, end: datetime, vid: int, status: str = "present",  # noqa: ANN001
          swapped_with: int | None = None) -> None:
    with services.db.write() as s:
        sh = Shift(district_id=place["district"].id, site_id=place["compound"].id, duty_type="patrol",
                   day=start.date(), starts_at=start, ends_at=end, needed=1)
        s.add(sh)
        s.flush()
        a = ShiftAssignment(shift_id=sh.id, volunteer_id=vid)
        s.add(a)
        s.flush()
        served = status != "absent"
        s.add(Attendance(assignment_id=a.id, status=status, swapped_with_id=swapped_with,
                         signed_in_at=start if served else None, signed_out_at=end if served else None))


def activity(services, place, start: datetime, end: datetime, people: dict[int, int | None],  # noqa: ANN001
             kind: str = "anti_fraud", training: bool = False, theme: str = "反诈宣传进市场") -> int:
    with services.db.write() as s:
        a = Activity(activity_type=kind, theme=theme, day=start.date(), starts_at=start, ends_at=end,
                     district_id=place["district"].id, site_id=place["compound"].id, location="",
                     organiser_kind="station", organiser="", notes="", cases_note="", subject="消防器材使用"
                     if training else "", counts_as_training=training)
        s.add(a)
        s.flush()
        span = int((end - start).total_seconds() // 60)
        for vid, minutes in people.items():
            s.add(ActivityParticipant(activity_id=a.id, volunteer_id=vid, minutes=minutes or span))
        return a.id
