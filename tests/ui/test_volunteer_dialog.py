"""The volunteer add/edit dialog, the photo crop dialog and the status dialog, driven
through their real widgets against a fresh SQLite file.

Chinese text is set with setText (qtbot.keyClicks with non-ASCII text aborts the
process); ASCII input such as ID numbers and phones is typed key by key. Message boxes
are replaced by recorders so nothing blocks.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image
from PySide6.QtCore import QDate, QLocale, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QMessageBox, QPushButton

from redband_desktop.db.engine import Database, database_url
from redband_desktop.db.migrate import migrate
from redband_desktop.db.models import Building, MarketZone, Skill
from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.domain.photo import centre_crop_box
from redband_desktop.services import build_services
from redband_desktop.services.roster.types import RosterFilter, VolunteerForm
from redband_desktop.ui.roster.photo_crop_dialog import PhotoCropDialog
from redband_desktop.ui.roster.status_dialog import StatusDialog
from redband_desktop.ui.roster.volunteer_dialog import VolunteerDialog

VALID_ID = make_id_number("530112", date(1980, 5, 1), 12)  # 女, 云南省昆明市西山区
OTHER_ID = make_id_number("530111", date(1956, 10, 3), 17)  # 男
UNKNOWN_REGION_ID = make_id_number("530190", date(1975, 2, 9), 21)
BAD_CHECKSUM_ID = VALID_ID[:17] + ("0" if VALID_ID[17] != "0" else "1")

# The offscreen platform says this whenever a layout sets a window's minimum size; it is
# about the test platform, not the dialogs.


# -- fixtures ------------------------------------------------------------------------------
@pytest.fixture
def zh_locale():
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    QLocale.setDefault(old)


@pytest.fixture
def world(tmp_path, zh_locale, sign_in):
    """A migrated database with two districts, a compound, a market and some skills,
    with the administrator signed in."""
    url = database_url(tmp_path / "redband.db")
    migrate(url, None)
    db = Database(url)
    services = sign_in(build_services(db))
    one = services.structure.create_district("一片区")
    two = services.structure.create_district("二片区")
    compound = services.structure.create_site(one.id, "compound", "阳光小区")
    market = services.structure.create_site(two.id, "market", "金家河农贸市场")
    with db.write() as s:
        b3, b10 = Building(site_id=compound.id, label="3栋"), Building(site_id=compound.id, label="10栋")
        za = MarketZone(site_id=market.id, name="A区")
        s.add_all([b3, b10, za, Skill(name="急救"), Skill(name="调解")])
        s.flush()
        ids = SimpleNamespace(b3=b3.id, b10=b10.id, zone_a=za.id)
    yield SimpleNamespace(
        db=db, services=services, roster=services.roster, structure=services.structure,
        compound=compound, market=market, **vars(ids),
    )
    db.dispose()


@pytest.fixture
def boxes(monkeypatch):
    """Record message boxes instead of showing them."""
    shown: list[tuple[str, str]] = []

    def record(kind):
        def box(_parent, title, text, *args, **kwargs):
            shown.append((kind, f"{title}\n{text}"))
            return QMessageBox.StandardButton.Ok
        return box

    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QMessageBox, "information", record("information"))
    return shown


def open_dialog(qtbot, world, volunteer=None) -> VolunteerDialog:
    dialog = VolunteerDialog(world.roster, world.structure, volunteer)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def choose(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, f"{value!r} not offered in {combo.objectName()}"
    combo.setCurrentIndex(index)


def fill_valid(qtbot, dialog: VolunteerDialog, world) -> None:
    dialog.name.setText("张洁")
    qtbot.keyClicks(dialog.id_number, VALID_ID)
    qtbot.keyClicks(dialog.phone, "13812345678")
    choose(dialog.background, "resident")
    choose(dialog.place.site, world.compound.id)
    choose(dialog.place.building, world.b3)


def error_text(dialog, field: str) -> str:
    label = dialog.findChild(QLabel, f"{field}_error")
    assert label is not None, field
    return label.text() if label.isVisible() else ""


def count(world) -> int:
    return world.roster.search(RosterFilter(), limit=0).total


def saved_volunteer(world, name="王芳", id_number=OTHER_ID):
    return world.roster.create(VolunteerForm(
        name=name, id_number=id_number, phone="13900001111", background="party_member",
        site_id=world.compound.id, building_id=world.b10, joined_on=date(2021, 3, 1),
    )).volunteer


# -- adding --------------------------------------------------------------------------------
def test_add_valid_volunteer(qtbot, world, boxes):
    dialog = open_dialog(qtbot, world)
    fill_valid(qtbot, dialog, world)
    with qtbot.waitSignal(dialog.saved) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    v = signal.args[0].volunteer
    assert (v.name, v.gender.value, v.birth_date) == ("张洁", "F", date(1980, 5, 1))
    assert (v.site_id, v.building_id, v.place) == (world.compound.id, world.b3, "3栋")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert count(world) == 1
    assert world.roster.get(v.id).phone == "13812345678"
    assert boxes == []


def test_id_number_hint_and_autofill_while_typing(qtbot, world):
    dialog = open_dialog(qtbot, world)
    qtbot.keyClicks(dialog.id_number, VALID_ID[:10])
    assert "10" in dialog.id_hint.text() and error_text(dialog, "id_number") == ""
    qtbot.keyClicks(dialog.id_number, VALID_ID[10:])
    hint = dialog.id_hint.text().replace("\u2060", "")  # word joiners keep the place whole
    assert "1980-05-01" in hint and "女" in hint and "云南省昆明市西山区" in hint
    assert dialog.gender.currentData() == "F"
    assert dialog.birth_date.date() == QDate(1980, 5, 1)
    dialog.id_number.setText(UNKNOWN_REGION_ID)
    assert "未收录" in dialog.id_hint.text() and "#e65100" in dialog.id_hint.text()


def test_id_error_appears_only_after_leaving_the_field(qtbot, world):
    dialog = open_dialog(qtbot, world)
    qtbot.keyClicks(dialog.id_number, BAD_CHECKSUM_ID)
    assert error_text(dialog, "id_number") == ""
    dialog.id_number.editingFinished.emit()
    assert "校验码" in error_text(dialog, "id_number")


def test_bad_input_is_shown_under_each_field_and_nothing_saved(qtbot, world, boxes):
    dialog = open_dialog(qtbot, world)
    dialog.name.setText("张洁")
    qtbot.keyClicks(dialog.id_number, BAD_CHECKSUM_ID)
    qtbot.keyClicks(dialog.phone, "12345")
    choose(dialog.background, "resident")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "校验码" in error_text(dialog, "id_number")
    assert "有效" in error_text(dialog, "phone")
    assert "必填" in error_text(dialog, "site_id")
    assert error_text(dialog, "name") == ""
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.focusWidget() is dialog.id_number
    assert (dialog.name.text(), dialog.phone.text()) == ("张洁", "12345")
    assert count(world) == 0
    assert boxes == []


def test_fixing_the_errors_then_saving_works(qtbot, world, boxes):
    dialog = open_dialog(qtbot, world)
    dialog.name.setText("张洁")
    qtbot.keyClicks(dialog.phone, "12345")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "必填" in error_text(dialog, "id_number")
    assert "必填" in error_text(dialog, "background")
    dialog.phone.clear()
    fill_valid(qtbot, dialog, world)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert count(world) == 1


def test_duplicate_id_number_names_the_existing_volunteer(qtbot, world, boxes):
    existing = saved_volunteer(world, id_number=VALID_ID)
    dialog = open_dialog(qtbot, world)
    fill_valid(qtbot, dialog, world)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    message = error_text(dialog, "id_number")
    assert "王芳" in message and str(existing.id) in message
    assert count(world) == 1 and dialog.isVisible()


def test_saving_with_a_warning_tells_the_user(qtbot, world, boxes):
    dialog = open_dialog(qtbot, world)
    fill_valid(qtbot, dialog, world)
    dialog.id_number.setText(UNKNOWN_REGION_ID)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(boxes) == 1 and boxes[0][0] == "information" and "530190" in boxes[0][1]


def test_market_offers_zones_not_buildings(qtbot, world, boxes):
    dialog = open_dialog(qtbot, world)
    fill_valid(qtbot, dialog, world)
    assert dialog.place.building.isVisible() and not dialog.place.zone.isVisible()
    choose(dialog.place.district, None)
    choose(dialog.place.site, world.market.id)
    assert dialog.place.district.currentText() == "二片区"
    assert dialog.place.zone.isVisible() and not dialog.place.building.isVisible()
    choose(dialog.place.zone, world.zone_a)
    with qtbot.waitSignal(dialog.saved) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    v = signal.args[0].volunteer
    assert (v.site_id, v.building_id, v.zone_id) == (world.market.id, None, world.zone_a)


def test_district_filters_the_sites(qtbot, world):
    dialog = open_dialog(qtbot, world)
    choose(dialog.place.district, world.market.district_id)
    sites = [dialog.place.site.itemData(i) for i in range(dialog.place.site.count())]
    assert sites == [world.market.id]


def test_ctrl_s_saves(qtbot, world, boxes):
    dialog = open_dialog(qtbot, world)
    fill_valid(qtbot, dialog, world)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert count(world) == 1


def test_tab_order_follows_the_layout(qtbot, world):
    expected = ["name", "id_number", "gender", "birth_date", "phone", "address",
                "political_status", "background", "district", "site", "joined_on", "wechat",
                "emergency_name", "emergency_phone", "skills", "notes", "choose_photo", "save"]
    dialog = open_dialog(qtbot, world)
    seen, widget = [], dialog.name
    for _ in range(300):
        if widget.objectName() in expected and widget.objectName() not in seen:
            seen.append(widget.objectName())
        widget = widget.nextInFocusChain()
    assert seen == expected


# -- editing -------------------------------------------------------------------------------
def test_edit_keeps_values_and_bumps_version(qtbot, world, boxes):
    v = saved_volunteer(world)
    dialog = open_dialog(qtbot, world, world.roster.get(v.id))
    masked = OTHER_ID[:6] + "*" * 8 + OTHER_ID[-4:]
    assert dialog.name.text() == "王芳" and dialog.id_number.text() == masked
    assert dialog.form().id_number is None  # unchanged masked number: keep the stored one
    assert dialog.place.site_id() == world.compound.id
    assert dialog.place.building_id() == world.b10
    assert dialog.background.currentData() == "party_member"
    assert dialog.history.rowCount() == 1
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "0871-68123456")
    with qtbot.waitSignal(dialog.saved) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = signal.args[0].volunteer
    assert saved.version == v.version + 1
    assert (saved.phone, saved.building_id, saved.joined_on) == ("0871-68123456", world.b10,
                                                                 date(2021, 3, 1))
    assert world.roster.reveal(v.id, "id_number", "核实身份") == OTHER_ID


def test_show_button_reveals_the_id_number_and_records_why(qtbot, world, boxes):
    v = saved_volunteer(world)
    dialog = open_dialog(qtbot, world, world.roster.get(v.id))
    assert "*" in dialog.id_number.text() and dialog.reveal_id.isVisibleTo(dialog)
    dialog.reveal_id.reveal("核实身份")
    assert dialog.id_number.text() == OTHER_ID and not dialog.reveal_id.isVisibleTo(dialog)
    from redband_desktop.services.audit.types import AuditFilter

    entries = world.services.audit.page(AuditFilter(action="reveal"), 0, 10)
    assert entries[0].entity_id == str(v.id) and "核实身份" in entries[0].summary


def test_stale_edit_shows_conflict_and_stays_open(qtbot, world, boxes):
    v = saved_volunteer(world)
    dialog = open_dialog(qtbot, world, world.roster.get(v.id))
    world.roster.change_status(v.id, v.version, "suspended", date.today(), "身体原因")
    dialog.address.setText("西山区金家河路 1 号")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(boxes) == 1 and "已被 admin 于" in boxes[0][1] and "状态" in boxes[0][1]
    assert dialog.isVisible() and dialog.address.text() == "西山区金家河路 1 号"
    assert world.roster.get(v.id).address == ""


# -- photos --------------------------------------------------------------------------------
def make_image(path: Path, size: tuple[int, int]) -> str:
    Image.new("RGB", size, (200, 120, 80)).save(path, "JPEG")
    return str(path)


def test_chosen_photo_is_saved(qtbot, world, boxes, monkeypatch, tmp_path):
    path = make_image(tmp_path / "face.jpg", (600, 900))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (path, ""))
    monkeypatch.setattr(PhotoCropDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    dialog = open_dialog(qtbot, world)
    fill_valid(qtbot, dialog, world)
    qtbot.mouseClick(dialog.photo.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.photo.photo_crop == centre_crop_box(600, 900)
    assert not dialog.photo.picture.pixmap().isNull()
    with qtbot.waitSignal(dialog.saved) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    v = signal.args[0].volunteer
    assert v.has_photo
    assert Image.open(io.BytesIO(world.roster.photo(v.id))).size == (300, 400)


def test_removing_a_stored_photo(qtbot, world, boxes, monkeypatch, tmp_path):
    data = Path(make_image(tmp_path / "face.jpg", (600, 800))).read_bytes()
    v = world.roster.create(VolunteerForm(
        name="李明", id_number=OTHER_ID, phone="13900001111", background="resident",
        site_id=world.compound.id, joined_on=date(2022, 1, 1), photo=data,
    )).volunteer
    dialog = open_dialog(qtbot, world, world.roster.get(v.id))
    assert not dialog.photo.picture.pixmap().isNull()
    qtbot.mouseClick(dialog.photo.remove_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not signal.args[0].volunteer.has_photo


def test_too_small_photo_is_refused_before_cropping(qtbot, world, boxes, monkeypatch, tmp_path):
    path = make_image(tmp_path / "tiny.jpg", (100, 100))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (path, ""))
    opened = []
    monkeypatch.setattr(PhotoCropDialog, "exec", lambda self: opened.append(self) or 0)
    dialog = open_dialog(qtbot, world)
    qtbot.mouseClick(dialog.photo.choose_button, Qt.MouseButton.LeftButton)
    assert opened == [] and dialog.photo.photo_bytes is None
    assert len(boxes) == 1 and "100×100" in boxes[0][1] and "120×160" in boxes[0][1]


def test_crop_frame_moves_and_resizes_keeping_3_to_4(qtbot, tmp_path):
    path = make_image(tmp_path / "wide.jpg", (1200, 900))
    crop = PhotoCropDialog.from_file(path)
    qtbot.addWidget(crop)
    with qtbot.waitExposed(crop):
        crop.show()
    start = crop.crop_box()
    assert start == centre_crop_box(1200, 900)
    qtbot.keyClick(crop.view, Qt.Key.Key_Minus)
    left, top, right, bottom = crop.crop_box()
    assert right - left < start[2] - start[0] and abs((bottom - top) * 3 - (right - left) * 4) <= 4
    view = crop.view
    frame_centre = view._to_view(view._box).center()
    for kind, pos, buttons in (
        (QMouseEvent.Type.MouseButtonPress, frame_centre, Qt.MouseButton.LeftButton),
        (QMouseEvent.Type.MouseMove, frame_centre + QPointF(-400, 0), Qt.MouseButton.LeftButton),
        (QMouseEvent.Type.MouseButtonRelease, frame_centre + QPointF(-400, 0),
         Qt.MouseButton.NoButton),
    ):
        QApplication.sendEvent(view, QMouseEvent(
            kind, pos, view.mapToGlobal(pos), Qt.MouseButton.LeftButton, buttons,
            Qt.KeyboardModifier.NoModifier))
    moved = crop.crop_box()
    assert moved[0] == 0 and moved[1] == top  # dragged to the left edge, not beyond


# -- status --------------------------------------------------------------------------------
def open_status(qtbot, world, volunteer) -> StatusDialog:
    dialog = StatusDialog(world.roster, volunteer)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def test_status_dialog_offers_only_other_statuses(qtbot, world):
    v = saved_volunteer(world)
    dialog = open_status(qtbot, world, v)
    offered = [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert offered == ["suspended", "left"]
    assert dialog.date.date() == QDate.currentDate()
    assert dialog.date.maximumDate() == QDate.currentDate()


def test_leaving_with_a_reason_adds_history(qtbot, world, boxes):
    v = saved_volunteer(world)
    dialog = open_status(qtbot, world, v)
    choose(dialog.status, "left")
    dialog.reason.setCurrentText("搬离辖区")
    with qtbot.waitSignal(dialog.changed) as signal:
        qtbot.mouseClick(dialog.findChild(QPushButton, "save"), Qt.MouseButton.LeftButton)
    updated = signal.args[0]
    assert updated.status is VolunteerStatus.LEFT
    assert len(world.roster.get(v.id).history) == 2
    assert world.roster.get(v.id).history[-1].reason == "搬离辖区"


def test_missing_reason_is_shown_under_reason(qtbot, world, boxes):
    v = saved_volunteer(world)
    dialog = open_status(qtbot, world, v)
    choose(dialog.status, "left")
    qtbot.mouseClick(dialog.findChild(QPushButton, "save"), Qt.MouseButton.LeftButton)
    assert "请填写原因" in error_text(dialog, "reason")
    assert dialog.isVisible() and len(world.roster.get(v.id).history) == 1
    assert boxes == []


def test_edit_dialog_lists_status_history(qtbot, world):
    v = saved_volunteer(world)
    world.roster.change_status(v.id, v.version, "suspended", date.today(), "身体原因")
    dialog = open_dialog(qtbot, world, world.roster.get(v.id))
    assert dialog.history.rowCount() == 2
    assert dialog.history.item(0, 2).text() == "身体原因"  # newest first
    assert "暂停" in dialog.history.item(0, 1).text()
