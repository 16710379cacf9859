"""The activities page on the demo station, driven by the keyboard: Ctrl+N opens the form,
a participant is added with the volunteer picker, hours beyond the span and an unknown
incident number are shown under their fields and then fixed, the type's own fields
appear with it; the list's totals, Ctrl+F, Esc and Enter, deleting and exporting; a
viewer only reads."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt, QTime

from redband_desktop.services.activities.types import ActivityFilter, ActivityForm, Participant
from redband_desktop.services.incidents.types import IncidentFilter
from redband_desktop.services.roster.types import RosterFilter
from redband_desktop.ui.activities.activities_page import ActivitiesPage
from redband_desktop.ui.activities.activity_dialog import ActivityDialog
from redband_desktop.ui.widgets.volunteer_picker import VolunteerPicker
from tests.ui.staff import sign_in_as

YESTERDAY = date.today() - timedelta(days=1)


@pytest.fixture
def demo_services(demo_services):  # noqa: ANN001, ANN201 - the demo, its activity register emptied
    """These tests record on an empty register: the demo's two years of activities go."""
    from sqlalchemy import delete

    from redband_desktop.db.models import (
        Activity,
        ActivityIncident,
        ActivityParticipant,
        ActivityPhoto,
    )

    with demo_services.db.write() as s:
        for model in (ActivityPhoto, ActivityIncident, ActivityParticipant, Activity):
            s.execute(delete(model))
    return demo_services


def _page(qtbot, services) -> ActivitiesPage:  # noqa: ANN001
    page = ActivitiesPage(services)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitActive(page):  # the page's shortcuts work in the active window
        page.activateWindow()
    return page


def _pick(monkeypatch, name: str) -> None:  # noqa: ANN001
    """The picker types the name and takes the first match (as Enter does)."""
    def run(self) -> int:  # noqa: ANN001
        self.search.setText(name)
        self.accept()
        return self.result()

    monkeypatch.setattr(VolunteerPicker, "exec", run)


def test_record_an_activity_with_the_keyboard(qtbot, demo_services, monkeypatch) -> None:  # noqa: ANN001
    page = _page(qtbot, demo_services)
    assert page.model.rowCount() == 0 and page.count.text().startswith("0 ")
    someone = demo_services.roster.search(RosterFilter(status="active"), 1).first_page[0]
    fraud = demo_services.incidents.search(IncidentFilter(category="fraud"), 1).first_page[0]
    opened: list[str] = []
    monkeypatch.setattr(ActivityDialog, "exec", lambda self: opened.append(self.windowTitle()) or 0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1
    dialog = ActivityDialog(demo_services, None, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activity_type.setCurrentIndex(dialog.activity_type.findData("visits"))
    assert dialog.counts["households"].isVisible() and not dialog.counts["audience"].isVisible()
    dialog.activity_type.setCurrentIndex(dialog.activity_type.findData("anti_fraud"))
    assert dialog.counts["audience"].isVisible() and not dialog.subject.isVisible()
    dialog.theme.setText("识破冒充客服退款")  # QTest types Latin keys only
    dialog.day.setDate(QDate(YESTERDAY))
    dialog.start_time.setTime(QTime(9, 0))
    dialog.end_time.setTime(QTime(11, 0))
    district_id = demo_services.roster.get(someone.id).district_id
    dialog.places.district.setCurrentIndex(dialog.places.district.findData(district_id))
    qtbot.keyClicks(dialog.counts["audience"], "120")
    qtbot.keyClicks(dialog.incident_numbers, f"{fraud.number} JJH-1999-000001")
    _pick(monkeypatch, someone.name)
    dialog.participants.add_button.setFocus()
    qtbot.keyClick(dialog.participants.add_button, Qt.Key.Key_Space)
    assert dialog.participants.names() == [someone.name]
    hours = dialog.participants.table.cellWidget(0, 2)
    hours.setValue(3.0)  # more than the two hours of the activity
    dialog.accept()
    assert dialog.saved is None and "JJH-1999-000001" in dialog.errors.text("incident_ids")
    dialog.incident_numbers.setText(fraud.number)
    dialog.accept()
    assert dialog.saved is None and someone.name in dialog.errors.text("participants")
    hours.setValue(1.5)
    dialog.accept()
    saved = dialog.saved
    assert saved is not None and saved.incidents == ((fraud.id, fraud.number),)
    assert [(p.name, p.minutes) for p in saved.participants] == [(someone.name, 90)]
    assert page.model.rowCount() == 1 and page.model.row_at(0).theme == "识破冒充客服退款"
    assert "1.5" in page.count.text() and "120" in page.count.text()


def test_keys_totals_delete_and_export(qtbot, demo_services, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    people = demo_services.roster.search(RosterFilter(status="active"), 2).first_page
    tree = demo_services.sites.tree()
    for n, kind in enumerate(("fire_drill", "meeting")):
        demo_services.activities.create(ActivityForm(
            activity_type=kind, day=YESTERDAY - timedelta(days=n), start_time=time(14, 0), end_time=time(16, 0),
            district_id=tree[0].id, theme=f"第{n + 1}次", participants=tuple(Participant(p.id) for p in people)))
    assert people[0].name and demo_services.roster.get(people[0].id).volunteer_no
    page = _page(qtbot, demo_services)
    assert page.model.rowCount() == 2 and "8" in page.count.text()  # 2 activities × 2 people × 2 hours
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    page.search.setText("第2次")
    assert page.model.rowCount() == 1
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == "" and page.model.rowCount() == 2
    page.activity_type.setCurrentIndex(page.activity_type.findData("meeting"))
    assert page.model.rowCount() == 1 and page.model.row_at(0).activity_type == "meeting"
    page.activity_type.setCurrentIndex(0)
    opened: list = []
    monkeypatch.setattr(ActivityDialog, "exec", lambda self: opened.append(self._existing) or 0)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened and opened[0].form.theme == "第1次"
    page.export(str(tmp_path / "activities.xlsx"))
    rows = list(load_workbook(tmp_path / "activities.xlsx").active.iter_rows(values_only=True))
    assert len(rows) == 3 and rows[1][3] in ("消防安全演练", "社区会议") and "2" in page.export_note.text()
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.question", lambda *a, **k: 0x00004000)  # Yes
    page.delete_button.click()
    assert demo_services.activities.search(ActivityFilter(), limit=0).total == 1 and page.model.rowCount() == 1


def test_a_viewer_only_reads(qtbot, demo_services) -> None:  # noqa: ANN001
    sign_in_as(demo_services, "viewer")
    page = _page(qtbot, demo_services)
    assert not page.new_button.isEnabled() and not page.export_button.isEnabled()
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
