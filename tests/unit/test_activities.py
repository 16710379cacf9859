"""Activities: field-level checks with nothing half-saved, type-specific fields, hours
(default the span, more than none, no more than the span), a volunteer never in two
activities at once, suspended and left volunteers refused, search with totals, export,
audit entries, rights and district scope, and the volunteer number every volunteer gets."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import func, select

from redband_desktop.db.models import AuditEntry
from redband_desktop.db.models.activities import ActivityParticipant, ActivityPhoto
from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.errors import ConflictError, PermissionDenied, ValidationError
from redband_desktop.services.activities.types import ActivityFilter, ActivityForm, Participant
from redband_desktop.services.incidents.types import IncidentForm
from redband_desktop.services.roster.types import VolunteerForm
from tests.ui.staff import sign_in_as

DAY = date(2026, 3, 8)


def volunteer(services, place, name: str, serial: int, joined: date = date(2022, 5, 1)) -> int:  # noqa: ANN001
    saved = services.roster.create(VolunteerForm(
        name=name, id_number=make_id_number("510104", date(1960, 1, 1) + timedelta(days=serial), serial),
        phone=f"138087{serial:05d}", background="resident", political_status="masses",
        site_id=place["compound"].id, joined_on=joined))
    return saved.volunteer.id


def form(place, **changes) -> ActivityForm:  # noqa: ANN001
    base = ActivityForm(activity_type="anti_fraud", day=DAY, start_time=time(9, 0), end_time=time(11, 30),
                        district_id=place["district"].id, site_id=place["compound"].id, location="小区广场",
                        theme="识破冒充客服退款", audience=120, leaflets=300,
                        participants=(Participant(place["volunteer"]),))
    return replace(base, **changes)


def problems(exc: ValidationError) -> dict[str, str]:
    return {p.field: p.code for p in exc.problems}


def count(services, model) -> int:  # noqa: ANN001
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def test_hours_default_to_the_span_and_are_checked(services, place) -> None:  # noqa: ANN001
    other = volunteer(services, place, "李明", 31)
    saved = services.activities.create(form(place, participants=(Participant(place["volunteer"]),
                                                                  Participant(other, 90))))
    assert [(p.name, p.minutes) for p in saved.participants] == [("张洁", 150), ("李明", 90)]
    assert saved.site_name == "金色家园" and saved.form.audience == 120
    for minutes, code in ((0, "activity_minutes_positive"), (-30, "activity_minutes_positive"),
                          (151, "activity_minutes_over_span")):
        with pytest.raises(ValidationError) as caught:
            services.activities.create(form(place, day=DAY - timedelta(days=1),
                                            participants=(Participant(other, minutes),)))
        assert problems(caught.value) == {"participants": code}
        assert "李明" in caught.value.problems[0].params["name"]
    with pytest.raises(ValidationError) as caught:
        services.activities.create(form(place, day=DAY - timedelta(days=2), participants=(
            Participant(other), Participant(other))))
    assert problems(caught.value) == {"participants": "activity_participant_twice"}
    assert count(services, ActivityParticipant) == 2  # nothing half-saved


def test_wrong_fields_are_named_together_and_nothing_is_saved(services, place) -> None:  # noqa: ANN001
    bad = form(place, activity_type="", end_time=time(8, 0), organiser_kind="unit_security", organiser="",
               site_id=place["far"].id, audience=-1)
    with pytest.raises(ValidationError) as caught:
        services.activities.create(bad)
    assert problems(caught.value) == {"activity_type": "required", "end_time": "activity_end_before_start",
                                      "organiser": "required", "site_id": "site_district_mismatch",
                                      "audience": "out_of_range"}
    with pytest.raises(ValidationError) as caught:
        services.activities.create(form(place, day=date.today() + timedelta(days=1)))
    assert problems(caught.value) == {"day": "date_in_future"}
    assert services.activities.search(ActivityFilter(), limit=0).total == 0


def test_each_type_records_only_its_own_figures(services, place) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as caught:
        services.activities.create(form(place, activity_type="fire_drill", households=30, subject="灭火器"))
    assert problems(caught.value) == {"audience": "activity_field_unexpected", "leaflets": "activity_field_unexpected",
                                      "households": "activity_field_unexpected",
                                      "subject": "activity_field_unexpected"}
    training = services.activities.create(form(place, activity_type="training", audience=None, leaflets=None,
                                                subject="盘查与警戒", counts_as_training=True))
    assert training.form.subject == "盘查与警戒" and training.form.counts_as_training
    visits = services.activities.create(form(place, activity_type="visits", audience=None, leaflets=None,
                                             households=42, needs_raised=5, day=DAY - timedelta(days=1)))
    assert (visits.form.households, visits.form.needs_raised) == (42, 5)


def test_real_cases_link_incidents_of_the_register(services, place) -> None:  # noqa: ANN001
    incident = services.incidents.create(IncidentForm(
        received_at=datetime(2026, 3, 1, 10), category="fraud",
        district_id=place["district"].id))
    with pytest.raises(ValidationError) as caught:
        services.activities.create(form(place, incident_ids=(9999,)))
    assert problems(caught.value) == {"incident_ids": "invalid_choice"}
    saved = services.activities.create(form(place, incident_ids=(incident.id,), cases_note="另用外区案例一起"))
    assert saved.incidents == ((incident.id, incident.number),)


def test_a_volunteer_is_never_in_two_activities_at_once(services, place) -> None:  # noqa: ANN001
    first = services.activities.create(form(place))
    with pytest.raises(ValidationError) as caught:
        services.activities.create(form(place, activity_type="meeting", audience=None, leaflets=None,
                                        start_time=time(11, 0), end_time=time(12, 0)))
    problem = caught.value.problems[0]
    assert (problem.field, problem.code) == ("participants", "activity_overlap")
    assert problem.params["name"] == "张洁" and problem.params["start"] == "09:00" and problem.params["type"] == "反诈宣传"
    # touching ends do not overlap; editing the activity itself never clashes with itself
    services.activities.create(form(place, start_time=time(11, 30), end_time=time(12, 0)))
    edited = services.activities.update(first.id, first.version, form(place, end_time=time(11, 0)))
    assert edited.participants[0].minutes == 120 and edited.version > first.version


def test_suspended_and_left_volunteers_are_refused(services, place) -> None:  # noqa: ANN001
    other = volunteer(services, place, "王芳", 32)
    saved = services.activities.create(form(place, participants=(Participant(place["volunteer"]),
                                                                  Participant(other))))
    v = services.roster.get(other)
    services.roster.change_status(other, v.version, "suspended", date.today(), "外出探亲")
    with pytest.raises(ValidationError) as caught:
        services.activities.create(form(place, day=DAY - timedelta(days=3), participants=(Participant(other),)))
    problem = caught.value.problems[0]
    assert (problem.code, problem.params["status"]) == ("activity_volunteer_inactive", "暂停")
    # one who took part before being suspended stays on the activity when it is edited
    edited = services.activities.update(saved.id, saved.version, replace(saved.form, theme="反诈进小区"))
    assert {p.name for p in edited.participants} == {"张洁", "王芳"}


def test_search_filters_and_totals(services, place) -> None:  # noqa: ANN001
    other = volunteer(services, place, "李明", 33)
    services.activities.create(form(place, participants=(Participant(place["volunteer"]), Participant(other, 60))))
    services.activities.create(form(place, activity_type="meeting", audience=None, leaflets=None, theme="楼栋长例会",
                                    day=DAY - timedelta(days=7), participants=(Participant(other),)))
    services.activities.create(form(place, district_id=place["other"].id, site_id=place["far"].id, audience=40,
                                    day=date(2025, 6, 1), participants=()))
    totals = services.activities.search(ActivityFilter(), limit=0).totals
    assert (totals.total, totals.people, totals.participations) == (3, 2, 3)
    assert totals.minutes == 150 + 60 + 150 and totals.audience == 160
    assert totals.by_type["anti_fraud"] == 2 and totals.by_type["meeting"] == 1
    assert services.activities.search(ActivityFilter(text="例会"), limit=0).total == 1
    assert services.activities.search(ActivityFilter(text="lm"), limit=0).total == 2  # a participant's initials
    assert services.activities.search(ActivityFilter(activity_type="meeting"), limit=0).total == 1
    assert services.activities.search(ActivityFilter(district_id=place["other"].id), limit=0).totals.audience == 40
    assert services.activities.search(ActivityFilter(site_id=place["compound"].id), limit=0).total == 2
    spring = services.activities.search(ActivityFilter(date_from=date(2026, 1, 1), date_to=DAY), limit=10)
    assert spring.total == 2 and [r.starts_at.date() for r in spring.first_page] == [DAY, DAY - timedelta(days=7)]
    assert spring.first_page[0].people == 2 and spring.first_page[0].minutes == 210
    by_people = services.activities.search(ActivityFilter(sort="people", descending=True), limit=10).first_page
    assert [r.people for r in by_people] == [2, 1, 0]
    assert [r.theme for r in services.activities.for_volunteer(other)] == ["识破冒充客服退款", "楼栋长例会"]


def test_export_lists_participants_with_numbers_and_is_audited(services, place) -> None:  # noqa: ANN001
    services.activities.create(form(place))
    exported = services.activities.export(ActivityFilter())
    rows = list(load_workbook(io.BytesIO(exported.data)).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("日期", "开始", "结束", "活动类型") and exported.rows == 1
    assert rows[1][3] == "反诈宣传" and rows[1][11] == 1 and rows[1][12] == 2.5
    assert re.search(r"张洁（JJH-ZY2021-\d{5}，2\.5）", rows[1][13]) and rows[1][14] == 120
    assert "13808712345" not in str(rows)


def test_edit_delete_photos_and_audit(services, place) -> None:  # noqa: ANN001
    saved = services.activities.create(form(place), photos=[png()])
    assert len(saved.photos) == 1 and services.activities.photo(saved.photos[0].id)[:2] == b"\xff\xd8"
    edited = services.activities.update(saved.id, saved.version, form(place, theme="反诈宣传进市场"), [png()],
                                        [saved.photos[0].id])
    assert len(edited.photos) == 1 and edited.photos[0].id != saved.photos[0].id
    with pytest.raises(ConflictError):
        services.activities.update(saved.id, saved.version, form(place))
    services.activities.delete(edited.id, edited.version)
    assert count(services, ActivityParticipant) == 0 and count(services, ActivityPhoto) == 0
    with services.db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "activity")
                                 .order_by(AuditEntry.id)))
    assert actions == ["create", "update", "delete"]


def test_officer_in_own_district_clerk_records_viewer_reads(services, place) -> None:  # noqa: ANN001
    saved = services.activities.create(form(place))
    sign_in_as(services, "officer", place["other"].id)
    with pytest.raises(PermissionDenied):
        services.activities.create(form(place, day=DAY - timedelta(days=1)))
    with pytest.raises(PermissionDenied):
        services.activities.update(saved.id, saved.version, form(place, district_id=place["other"].id, site_id=None))
    with pytest.raises(PermissionDenied):
        services.activities.delete(saved.id, saved.version)
    own = services.activities.create(form(place, district_id=place["other"].id, site_id=None,
                                          day=DAY - timedelta(days=1)))
    services.activities.delete(own.id, own.version)
    sign_in_as(services, "clerk")
    recorded = services.activities.create(form(place, day=DAY - timedelta(days=2)))
    with pytest.raises(PermissionDenied):
        services.activities.delete(recorded.id, recorded.version)
    sign_in_as(services, "viewer")
    with pytest.raises(PermissionDenied):
        services.activities.create(form(place, day=DAY - timedelta(days=3)))
    with pytest.raises(PermissionDenied):
        services.activities.export(ActivityFilter())
    assert services.activities.search(ActivityFilter(), limit=0).total == 2


def test_every_volunteer_gets_a_number_that_never_changes(services, place) -> None:  # noqa: ANN001
    first = services.roster.get(place["volunteer"])
    assert re.fullmatch(r"JJH-ZY2021-00001", first.volunteer_no)
    a = volunteer(services, place, "赵云", 34, joined=date(2021, 9, 1))
    b = volunteer(services, place, "钱程", 35, joined=date(2024, 1, 5))
    assert services.roster.get(a).volunteer_no == "JJH-ZY2021-00002"
    assert services.roster.get(b).volunteer_no == "JJH-ZY2024-00001"
    v = services.roster.get(a)
    same_id = make_id_number("510104", date(1960, 1, 1) + timedelta(days=34), 34)
    form_again = VolunteerForm(name="赵云", id_number=same_id, phone=v.phone, background="resident",
                               political_status="masses",
                               site_id=place["compound"].id, joined_on=date(2019, 1, 1))
    services.roster.update(a, v.version, form_again)
    assert services.roster.get(a).volunteer_no == "JJH-ZY2021-00002"  # editing never renumbers
