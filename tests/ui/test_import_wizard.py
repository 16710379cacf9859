"""File → Import… driven as a clerk would: pick a messy sheet, check and correct the
columns (and save them for next time), decide about unknown places, read the preview
(row numbers, fields and reasons in Chinese), save the error report, import or cancel."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from import_sheets import person, workbook, write
from openpyxl import load_workbook
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QPushButton, QWizard

from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.roster.types import RosterFilter
from redband_desktop.ui.i18n import install_language
from redband_desktop.ui.importing.import_wizard import COLUMNS, FILE, PLACES, PREVIEW, ImportWizard


@pytest.fixture
def chinese(qapp):  # noqa: ANN001, ANN201
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translators = install_language(qapp, "zh_CN")
    QSettings().remove("import")
    yield
    for t in translators:
        qapp.removeTranslator(t)
    install_language(qapp, "en")
    QSettings().remove("import")


def messy_rows() -> list[list]:
    return [
        [1, "张 三", person(1), "138 0871 2345", "金家河片区", "金色家园", "", "2021.6.1", "退休干部"],
        [2, "李四", 5.30102e17, "+86-13808712346", "金家河片区", "金色家园", "", 44348, "老党员"],
        [None] * 9,
        [3, "王五", person(3), "13808712347", "金家河片区", "新小区", "1栋", "2021年6月1日", "热心居民"],
        [4, "张三", person(1), "13808712345", "金家河片区", "金色家园", "", "2021-06-01", "退休干部"],
        [5, "赵六", person(5), "12345", "金家河片区", "金色家园", "", "2021/13/1", "路人"],
    ]


def open_wizard(qtbot, services, path: Path) -> ImportWizard:  # noqa: ANN001
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.browse(str(path))
    return wizard


def go_next(qtbot, wizard: ImportWizard, to: int) -> None:  # noqa: ANN001
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == to and wizard.job is None, timeout=20_000)


def test_mapping_step_shows_the_first_rows_and_is_corrected_and_saved(qtbot, services, place, chinese,
                                                                      tmp_path) -> None:  # noqa: ANN001
    path = write(tmp_path / "花名册.xlsx", workbook(messy_rows()))
    wizard = open_wizard(qtbot, services, path)
    assert wizard.file_page.sheet.currentText() == "花名册"
    go_next(qtbot, wizard, COLUMNS)
    page = wizard.mapping_page
    assert page.header_row.value() == 2  # the merged title row above is skipped
    assert page.combos["name"].currentText() == "姓名"
    assert page.combos["id_number"].currentText() == "身份证号码（必填）"
    assert page.combos["phone"].currentText() == "手机"
    assert page.sample.item(0, 1).text() == "张 三" and page.sample.rowCount() == 6
    # the clerk says the sheet has no usable name column: the step refuses to go on
    page.combos["name"].setCurrentIndex(page.combos["name"].findData(-1))
    wizard.next()
    assert wizard.currentId() == COLUMNS
    assert page.error.isVisible() and "姓名" in page.error.text() and "列对应" in page.error.text()
    # corrected back, phone left out, and saved for next time
    page.combos["name"].setCurrentIndex(page.combos["name"].findText("姓名"))
    page.combos["phone"].setCurrentIndex(page.combos["phone"].findData(-1))
    saved = tmp_path / "对应.json"
    wizard.save_mapping(str(saved))
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["columns"]["name"] == "姓名" and "phone" not in data["columns"] and data["kind"] == "roster"
    assert "对应.json" in page.note.text()
    # the next sheet with the same headers opens with the saved mapping
    again = open_wizard(qtbot, services, path)
    go_next(qtbot, again, COLUMNS)
    assert again.mapping_page.combos["phone"].currentData() == -1
    assert again.mapping_page.combos["name"].currentText() == "姓名"


def test_a_file_that_is_no_sheet_is_said_on_the_first_step(qtbot, services, chinese, tmp_path) -> None:  # noqa: ANN001
    bad = tmp_path / "名单.xlsx"
    bad.write_bytes(b"not a workbook at all")
    wizard = open_wizard(qtbot, services, bad)
    assert wizard.file_page.error.isVisible() and wizard.file_page.error.text()
    wizard.next()
    assert wizard.currentId() == FILE


def test_places_step_then_preview_then_import_in_one_go(qtbot, services, place, chinese, tmp_path) -> None:  # noqa: ANN001
    path = write(tmp_path / "花名册.xlsx", workbook(messy_rows()))
    wizard = open_wizard(qtbot, services, path)
    go_next(qtbot, wizard, COLUMNS)
    go_next(qtbot, wizard, PLACES)
    places = wizard.places_page
    listed = {(places.table.item(r, 0).text(), places.table.item(r, 1).text()) for r in range(places.table.rowCount())}
    assert listed == {("场所", "新小区"), ("楼栋/市场片区", "1栋")}
    site_row = next(r for r in range(places.table.rowCount()) if places.table.item(r, 1).text() == "新小区")
    choice = places.table.cellWidget(site_row, 4)
    assert choice.currentText().startswith("新建") and "小区" in choice.currentText()
    go_next(qtbot, wizard, PREVIEW)
    preview = wizard.preview_page
    rows = {preview.table.item(r, 0).text(): (preview.table.item(r, 1).text(), preview.table.item(r, 3).text())
            for r in range(preview.table.rowCount())}
    assert rows["3"][0] == "新增"
    assert rows["4"] == ("无效", "身份证号：表格把身份证号存成了数字，末位或 X 已丢失，请把该列设为文本后重新导出")
    assert rows["6"][0] == "新增"  # 新小区 1栋, created on Import
    assert rows["7"][0] == "表内重复" and "第 3 行" in rows["7"][1]
    assert "手机号" in rows["8"][1] and "加入" in rows["8"][1]
    assert "将写入 2 行" in preview.counts.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    before = services.roster.search(RosterFilter(), limit=0).total
    wizard.button(QWizard.WizardButton.FinishButton).click()  # Import
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    assert not wizard.isVisible()
    assert services.roster.search(RosterFilter(), limit=0).total == before + 2
    assert any(s.name == "新小区" for s in services.structure.sites())
    assert "新增 2 人" in wizard.summary()
    entry = services.audit.page(AuditFilter(action="import"), 0, 1)[0]
    assert "花名册.xlsx" in entry.summary and "新增 2 人" in entry.summary


def test_preview_shows_what_an_update_changes_and_saves_the_error_report(qtbot, services, place, chinese,
                                                                         tmp_path) -> None:  # noqa: ANN001
    known = services.roster.get(place["volunteer"])
    number = make_id_number("510104", date(1988, 3, 8), 24)  # the place fixture's volunteer, unmasked
    rows = [[1, known.name, number, "13908712300", "金家河片区", "金色家园", "", "2021-07-01", "热心居民"],
            *messy_rows()]
    path = write(tmp_path / "更新.xlsx", workbook(rows))
    wizard = open_wizard(qtbot, services, path)
    go_next(qtbot, wizard, COLUMNS)
    wizard.mapping_page.combos["building"].setCurrentIndex(0)  # not in the sheet: no unknown buildings
    go_next(qtbot, wizard, PLACES)
    go_next(qtbot, wizard, PREVIEW)
    page = wizard.preview_page
    first = [page.table.item(0, c).text() for c in range(4)]
    assert first[:2] == ["3", "更新"], first
    assert "手机号" in first[3] and "13908712300" in first[3]
    page.only_problems.setChecked(True)
    shown = {page.table.item(r, 1).text() for r in range(page.table.rowCount())}
    assert shown <= {"无效", "表内重复"} and page.table.rowCount() >= 3
    report = tmp_path / "问题"
    wizard.save_report(str(report))
    book = load_workbook(io.BytesIO(Path(f"{report}.xlsx").read_bytes()))
    sheet = book.active
    headers = [c.value for c in sheet[1]]
    assert headers[1] == "姓名" and headers[-2] == "原行号" and headers[-1].startswith("问题")
    numbers = [r[-2] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert numbers == [5, 8, 9]  # damaged ID number, the duplicate, the wrong phone: by sheet row
    assert "问题.xlsx" in page.note.text()
    assert services.roster.get(place["volunteer"]).phone == known.phone  # nothing written


def test_cancel_while_importing_writes_nothing_and_stays_open(qtbot, services, place, chinese, tmp_path) -> None:  # noqa: ANN001
    from datetime import date

    from redband_desktop.domain.idnumber import make_id_number

    given = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨"
    rows = [[i, "志愿者" + given[i % 16] + given[i // 16 % 16] + given[i // 256], make_id_number("530112", date(1960 + i % 30, 1 + i % 12, 1 + i % 28), i),
             f"1380871{i:04d}", "金家河片区", "金色家园", "", "2021-06-01", "热心居民"] for i in range(1, 801)]
    path = write(tmp_path / "大表.xlsx", workbook(rows))
    wizard = open_wizard(qtbot, services, path)
    go_next(qtbot, wizard, COLUMNS)
    go_next(qtbot, wizard, PLACES)
    go_next(qtbot, wizard, PREVIEW)
    before = services.roster.search(RosterFilter(), limit=0).total
    assert "将写入 800 行" in wizard.preview_page.counts.text(), wizard.preview_page.counts.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()  # Import, then the clerk's Cancel at once
    wizard.job.findChild(QPushButton).click()  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: wizard.job is None, timeout=20_000)
    assert wizard.result is None and wizard.isVisible() and wizard.currentId() == PREVIEW
    assert "已取消" in wizard.preview_page.error.text()
    assert services.roster.search(RosterFilter(), limit=0).total == before
    wizard.button(QWizard.WizardButton.FinishButton).click()  # and it can still be imported after all
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30_000)
    assert services.roster.search(RosterFilter(), limit=0).total == before + 800


def test_heads_sheet_through_the_wizard(qtbot, services, place, chinese, tmp_path) -> None:  # noqa: ANN001
    from openpyxl import Workbook

    known = services.roster.get(place["volunteer"])
    number = make_id_number("510104", date(1988, 3, 8), 24)
    book = Workbook()
    book.active.append(["小区", "楼栋", "楼栋长", "身份证号", "任职日期"])
    book.active.append(["金色家园", "9栋", known.name, number, "2024-03-01"])
    buffer = io.BytesIO()
    book.save(buffer)
    path = write(tmp_path / "楼栋长.xlsx", buffer.getvalue())
    wizard = open_wizard(qtbot, services, path)
    wizard.file_page.kind.setCurrentIndex(1)
    go_next(qtbot, wizard, COLUMNS)
    assert not wizard.mapping_page.background.parent().isVisible()
    go_next(qtbot, wizard, PLACES)
    assert wizard.places_page.table.item(0, 1).text() == "9栋"
    go_next(qtbot, wizard, PREVIEW)
    assert wizard.preview_page.table.item(0, 1).text() == "新增"
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=20_000)  # written once, and closed
    assert wizard.result.new == 1 and wizard.result.places_created == 1
    qtbot.wait(50)
    assert wizard.job is None and not wizard.preview_page.error.text()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_step_with_a_sheet_fits_a_laptop_screen(qtbot, services, place, tmp_path, lang, qapp) -> None:  # noqa: ANN001
    translators = install_language(qapp, lang)
    try:
        path = write(tmp_path / "花名册.xlsx", workbook(messy_rows()))
        wizard = open_wizard(qtbot, services, path)
        sizes = {}
        for step in (COLUMNS, PLACES, PREVIEW):
            go_next(qtbot, wizard, step)
            hint = wizard.minimumSizeHint().expandedTo(wizard.minimumSize())
            sizes[step] = (hint.width(), hint.height(), wizard.width(), wizard.height())
        assert all(w <= 1366 and h <= 700 and ww <= 1366 and wh <= 700 for w, h, ww, wh in sizes.values()), sizes
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        install_language(qapp, "en")


def test_portraits_from_a_folder_previewed_then_stored(qtbot, services, place, chinese, tmp_path) -> None:  # noqa: ANN001
    from PIL import Image

    from redband_desktop.ui.importing.portraits_dialog import PortraitsDialog

    folder = tmp_path / "照片"
    folder.mkdir()
    Image.new("RGB", (600, 800), "navy").save(folder / "张洁.jpg")
    Image.new("RGB", (600, 800), "red").save(folder / "查无此人.jpg")
    dialog = PortraitsDialog(services.importer)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose(str(folder))
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    results = {dialog.table.item(r, 0).text(): dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert results == {"张洁.jpg": "将保存", "查无此人.jpg": "没有对应的志愿者（文件名应为身份证号或姓名）"}
    assert not dialog.table.item(0, 0).icon().isNull() and dialog.table.item(1, 0).icon().isNull()  # the 3:4 crop
    assert "1 张将保存" in dialog.counts.text()
    assert services.roster.photo(place["volunteer"]) is None
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.stored is not None, timeout=20_000)
    assert dialog.stored == 1 and services.roster.photo(place["volunteer"]) is not None
    assert "1" in dialog.summary()


def test_an_empty_folder_of_portraits_is_said_in_the_dialog(qtbot, services, chinese, tmp_path) -> None:  # noqa: ANN001
    from redband_desktop.ui.importing.portraits_dialog import PortraitsDialog

    dialog = PortraitsDialog(services.importer)
    qtbot.addWidget(dialog)
    dialog.choose(str(tmp_path))
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20_000)
    assert "没有照片" in dialog.error.text() and not dialog.import_button.isEnabled()
