"""How many days after a shift its attendance may still be recorded (rota.attendance_days_back):
set by an administrator in File → Station settings…, 0–60, a wrong number refused naming
the field with nothing saved, the change in the audit trail, and the rota follows it."""

from __future__ import annotations

import json
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from redband_desktop.db.models import AuditEntry
from redband_desktop.errors import PermissionDenied, ValidationError
from redband_desktop.services.rota.types import AttendanceForm
from redband_desktop.ui.admin.station_settings_dialog import StationSettingsDialog
from tests.ui.staff import sign_in_as
from tests.unit.rota_helpers import shifts_on, template

TODAY = date.today()


def _settings_entries(services) -> list[dict]:  # noqa: ANN001
    with services.db.read() as s:
        return [json.loads(e.changes) for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "settings")
                                                         .order_by(AuditEntry.id))]


def test_the_administrator_sets_the_days_and_the_rota_follows(qtbot, services, place) -> None:  # noqa: ANN001
    services.station.initialise("金家河派出所")
    services.rota.create_template(template(place["compound"].id, start_time=time(8), end_time=time(10),
                                           weekdays=tuple(range(7))))
    services.rota.generate(TODAY - timedelta(days=12), TODAY)
    old = shifts_on(services, TODAY - timedelta(days=10))[0]
    services.rota.assign(old.id, place["volunteer"])
    with pytest.raises(ValidationError) as caught:  # the default: a week
        services.rota.record_attendance(old.id, [AttendanceForm(place["volunteer"], "present")])
    assert caught.value.problems[0].code == "rota_too_late"

    dialog = StationSettingsDialog(services.station)
    qtbot.addWidget(dialog)
    box = dialog.days_back
    assert box.value() == 7 and (box.minimum(), box.maximum()) == (0, 60)
    box.setValue(14)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert services.station.settings().attendance_days_back == 14
    assert _settings_entries(services)[-1]["rota.attendance_days_back"] == [7, 14]
    assert services.rota.record_attendance(old.id, [AttendanceForm(place["volunteer"], "present")]).rows[0].minutes

    again = StationSettingsDialog(services.station)
    qtbot.addWidget(again)
    assert again.days_back.value() == 14
    again.accept()  # nothing changed: nothing in the trail
    assert len(_settings_entries(services)) == 1


@pytest.mark.parametrize("wrong", [61, -1, "七", 2.5])
def test_a_wrong_number_is_refused_naming_the_field(services, wrong) -> None:  # noqa: ANN001
    services.station.initialise("金家河派出所")
    with pytest.raises(ValidationError) as caught:
        services.station.update_station("新名字派出所", "JJH", "", wrong)
    assert [p.field for p in caught.value.problems] == ["attendance_days_back"]
    assert caught.value.problems[0].message().startswith("考勤补录天数：")
    assert caught.value.problems[0].message("en").startswith("Days to record attendance: ")
    settings = services.station.settings()
    assert (settings.name, settings.attendance_days_back) == ("金家河派出所", 7)  # nothing half-saved
    assert services.station.update_station("金家河派出所", "JJH", "", 0).attendance_days_back == 0
    assert services.station.update_station("金家河派出所", "JJH", "", 60).attendance_days_back == 60


@pytest.mark.parametrize("role", ["officer", "clerk", "leader"])
def test_only_administrators_change_it(services, place, role) -> None:  # noqa: ANN001
    services.station.initialise("金家河派出所")
    sign_in_as(services, role, place["district"].id if role == "officer" else None)
    with pytest.raises(PermissionDenied):
        services.station.update_station("金家河派出所", "JJH", "", 30)
    assert services.station.settings().attendance_days_back == 7
