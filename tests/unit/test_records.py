"""Service records: service time from shifts and activities with the same clock time
counted once (in SQL, checked against the plain rule), a swap's time for the stand-in,
commendations and evaluations audited with their rights, certificates numbered per year
(and again from 0001 in a new year), refused without service and only for those who may
see full ID numbers, reprints under the same number, the ranking's shared ranks with
suspended volunteers apart, and the inactive rule."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from redband_desktop.db.models import AuditEntry, Volunteer
from redband_desktop.domain.records import merged_minutes
from redband_desktop.errors import ConflictError, PermissionDenied, ValidationError
from redband_desktop.services.records.hours import service_minutes
from redband_desktop.services.records.types import AwardForm
from tests.ui.staff import sign_in_as
from tests.unit import records_helpers as h

D = datetime(2026, 3, 8)
YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def at(hour: int, minute: int = 0, day: int = 0) -> datetime:
    return D + timedelta(days=day, hours=hour, minutes=minute)


def minutes(services, vid: int, first=YEAR[0], last=YEAR[1]) -> int:  # noqa: ANN001
    with services.db.read() as s:
        return service_minutes(s, first, last, [vid]).get(vid, 0)


def actions(services) -> list[str]:  # noqa: ANN001
    with services.db.read() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_overlapping_shift_and_activity_count_once(services, place) -> None:  # noqa: ANN001
    v = place["volunteer"]
    h.shift(services, place, at(8), at(12), v)
    h.activity(services, place, at(10), at(13), {v: None})  # overlaps 10–12
    h.activity(services, place, at(11), at(11, 30), {})  # nobody: nothing
    h.activity(services, place, at(15), at(18), {v: 60})  # 15–16 only
    h.shift(services, place, at(9, day=1), at(10, day=1), v, status="absent")  # absent: nothing
    assert minutes(services, v) == 5 * 60 + 60
    record = services.records.service_record(v)
    assert [i.minutes for i in record.services] == [60, 180, 240]  # each service with its own time
    assert record.total_minutes == 360 and [(y.year, y.minutes) for y in record.years] == [(2026, 360)]
    assert minutes(services, v, date(2026, 3, 9), date(2026, 3, 9)) == 0


def test_sql_merging_matches_the_plain_rule(services, place) -> None:  # noqa: ANN001
    import random

    rnd = random.Random(7)
    v = place["volunteer"]
    spans = []
    for _ in range(25):
        start = at(rnd.randint(0, 20), rnd.choice((0, 15, 30, 45)), day=rnd.randint(0, 3))
        end = start + timedelta(minutes=rnd.randint(30, 240))
        spans.append((start, end))
        if rnd.random() < 0.5:
            h.shift(services, place, start, end, v)
        else:
            h.activity(services, place, start, end, {v: None})
    assert minutes(services, v) == merged_minutes(spans) > 0


def test_a_swap_counts_for_the_stand_in(services, place) -> None:  # noqa: ANN001
    v = place["volunteer"]
    other = h.volunteer(services, place["compound"].id, "李明")
    h.shift(services, place, at(19), at(21), v, status="swapped", swapped_with=other)
    assert minutes(services, v) == 0 and minutes(services, other) == 120
    assert services.records.service_record(other).services[0].kind == "shift"


def test_commendations_and_evaluations_are_audited_with_rights(services, place) -> None:  # noqa: ANN001
    v = place["volunteer"]
    award = services.records.add_award(v, AwardForm("优秀红袖标志愿者", "county", date(2026, 1, 20), "西山区公安分局"))
    with pytest.raises(ValidationError) as exc:
        services.records.add_award(v, AwardForm("", "galaxy", None, ""))
    assert {p.field for p in exc.value.problems} == {"award_name", "award_level", "awarded_on", "awarded_by"}
    fixed = services.records.update_award(award.id, award.version,
                                          AwardForm("优秀红袖标志愿者", "city", date(2026, 1, 20), "西山区公安分局"))
    with pytest.raises(ConflictError):
        services.records.update_award(award.id, award.version, AwardForm("x", "city", date(2026, 1, 20), "y"))
    first = services.records.evaluate(v, 2025, 5, "巡逻认真")
    with pytest.raises(ValidationError):
        services.records.evaluate(v, 2025, 6, "")
    with pytest.raises(ConflictError):  # the year already has one: a correction names its version
        services.records.evaluate(v, 2025, 4, "")
    services.records.evaluate(v, 2025, 4, "改评", version=first.version)
    record = services.records.service_record(v)
    assert [(a.level, a.awarded_by) for a in record.awards] == [("city", "西山区公安分局")]
    assert [(e.year, e.stars, e.comment) for e in record.evaluations] == [(2025, 4, "改评")]
    assert actions(services)[-4:] == ["record.award", "record.award.update", "record.evaluation",
                                      "record.evaluation"]
    sign_in_as(services, "clerk")
    with pytest.raises(PermissionDenied):  # a clerk records awards but does not evaluate
        services.records.evaluate(v, 2026, 3, "")
    services.records.add_award(v, AwardForm("先进个人", "station", date(2026, 2, 1), "金家河派出所"))
    sign_in_as(services, "officer", place["other"].id)
    with pytest.raises(PermissionDenied):  # another district's officer
        services.records.evaluate(v, 2026, 3, "")
    with pytest.raises(PermissionDenied):
        services.records.remove_award(fixed.id, fixed.version)
    sign_in_as(services, "officer", place["district"].id)
    services.records.evaluate(v, 2026, 3, "")
    services.records.remove_award(fixed.id, fixed.version)
    assert len(services.records.service_record(v).awards) == 1


def named(services) -> None:  # noqa: ANN001
    services.station.update_station("金家河派出所", "JJH", "")


def test_certificates_numbered_per_year_refused_without_service(services, place) -> None:  # noqa: ANN001
    named(services)
    v = place["volunteer"]
    h.shift(services, place, at(8), at(12), v)
    h.activity(services, place, at(10), at(13), {v: None}, kind="training", training=True)
    with pytest.raises(ValidationError) as exc:
        services.records.issue_certificate(v, date(2025, 1, 1), date(2025, 12, 31))
    assert "2025-01-01 至 2025-12-31" in exc.value.message() and "张洁" in exc.value.message()
    one = services.records.issue_certificate(v, *YEAR, today=date(2026, 12, 30))
    two = services.records.issue_certificate(v, *YEAR, today=date(2026, 12, 31))
    three = services.records.issue_certificate(v, *YEAR, today=date(2027, 1, 2))
    assert [c.certificate.number for c in (one, two, three)] == ["2026-0001", "2026-0002", "2027-0001"]
    assert one.certificate.minutes == 300 and "巡逻" in one.certificate.content
    again = services.records.reprint_certificate(one.certificate.id)
    assert again.certificate.number == "2026-0001" and again.certificate.printed_count == 2
    assert [c.number for c in services.records.certificates("2026-")] == ["2026-0002", "2026-0001"]
    assert len(services.records.certificates("张")) == 3
    assert actions(services)[-1] == "record.certificate.reprint"
    assert services.records.service_record(v).training[0].kind_code == "training"


def test_the_certificate_pdf_reads_back(services, place, tmp_path) -> None:  # noqa: ANN001
    v = place["volunteer"]
    services.station.update_station("金家河派出所", "JJH", "", head="王建国", phone="0871-68123456")
    h.shift(services, place, at(8), at(12, 30), v)
    printed = services.records.issue_certificate(v, *YEAR, today=date(2026, 12, 1))
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(printed.pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    with services.db.read() as s:
        full, number = s.execute(select(Volunteer.id_number, Volunteer.volunteer_no).where(Volunteer.id == v)).one()
    for expected in ("志愿服务证明", "2026-0001", "张洁", "居民身份证", "4.5 小时", "金家河派出所", "王建国",
                     "0871", "2026年12月1日", number, full):  # the full ID number, not masked
        assert expected in text, expected


def test_only_who_may_reveal_prints_certificates(services, place) -> None:  # noqa: ANN001
    named(services)
    v = place["volunteer"]
    h.shift(services, place, at(8), at(12), v)
    sign_in_as(services, "viewer")
    with pytest.raises(PermissionDenied):
        services.records.issue_certificate(v, *YEAR)
    assert "*" in services.records.service_record(v).id_number  # masked (also for an administrator)
    sign_in_as(services, "clerk")
    services.records.issue_certificate(v, *YEAR)


def test_ranking_shares_ranks_and_shows_suspended_apart(services, place) -> None:  # noqa: ANN001
    a, b = place["volunteer"], h.volunteer(services, place["compound"].id, "李明")
    c, d = h.volunteer(services, place["compound"].id, "王芳"), h.volunteer(services, place["compound"].id, "赵强")
    h.shift(services, place, at(8), at(10), a)
    h.shift(services, place, at(8), at(10), b)
    h.activity(services, place, at(14), at(15), {c: None, d: None})
    h.shift(services, place, at(8, day=1), at(12, day=1), d)
    services.roster.change_status(d, services.roster.get(d).version, "suspended", date.today(), "外出")
    result = services.records.ranking(*YEAR)
    assert [(r.rank, r.minutes) for r in result.rows] == [(1, 120), (1, 120), (3, 60)]
    assert {r.name for r in result.rows[:2]} == {"张洁", "李明"} and result.rows[2].name == "王芳"
    assert [(r.name, r.minutes) for r in result.apart] == [("赵强", 300)]
    assert services.records.ranking(*YEAR, district_id=place["other"].id).rows == ()
    assert services.records.export_ranking(result).data[:2] == b"PK"


def test_inactive_lists_active_volunteers_without_recent_service(services, place) -> None:  # noqa: ANN001
    v = place["volunteer"]  # joined 2021, served 2026-03-08
    quiet = h.volunteer(services, place["compound"].id, "李明")  # joined 2021, never served
    busy = h.volunteer(services, place["compound"].id, "王芳")
    h.shift(services, place, at(8), at(10), v)
    h.activity(services, place, at(9, day=80), at(10, day=80), {busy: None})
    result = services.records.inactive(days=90, today=date(2026, 6, 10))
    assert {r.volunteer_id: r.last_service for r in result.rows} == {v: date(2026, 3, 8), quiet: None}
    assert [r.volunteer_id for r in services.records.inactive(days=90, today=date(2026, 5, 1)).rows] == [quiet]
    with pytest.raises(ValidationError):
        services.records.inactive(days=3)


def test_the_certificate_issuer_is_a_station_setting(services) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as exc:
        services.station.update_station("金家河派出所", "JJH", "", head="王建国", phone="12", inactive_days=3)
    assert {p.field for p in exc.value.problems} == {"station_phone", "inactive_days"}
    assert services.station.settings().head == ""  # nothing half-saved
    saved = services.station.update_station("金家河派出所", "JJH", "", head="王建国", phone="0871-68123456",
                                            inactive_days=60)
    assert (saved.head, saved.inactive_days) == ("王建国", 60) and saved.phone.startswith("0871")
    assert services.records.inactive().days == 60


def test_batch_certificates_in_one_pdf(services, place, tmp_path) -> None:  # noqa: ANN001
    named(services)
    v, other = place["volunteer"], h.volunteer(services, place["compound"].id, "李明")
    idle = h.volunteer(services, place["compound"].id, "王芳")
    h.shift(services, place, at(8), at(12), v)
    h.activity(services, place, at(14), at(16), {other: None})
    steps = []
    batch = services.records.issue_batch([v, other, idle], *YEAR, today=date(2026, 12, 1),
                                         progress=lambda done, total: steps.append((done, total)))
    assert [c.number for c in batch.certificates] == ["2026-0001", "2026-0002"] and batch.skipped == ("王芳",)
    assert steps[-1] == (2, 2)
    pdf = tmp_path / "batch.pdf"
    pdf.write_bytes(batch.pdf)
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert pages.count("志愿服务证明") >= 2 and "张洁" in pages and "李明" in pages and "王芳" not in pages
    assert len(services.records.certificates()) == 2
    with pytest.raises(ValidationError):
        services.records.issue_batch([idle], *YEAR)
    sign_in_as(services, "viewer")
    with pytest.raises(PermissionDenied):
        services.records.issue_batch([v], *YEAR)
