"""Test helpers of the rota tests: dates relative to today (the rota's "future" is real
time), volunteers, templates and the shifts of a day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.domain.rota import week_start
from redband_desktop.services.roster.types import VolunteerForm
from redband_desktop.services.rota.types import TemplateForm

THIS_MONDAY = week_start(date.today())
NEXT_MONDAY = THIS_MONDAY + timedelta(days=7)
LAST_MONDAY = THIS_MONDAY - timedelta(days=7)
_seq = iter(range(100, 999))


def volunteer(services, site_id: int, name: str) -> int:  # noqa: ANN001
    seq = next(_seq)
    v = services.roster.create(VolunteerForm(
        name=name, id_number=make_id_number("530112", date(1965, 4, 9), seq), phone=f"1390871{seq:04d}",
        background="resident", political_status="masses", site_id=site_id, joined_on=date(2021, 7, 1)))
    return v.volunteer.id


def template(site_id: int, **changes) -> TemplateForm:  # noqa: ANN003
    base = TemplateForm(site_id=site_id, duty_type="patrol", start_time=time(19), end_time=time(21),
                        weekdays=(0, 2, 4), needed=2)
    return replace(base, **changes)


def shifts_on(services, day: date, site_id: int | None = None) -> list:  # noqa: ANN001
    """Every shift of `day` in the week view (of one site)."""
    view = services.rota.week(day)
    col = view.days.index(day)
    return [sh for row in view.rows if site_id in (None, row.site_id) for sh in row.days[col]]
