"""The demo station's duty rota, read back through the rota service: a year of shifts that
fit each place, nobody on two shifts at once or on a shift while not serving, no shift on
a skipped day, hours only from attendance, patrol logs that link what happened at the
place during the patrol, and `redband stats --json` duty figures of a real station."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from conftest import DEMO_TODAY
from sqlalchemy import func, select

from redband_desktop.cli import main
from redband_desktop.db.engine import Database, database_url
from redband_desktop.db.migrate import migrate
from redband_desktop.db.models import Incident, Site, Volunteer
from redband_desktop.db.models.clues import Clue
from redband_desktop.db.models.rota import (
    Attendance,
    PatrolLog,
    Shift,
    ShiftAssignment,
    ShiftTemplate,
    SkippedDate,
)
from redband_desktop.demo.station import load_demo
from redband_desktop.services import build_services
from redband_desktop.services.rota.figures import figures

SERVED = ("present", "late", "swapped")


def _rows(s) -> list:  # noqa: ANN001
    """(volunteer who served or was due, start, end, shift, day, status, stand-in) per assignment."""
    q = (select(ShiftAssignment.volunteer_id, Shift.starts_at, Shift.ends_at, Shift.id, Shift.day,
                Attendance.status, Attendance.swapped_with_id)
         .join(Shift, Shift.id == ShiftAssignment.shift_id)
         .outerjoin(Attendance, Attendance.assignment_id == ShiftAssignment.id))
    return list(s.execute(q))


def _check_rota(db: Database, today: date) -> None:
    """What must hold of the demo rota whatever day it was created on."""
    with db.read() as s:
        rows = _rows(s)
        assert rows, "the demo has a rota"
        # nobody is on two shifts at once, counting the shifts they stood in on
        spans = defaultdict(list)
        for vid, start, end, shift, _day, status, stand_in in rows:
            spans[vid].append((start, end, shift))
            if status == "swapped":
                spans[stand_in].append((start, end, shift))
        for vid, mine in spans.items():
            mine.sort()
            for (_s1, e1, a), (s2, _e2, b) in zip(mine, mine[1:], strict=False):
                assert e1 <= s2, f"volunteer {vid} on shifts {a} and {b} at once"
        # only while serving: joined by then, not yet suspended or gone; stand-ins serve now
        people = {v.id: v for v in s.scalars(select(Volunteer))}
        for vid, _start, _end, shift, day, status, stand_in in rows:
            v = people[vid]
            assert v.joined_on <= day, (vid, shift)
            assert v.status == "active" or day < v.status_since, (vid, shift, v.status)
            assert day <= today or v.status == "active"
            if status == "swapped":
                assert people[stand_in].status == "active" and stand_in != vid
        # people of the place: a compound's or unit's own, a market zone's from the zone
        own = {(v.id): (v.site_id, v.zone_id) for v in people.values()}
        places = dict(s.execute(select(ShiftAssignment.id, Shift.site_id)
                                .join(Shift, Shift.id == ShiftAssignment.shift_id)).all())
        zones = {sid: z for sid, z in s.execute(select(Shift.id, Shift.zone_id))}
        for a_id, vid, shift_id in s.execute(select(ShiftAssignment.id, ShiftAssignment.volunteer_id,
                                                    ShiftAssignment.shift_id)):
            assert own[vid][0] == places[a_id] and (zones[shift_id] is None or own[vid][1] == zones[shift_id])
        # attendance exactly for the shifts before today
        for _vid, _start, _end, shift, day, status, _stand_in in rows:
            assert (status is not None) == (day < today), (shift, day, status)
        # no shift on a day its place (or the station) does not work
        skipped = s.scalar(select(func.count(Shift.id)).join(
            SkippedDate, (SkippedDate.day == Shift.day) & (
                SkippedDate.site_id.is_(None) | (SkippedDate.site_id == Shift.site_id))))
        assert skipped == 0
        first, last = s.execute(select(func.min(Shift.day), func.max(Shift.day))).one()
        assert first > today - timedelta(days=366) and today < last <= today + timedelta(days=14)
        assert s.scalar(select(func.count()).select_from(Shift).where(Shift.template_id.is_(None))) == 0


def _demo_on(tmp_path: Path, today: date, volunteers: int = 300) -> Database:
    tmp_path.mkdir(parents=True, exist_ok=True)
    url = database_url(tmp_path / f"demo-{today}.sqlite3")
    migrate(url, None)
    db = Database(url)
    load_demo(db, today=today, volunteers=volunteers)
    return db


def test_the_demo_rota_keeps_the_rota_rules(demo_services) -> None:  # noqa: ANN001
    _check_rota(demo_services.db, DEMO_TODAY)


def test_templates_fit_each_place(demo_services) -> None:  # noqa: ANN001
    rota = demo_services.rota
    templates = rota.templates()
    with demo_services.db.read() as s:
        kinds = dict(s.execute(select(Site.id, Site.kind)).all())
    by_kind = defaultdict(set)
    for t in (x.form for x in templates):
        by_kind[kinds[t.site_id]].add((t.duty_type, t.start_time, t.end_time))
    assert by_kind["compound"] == {("patrol", time(19), time(21))}  # evening patrols
    assert {d for d, _, _ in by_kind["market"]} == {"patrol", "info_warning"}  # patrols and outreach hours
    assert by_kind["organization"] == {("daily_duty", time(8), time(12))}
    market = [t.form for t in templates if kinds[t.form.site_id] == "market"]
    assert all(t.zone_id is not None for t in market)  # by zone, as the market organises itself
    compounds = [t.form for t in templates if kinds[t.form.site_id] == "compound"]
    assert len(compounds) >= sum(1 for k in kinds.values() if k == "compound") - 2  # all with people enough
    assert {len(t.weekdays) for t in compounds} == {3, 4, 7}  # small compounds patrol some evenings


def test_skipped_days_are_the_spring_festival_and_national_day(demo_services) -> None:  # noqa: ANN001
    skipped = demo_services.rota.skipped(DEMO_TODAY - timedelta(days=365), DEMO_TODAY + timedelta(days=14))
    reasons = Counter(d.reason for d in skipped)
    assert set(reasons) == {"春节休市", "春节放假", "国庆放假"}
    assert {d.day for d in skipped if d.reason == "春节休市"} == {date(2026, 2, 16) + timedelta(days=i)
                                                               for i in range(4)}  # 除夕 to 初三
    assert all(d.site_id is not None for d in skipped)  # patrols in the compounds go on
    week = demo_services.rota.week(date(2026, 2, 17))
    with demo_services.db.read() as s:
        market = s.scalar(select(Site.id).where(Site.name == "大商汇"))
    rows = [r for r in week.rows if r.site_id == market]
    assert rows and all(not r.days[1] and r.skipped[1] == "春节休市" for r in rows)  # 初一: the market is closed
    assert sum(1 for r in week.rows if r.days[1] and r.days[1][0].duty_type == "patrol") > 10  # compounds patrol on


def test_hours_come_only_from_attendance(demo_services) -> None:  # noqa: ANN001
    first, last = DEMO_TODAY - timedelta(days=364), DEMO_TODAY
    report = demo_services.rota.hours(first, last)
    expected = Counter()
    with demo_services.db.read() as s:
        q = (select(ShiftAssignment.volunteer_id, Attendance.status, Attendance.swapped_with_id,
                    Attendance.signed_in_at, Attendance.signed_out_at)
             .join(Attendance, Attendance.assignment_id == ShiftAssignment.id)
             .join(Shift, Shift.id == ShiftAssignment.shift_id).where(Shift.day >= first, Shift.day <= last))
        statuses = Counter()
        for vid, status, stand_in, signed_in, signed_out in s.execute(q):
            statuses[status] += 1
            if status in SERVED:
                expected[stand_in or vid] += int((signed_out - signed_in).total_seconds() // 60)
            else:
                assert signed_in is None and signed_out is None
    assert {h.volunteer_id: h.minutes for h in report.rows} == +expected
    assert report.total_minutes == sum(expected.values())
    total = sum(statuses.values())
    # mostly present, some late, a few absent, some swapped
    assert statuses["present"] / total > 0.8 and 0 < statuses["late"] / total < 0.1
    assert 0 < statuses["absent"] / total < 0.1 and 0 < statuses["swapped"] / total < 0.1
    busiest = report.rows[0]
    assert 30 <= busiest.minutes / 60 <= 400  # a couple of shifts a week at most


def test_a_swap_and_a_patrol_log_read_back(demo_services) -> None:  # noqa: ANN001
    rota = demo_services.rota
    with demo_services.db.read() as s:
        shift_id, stand_in = s.execute(select(ShiftAssignment.shift_id, Attendance.swapped_with_id)
                                       .join(Attendance).where(Attendance.status == "swapped")
                                       .order_by(ShiftAssignment.id).limit(1)).one()
        logged = list(s.execute(select(PatrolLog.shift_id, PatrolLog.clue_id, PatrolLog.incident_id)
                                .order_by(PatrolLog.id)))
    row = next(r for r in rota.attendance(shift_id).rows if r.status == "swapped")
    assert row.swapped_with_id == stand_in and row.swapped_with and row.minutes > 0
    clues = [x for x in logged if x.clue_id]
    incidents = [x for x in logged if x.incident_id]
    assert len(clues) >= 5 and len(incidents) >= 10 and len(logged) > len(clues) + len(incidents)
    with demo_services.db.read() as s:
        for shift_id, clue_id, incident_id in clues + incidents:
            shift = s.get(Shift, shift_id)
            when, site = (s.execute(select(Clue.reported_at, Clue.site_id).where(Clue.id == clue_id)).one()
                          if clue_id else
                          s.execute(select(Incident.occurred_at, Incident.site_id).where(Incident.id == incident_id)).one())
            assert site == shift.site_id and shift.starts_at <= when <= shift.ends_at  # at that place and time
    log = rota.patrol_logs(clues[0].shift_id)
    assert log[0].clue_number.startswith("XS-") and log[0].volunteer and log[0].note.startswith("巡逻中发现")


def test_stats_json_duty_figures_look_like_a_real_station(demo_services, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = demo_services.db.url  # the database's URL: a PostgreSQL server has no file path
    first = date(DEMO_TODAY.year, 1, 1)
    assert main(["--db", path, "stats", "--json", "--from", first.isoformat(), "--to", DEMO_TODAY.isoformat()]) == 0
    duty = json.loads(capsys.readouterr().out)["duty"]
    assert duty["shifts"] > 10000 and duty["hours"] > 10000 and duty["volunteers_served"] > 800
    assert 80 <= duty["filled_pct"] <= 100 and 80 <= duty["attendance_pct"] <= 100
    # as the station saw it on the demo's own today (the shifts of today not yet recorded)
    with demo_services.db.read() as s:
        then = figures(s, first, DEMO_TODAY, datetime.combine(DEMO_TODAY, time(8)))
    assert 90 <= then["attendance_pct"] < 100 and 90 <= then["filled_pct"] < 100


def test_this_week_has_people_and_next_week_is_being_filled(demo_services) -> None:  # noqa: ANN001
    week = demo_services.rota.week(DEMO_TODAY)
    shifts = sum(len(day) for r in week.rows for day in r.days)
    assert shifts > 300 and week.gaps < shifts * 0.05 and week.assigned >= week.needed * 0.95
    later = demo_services.rota.week(DEMO_TODAY + timedelta(days=7))
    assert later.gaps > week.gaps and later.assigned < later.needed


@pytest.mark.parametrize("today", [date(2028, 2, 29), date(2026, 2, 1), date(2021, 12, 1)])
def test_the_rota_on_frozen_creation_days(tmp_path: Path, today: date) -> None:
    db = _demo_on(tmp_path, today)
    _check_rota(db, today)
    with db.read() as s:
        templates = s.scalar(select(func.count(ShiftTemplate.id)))
        first = s.scalar(select(func.min(Shift.day)))
    assert templates > 20
    assert first == (date(2027, 3, 1) if today == date(2028, 2, 29) else max(
        date(2021, 6, 1), today.replace(year=today.year - 1) + timedelta(days=1)))
    db.dispose()


def test_the_same_seed_gives_the_same_rota(tmp_path: Path) -> None:
    today = date(2025, 9, 10)
    dbs = [_demo_on(tmp_path / name, today, 200) for name in ("a", "b")]
    prints = []
    for db in dbs:
        with db.read() as s:
            prints.append((list(s.execute(select(ShiftAssignment.shift_id, ShiftAssignment.volunteer_id)
                                          .order_by(ShiftAssignment.id))),
                           list(s.execute(select(Attendance.status, Attendance.swapped_with_id, Attendance.signed_in_at)
                                          .order_by(Attendance.id))),
                           list(s.execute(select(PatrolLog.shift_id, PatrolLog.note).order_by(PatrolLog.id)))))
        db.dispose()
    assert prints[0] == prints[1] and prints[0][0]


def test_services_read_the_demo_rota(demo_services) -> None:  # noqa: ANN001
    services = build_services(demo_services.db)
    services.accounts.sign_in("admin", "Station#2026")
    day = DEMO_TODAY - timedelta(days=1)
    listed = services.rota.day_attendance(day)
    assert listed and all(r.status for a in listed for r in a.rows)  # yesterday is recorded
    assert all(not r.status for a in services.rota.day_attendance(DEMO_TODAY) for r in a.rows)
