"""The patrol log of a shift: written once it has begun, by someone who served on it (a
recorded stand-in too), linked to a clue report that exists; wrong fields named; rights
in the shift's district; audited."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from redband_desktop.db.models import AuditEntry
from redband_desktop.errors import PermissionDenied, ValidationError
from redband_desktop.services.clues.types import ClueForm
from redband_desktop.services.rota.types import AttendanceForm, PatrolLogForm
from tests.ui.staff import sign_in_as
from tests.unit.rota_helpers import shifts_on, template, volunteer

YESTERDAY = date.today() - timedelta(days=1)


@pytest.fixture
def patrol(services, place) -> dict:  # noqa: ANN001
    services.rota.create_template(template(place["compound"].id, start_time=time(19), end_time=time(21),
                                           weekdays=tuple(range(7))))
    services.rota.generate(YESTERDAY, YESTERDAY + timedelta(days=2))
    shift = shifts_on(services, YESTERDAY)[0]
    services.rota.assign(shift.id, place["volunteer"])
    clue = services.clues.create(ClueForm(
        reporter_id=place["volunteer"], reported_at=datetime.combine(YESTERDAY, time(20, 10)),
        district_id=place["district"].id, site_id=place["compound"].id, clue_type="suspicious_person",
        content="两名陌生男子反复查看电动车充电桩"))
    return {"shift": shift, "clue": clue}


def test_a_log_entry_links_the_clue_raised_on_the_shift(services, place, patrol) -> None:  # noqa: ANN001
    logs = services.rota.add_patrol_log(patrol["shift"].id, PatrolLogForm(
        route="东门—3栋—地下车库", note="车库充电桩旁有两名陌生男子", volunteer_id=place["volunteer"],
        clue_id=patrol["clue"].id))
    assert [(r.volunteer, r.route, r.clue_number) for r in logs] == [
        ("张洁", "东门—3栋—地下车库", patrol["clue"].number)]
    assert services.rota.patrol_logs(patrol["shift"].id) == logs
    with services.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "rota.patrol_log")).one()
    assert entry.entity_id == str(patrol["shift"].id) and json.loads(entry.changes)["clue_id"] == [
        None, patrol["clue"].id]


def test_wrong_entries_and_a_shift_not_begun_are_refused(services, place, patrol) -> None:  # noqa: ANN001
    outsider = volunteer(services, place["compound"].id, "王芳")
    with pytest.raises(ValidationError) as caught:
        services.rota.add_patrol_log(patrol["shift"].id, PatrolLogForm(
            volunteer_id=outsider, clue_id=999, incident_id=998))
    assert [(p.field, p.code) for p in caught.value.problems] == [
        ("note", "required"), ("volunteer_id", "rota_not_assigned"), ("clue_id", "invalid_choice"),
        ("incident_id", "invalid_choice")]
    services.rota.record_attendance(patrol["shift"].id, [
        AttendanceForm(place["volunteer"], "swapped", swapped_with_id=outsider)])
    assert services.rota.add_patrol_log(patrol["shift"].id, PatrolLogForm(
        note="巡逻正常", volunteer_id=outsider))[0].volunteer == "王芳"  # the recorded stand-in
    tomorrow = shifts_on(services, YESTERDAY + timedelta(days=2))[0]
    with pytest.raises(ValidationError) as caught:
        services.rota.add_patrol_log(tomorrow.id, PatrolLogForm(note="还没开始"))
    assert caught.value.problems[0].code == "rota_not_started"


def test_rights_follow_the_shifts_district(services, place, patrol) -> None:  # noqa: ANN001
    for role, district in (("viewer", None), ("officer", place["other"].id)):
        sign_in_as(services, role, district)
        with pytest.raises(PermissionDenied):
            services.rota.add_patrol_log(patrol["shift"].id, PatrolLogForm(note="巡逻正常"))
    sign_in_as(services, "officer", place["district"].id)
    assert len(services.rota.add_patrol_log(patrol["shift"].id, PatrolLogForm(note="巡逻正常"))) == 1
