"""The 排班 week page driven from the keyboard: Enter puts a volunteer on the cell's shift
(through the picker), Delete takes them off, Ctrl+C / Ctrl+V copy a day onto another,
Alt+Right goes to the next week; the template and generate dialogs make the week's
shifts; a gap is coloured and iconed; a viewer cannot change anything."""

from __future__ import annotations

from datetime import time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from redband_desktop.services.rota.types import TemplateForm
from redband_desktop.ui.rota.generate_dialog import GenerateDialog
from redband_desktop.ui.rota.rota_page import RotaPage
from redband_desktop.ui.rota.template_dialog import TemplateDialog
from redband_desktop.ui.widgets.volunteer_picker import VolunteerPicker
from tests.ui.staff import sign_in_as
from tests.unit.rota_helpers import NEXT_MONDAY


def _auto(monkeypatch, cls, fill) -> None:  # noqa: ANN001
    """Run a dialog without showing it: fill it in, press OK, return its result."""
    def run(self) -> int:  # noqa: ANN001
        fill(self)
        self.accept()
        return self.result()
    monkeypatch.setattr(cls, "exec", run)


def _page(qtbot, services) -> RotaPage:  # noqa: ANN001
    page = RotaPage(services)
    qtbot.addWidget(page)
    page.resize(1180, 640)
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    page.go_to(NEXT_MONDAY)
    return page


def _cell(page: RotaPage, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def test_keyboard_assign_remove_copy_and_next_week(qtbot, services, place, monkeypatch) -> None:  # noqa: ANN001
    services.rota.create_template(TemplateForm(place["compound"].id, "patrol", time(22), time(2), needed=2))
    services.rota.generate(NEXT_MONDAY, NEXT_MONDAY + timedelta(days=13))
    page = _page(qtbot, services)
    assert _cell(page, 0, 0) == "22:00–02:00 Patrol 0/2"  # the tests' language is English
    index = page.model.index(0, 0)
    assert page.model.data(index, Qt.ItemDataRole.BackgroundRole) == QColor("#fdecea")
    assert page.model.data(index, Qt.ItemDataRole.DecorationRole) is not None  # the gap has its icon
    _auto(monkeypatch, VolunteerPicker, lambda d: d.search.setText("张洁"))
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert _cell(page, 0, 0).endswith("1/2") and "张洁" in page.model.data(index, Qt.ItemDataRole.ToolTipRole)
    qtbot.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Right)
    qtbot.keyClick(page.table, Qt.Key.Key_Right)
    qtbot.keyClick(page.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _cell(page, 0, 2).endswith("1/2")
    qtbot.keyClick(page.table, Qt.Key.Key_Right)  # Thursday: the next night starts as Wednesday's ends
    qtbot.keyClick(page.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _cell(page, 0, 3).endswith("1/2")
    qtbot.keyClick(page.table, Qt.Key.Key_Left)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert _cell(page, 0, 2).endswith("0/2") and _cell(page, 0, 3).endswith("1/2")
    qtbot.keyClick(page.table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.monday == NEXT_MONDAY + timedelta(days=7) and _cell(page, 0, 0).endswith("0/2")
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.copy_week_button.click()
    assert _cell(page, 0, 0).endswith("1/2") and _cell(page, 0, 3).endswith("1/2")
    assert "2" in page.notice.text()


def test_a_template_and_generating_make_the_week(qtbot, services, place, monkeypatch) -> None:  # noqa: ANN001
    page = _page(qtbot, services)
    assert page.model.rowCount() == 0

    def fill_template(d: TemplateDialog) -> None:
        d.places.set_place(place["compound"].id, None, None)
        d.duty.setCurrentIndex(d.duty.findData("daily_duty"))
        d.start.setTime(d.start.time().fromString("08:00", "HH:mm"))
        for box in d.days[5:]:
            box.setChecked(False)

    _auto(monkeypatch, TemplateDialog, fill_template)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    saved = services.rota.templates()[0]
    assert saved.form.end_time == time(12) and saved.form.weekdays == (0, 1, 2, 3, 4)  # 日常值守: 4 hours
    _auto(monkeypatch, GenerateDialog, lambda d: None)
    page.generate_button.click()
    assert [bool(_cell(page, 0, c)) for c in range(7)] == [True] * 5 + [False] * 2
    assert "08:00–12:00" in _cell(page, 0, 0) and page.notice.text().startswith("20 shifts made")  # four weeks


def test_a_viewer_sees_the_week_but_changes_nothing(qtbot, services, place, monkeypatch) -> None:  # noqa: ANN001
    services.rota.create_template(TemplateForm(place["compound"].id, "patrol", time(19), time(21)))
    services.rota.generate(NEXT_MONDAY, NEXT_MONDAY + timedelta(days=6))
    sign_in_as(services, "viewer")
    page = _page(qtbot, services)
    assert page.model.rowCount() == 1 and not page.assign_button.isEnabled()
    monkeypatch.setattr(VolunteerPicker, "exec", lambda self: (_ for _ in ()).throw(AssertionError("picker")))
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert _cell(page, 0, 0).endswith("0/1")


def test_the_picker_offers_the_shifts_own_site_first(qtbot, services, place) -> None:  # noqa: ANN001
    from tests.unit.rota_helpers import volunteer

    volunteer(services, place["far"].id, "张伟")
    names = []
    for site in (place["compound"].id, place["far"].id):
        picker = VolunteerPicker(services.roster, "t", None, site_first=site)
        qtbot.addWidget(picker)
        picker.search.setText("张")
        names.append([picker.candidates.item(i).text().split("　")[0] for i in range(picker.candidates.count())])
    assert names == [["张洁", "张伟"], ["张伟", "张洁"]]


def test_templates_are_listed_edited_and_retired(qtbot, services, place, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    from redband_desktop.ui.rota.templates_dialog import TemplatesDialog

    services.rota.create_template(TemplateForm(place["compound"].id, "patrol", time(19), time(21),
                                               weekdays=(0, 1, 2, 3, 4)))
    services.rota.generate(NEXT_MONDAY, NEXT_MONDAY + timedelta(days=6))
    dialog = TemplatesDialog(services, None)
    qtbot.addWidget(dialog)
    cells = [dialog.table.item(0, c).text() for c in range(5)]
    assert cells == ["金色家园", "Patrol", "Mon、Tue、Wed、Thu、Fri", "19:00–21:00", "1"]
    _auto(monkeypatch, TemplateDialog, lambda d: d.start.setTime(d.start.time().fromString("18:00", "HH:mm")))
    dialog.edit()
    assert dialog.table.item(0, 3).text() == "18:00–21:00"  # the end kept, the start moved
    assert dialog.notice.text().startswith("Future shifts nobody is on: 5 changed")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.retire()
    assert dialog.table.rowCount() == 0 and "5 removed" in dialog.notice.text()  # Mon–Fri of that week
    assert services.rota.week(NEXT_MONDAY).rows == ()


def test_skipped_days_are_added_and_removed(qtbot, services, place) -> None:  # noqa: ANN001
    from PySide6.QtCore import QDate

    from redband_desktop.ui.rota.skipped_dialog import SkippedDaysDialog

    services.rota.create_template(TemplateForm(place["compound"].id, "patrol", time(19), time(21)))
    services.rota.generate(NEXT_MONDAY, NEXT_MONDAY + timedelta(days=6))
    dialog = SkippedDaysDialog(services)
    qtbot.addWidget(dialog)
    dialog.day.setDate(QDate(NEXT_MONDAY))
    dialog.site.setCurrentIndex(dialog.site.findData(place["compound"].id))
    dialog.reason.setText("小区停水")  # QTest types Latin-1 only
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert [dialog.table.item(0, c).text() for c in range(3)] == [NEXT_MONDAY.isoformat(), "金色家园", "小区停水"]
    assert services.rota.week(NEXT_MONDAY).rows[0].days[0] == ()  # its open shift went
    dialog.table.selectRow(0)
    dialog.remove_button.click()
    assert dialog.table.rowCount() == 0 and services.rota.skipped(NEXT_MONDAY, NEXT_MONDAY) == []


def test_a_days_attendance_from_the_keyboard(qtbot, services, place, monkeypatch) -> None:  # noqa: ANN001
    from datetime import date

    from redband_desktop.ui.rota.attendance_dialog import AttendanceDialog
    from tests.unit.rota_helpers import shifts_on, volunteer

    yesterday = date.today() - timedelta(days=1)
    services.rota.create_template(TemplateForm(place["compound"].id, "patrol", time(22), time(2), needed=3))
    services.rota.generate(yesterday, yesterday)
    shift = shifts_on(services, yesterday)[0]
    people = [place["volunteer"]] + [volunteer(services, place["compound"].id, n) for n in ("王芳", "赵强")]
    stand_in = volunteer(services, place["compound"].id, "孙丽")
    for vid in people:
        services.rota.assign(shift.id, vid)
    dialog = AttendanceDialog(services, yesterday, None)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    assert dialog.table.rowCount() == 3 and dialog.table.item(0, 3).text() == "22:00"
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_P)  # 张洁 present, on to 王芳
    qtbot.keyClick(dialog.table, Qt.Key.Key_L)  # 王芳 late: she came at 22:40
    dialog.table.item(1, 3).setText("22:40")
    _auto(monkeypatch, VolunteerPicker, lambda d: d.search.setText("孙丽"))
    qtbot.keyClick(dialog.table, Qt.Key.Key_S)  # 赵强 swapped with 孙丽, who left at 01:30
    dialog.table.item(2, 4).setText("01:30")
    assert [dialog.table.item(r, 2).text() for r in range(3)] == ["Present", "Late", "Swapped"]
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.notice.text() == "1 shifts saved"
    rows = services.rota.attendance(shift.id).rows
    assert [(r.name, r.status, r.minutes) for r in rows] == [
        ("张洁", "present", 240), ("王芳", "late", 200), ("赵强", "swapped", 210)]
    hours = {h.volunteer_id: h.minutes for h in services.rota.hours(yesterday, yesterday).rows}
    assert hours == {place["volunteer"]: 240, people[1]: 200, stand_in: 210}
    dialog.table.item(0, 4).setText("1:3O")  # a slip of the keyboard is named, not taken as the shift's time
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "金色家园 22:00" in dialog.notice.text() and services.rota.attendance(shift.id).rows[0].minutes == 240


def test_print_and_export_save_the_week_shown(qtbot, services, place, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    """"Print rota…" saves the week as filtered as a PDF in the background and hands it to
    the print dialog; "Export to Excel…" saves the workbook."""
    import io

    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from redband_desktop.ui.rota import rota_page

    services.rota.create_template(TemplateForm(place["compound"].id, "patrol", time(8), time(10), needed=2))
    services.rota.create_template(TemplateForm(place["far"].id, "patrol", time(9), time(11), needed=1))
    services.rota.generate(NEXT_MONDAY, NEXT_MONDAY + timedelta(days=6))
    page = _page(qtbot, services)
    page.district.setCurrentIndex(page.district.findData(place["district"].id))
    asked: list[str] = []
    printed: list[tuple[bytes, str]] = []

    def save_as(_parent, _title, suggested, pattern):  # noqa: ANN001, ANN202
        asked.append(suggested)
        return str(tmp_path / ("rota" if "pdf" in pattern else "rota.xlsx")), pattern
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    monkeypatch.setattr(rota_page, "print_document",
                        lambda preview, _parent, title, _report: printed.append((preview.pdf, title)) or True)
    page.print_button.click()
    qtbot.waitUntil(lambda: bool(printed), timeout=20_000)
    pdf = tmp_path / "rota.pdf"
    assert pdf.read_bytes() == printed[0][0] and pdf.read_bytes().startswith(b"%PDF") and printed[0][1] == "rota"
    assert asked[0].endswith(f"排班表_{NEXT_MONDAY:%Y%m%d}.pdf") and page.print_button.isEnabled()
    page.excel_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "rota.xlsx").exists() and not page.busy, timeout=20_000)
    rows = list(load_workbook(io.BytesIO((tmp_path / "rota.xlsx").read_bytes())).active.iter_rows(values_only=True))
    assert rows[1][0] == "片区：金家河片区" and [r[0] for r in rows[3:] if r[0]][:1] == ["金色家园"]
    assert not any(r[0] == "滨江花园" for r in rows)  # the page's district filter applies
    assert str(tmp_path / "rota.xlsx") in page.notice.text()


def test_an_empty_week_says_how_shifts_come_about(qtbot, services, place) -> None:  # noqa: ANN001
    page = _page(qtbot, services)
    assert page.model.rowCount() == 0
    assert "New template…" in page.totals.text() and "Generate shifts…" in page.totals.text()
    services.rota.create_template(TemplateForm(place["compound"].id, "patrol", time(19), time(21)))
    services.rota.generate(NEXT_MONDAY, NEXT_MONDAY + timedelta(days=6))
    page.refresh()
    assert page.totals.text().startswith("1 places")


def test_a_template_gets_a_leader_through_the_picker(qtbot, services, place, monkeypatch) -> None:  # noqa: ANN001
    _auto(monkeypatch, VolunteerPicker, lambda d: d.search.setText("张洁"))
    dialog = TemplateDialog(services)
    qtbot.addWidget(dialog)
    dialog.places.set_place(place["compound"].id, None, None)
    assert not dialog.leader_clear.isEnabled()
    dialog.leader.click()
    assert dialog.leader.text() == "张洁" and dialog.leader_clear.isEnabled()
    dialog.accept()
    saved = services.rota.templates()[0]
    assert saved.leader == "张洁" and saved.form.leader_id is not None
    again = TemplateDialog(services, existing=saved)  # an edit shows the leader and can drop it
    qtbot.addWidget(again)
    assert again.leader.text() == "张洁"
    again.leader_clear.click()
    again.accept()
    assert services.rota.templates()[0].leader == ""
