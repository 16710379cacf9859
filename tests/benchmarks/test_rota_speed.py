"""The rota at the station's size (issue #18): 60 places with 3 templates each, every day.
What generating a year of shifts costs, opening the whole station's week view with two
people on every shift, and hours per volunteer over a year of recorded attendance (one
person on every shift, 1,100 volunteers). Records figures; `make bench`."""

from __future__ import annotations

import statistics
import time as clock
from datetime import date, time, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from redband_desktop.db.engine import Database, database_url
from redband_desktop.db.migrate import migrate
from redband_desktop.db.models import Volunteer
from redband_desktop.db.models.rota import Attendance, Shift, ShiftAssignment
from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.services import build_services
from redband_desktop.services.roster.types import VolunteerForm
from redband_desktop.services.rota.types import TemplateForm

SPANS = ((time(8), time(12)), (time(14), time(18)), (time(22), time(2)))
YEAR_START = date(2027, 1, 4)


def _station(path: Path):  # noqa: ANN202
    url = database_url(path)
    migrate(url, None)
    db = Database(url)
    services = build_services(db)
    services.accounts.create_first_admin("bench", "基准测试", "Speed#2026pw", "Speed#2026pw")
    sites = []
    for d in range(6):
        district = services.structure.create_district(f"片区{d + 1}")
        sites += [services.structure.create_site(district.id, "compound", f"小区{d + 1}-{n + 1}") for n in range(10)]
    for site in sites:
        for start, end in SPANS:
            services.rota.create_template(TemplateForm(site.id, "patrol", start, end, needed=2))
    services.roster.create(VolunteerForm(
        name="张洁", id_number=make_id_number("510104", date(1988, 3, 8), 24), phone="13808712345",
        background="resident", political_status="masses", site_id=sites[0].id, joined_on=date(2021, 7, 1)))
    return db, services


def _timed(fn, runs: int = 5) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        started = clock.perf_counter()
        fn()
        times.append(clock.perf_counter() - started)
    return statistics.median(times) * 1000


def test_rota_speed(tmp_path: Path, record) -> None:  # noqa: ANN001
    db, services = _station(tmp_path / "rota.sqlite3")
    started = clock.perf_counter()
    made = services.rota.generate(YEAR_START, YEAR_START + timedelta(days=364))
    year_ms = (clock.perf_counter() - started) * 1000
    with db.write() as s:  # two people on every shift of the first week (the bench skips the overlap check)
        vid = s.scalar(select(Volunteer.id))
        ids = list(s.scalars(select(Shift.id).where(Shift.day < YEAR_START + timedelta(days=7))))
        s.execute(insert(ShiftAssignment), [{"shift_id": i, "volunteer_id": vid} for i in ids for _ in (0,)])
    week_ms = _timed(lambda: services.rota.week(YEAR_START))
    view = services.rota.week(YEAR_START)
    _attended_year(db)
    hours_ms = _timed(lambda: services.rota.hours(YEAR_START, YEAR_START + timedelta(days=364)), runs=3)
    report = services.rota.hours(YEAR_START, YEAR_START + timedelta(days=364))
    shifts = sum(len(d) for r in view.rows for d in r.days)
    record(f"rota week view, whole station ({len(view.rows)} places, {shifts} shifts)", week_ms, "ms", None,
           "≤ 300 ms")
    record(f"rota: a year of shifts generated ({made.created:,})", year_ms, "ms", None, "≤ 3000 ms")
    record(f"rota: hours of {len(report.rows):,} volunteers over a year", hours_ms, "ms", None, "≤ 200 ms")
    assert made.created == 60 * 3 * 365 and len(view.rows) == 60 and len(report.rows) == 1100
    db.dispose()


def _attended_year(db: Database) -> None:
    """Every shift of the year after the first week: one of 1,100 volunteers, present."""
    with db.write() as s:
        first = s.scalar(select(Volunteer.id))
        rows = [{"id": n, "name": f"志愿者{n}", "name_pinyin": f"zyz{n}", "name_initials": "zyz", "gender": "F",
                 "id_number": make_id_number("530112", date(1970, 1, 1), n % 999 + 1)[:17] + str(n % 10),
                 "birth_date": date(1970, 1, 1), "background": "resident", "site_id": 1, "joined_on": date(2021, 1, 1),
                 "status_since": date(2021, 1, 1), "version": 1, "volunteer_no": f"BENCH-{n:06d}"}
                for n in range(first + 1, first + 1100)]
        s.execute(insert(Volunteer.__table__), rows)
        vids = [first] + [r["id"] for r in rows]
        shifts = s.execute(select(Shift.id, Shift.starts_at, Shift.ends_at)
                           .where(Shift.day >= YEAR_START + timedelta(days=7))).all()
        s.execute(insert(ShiftAssignment.__table__), [
            {"id": 10_000_000 + n, "shift_id": sid, "volunteer_id": vids[n % len(vids)], "assigned_at": begins}
            for n, (sid, begins, _ends) in enumerate(shifts)])
        s.execute(insert(Attendance.__table__), [
            {"assignment_id": 10_000_000 + n, "status": "present", "signed_in_at": begins, "signed_out_at": ends,
             "recorded_at": ends, "recorded_by": "bench"} for n, (_sid, begins, ends) in enumerate(shifts)])
