"""The roster import: messy sheets in (title rows, own headers, full-width digits, ID numbers
stored as numbers, dates in four spellings and as serial numbers, phones with +86 and
spaces, blank and duplicate rows), each row sorted into new / update / unchanged /
duplicate / invalid with the spreadsheet's row number, nothing written before the commit,
then all of it in one transaction recorded in the audit trail."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from import_sheets import person, workbook, write
from openpyxl import load_workbook

from redband_desktop.errors import ConflictError, ValidationError
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.importing.places import create_all
from redband_desktop.services.importing.types import ImportKind, PlaceChoice, RowStatus
from redband_desktop.services.roster.types import RosterFilter


def _messy(place: dict) -> list[list]:
    return [
        [1, "张 三", person(1), "138 0871 2345", "金家河片区", "金色家园", "5", "2021.6.1", "退休干部"],
        [2, "李四", 5.30102e17, "+86-13808712346", "金家河片区", "金色家园", "5栋", 44348, "老党员"],
        [None, None, None, None, None, None, None, None, None],
        [3, "王五", person(3).lower().replace("1", "１"), 13808712347.0, "金家河片区", "金色家园", "", "2021年6月1日", "热心居民"],
        [4, "张三", person(1), "13808712345", "金家河片区", "金色家园", "5", "2021-06-01", "退休干部"],
        [5, "赵六", person(5), "12345", "金家河片区", "金色家园", "", "2021/13/1", "路人"],
        [6, "孙七", "53010219800101123", "13808712348", "金家河片区", "金色家园", "", "2021-6-1", "热心居民"],
        [7, "周八", "5.30102E+17", "13808712349", "金家河片区", "新小区", "1", "20210601", "热心居民"],
    ]


def test_a_messy_sheet_is_previewed_row_by_row(services, place, tmp_path: Path) -> None:  # noqa: ANN001
    path = write(tmp_path / "花名册.xlsx", workbook(_messy(place)))
    table = services.importer.read(path)
    mapping = services.importer.guess(table, ImportKind.ROSTER)
    assert mapping.header_row == 1  # the merged title row above is skipped
    assert {"name", "id_number", "phone", "district", "site", "building", "joined_on", "background"} <= set(mapping.columns)
    preview = services.importer.preview(table, ImportKind.ROSTER, mapping)
    by_row = {r.row: r for r in preview.rows}
    assert 5 not in by_row and preview.counts()["total"] == 7  # the blank row is no row
    assert {(u.level, u.name) for u in preview.unknown_places} == {("place", "5栋"), ("site", "新小区"), ("place", "1栋")}
    assert by_row[4].problems[0].text() == "表格把身份证号存成了数字，末位或 X 已丢失，请把该列设为文本后重新导出"
    assert by_row[10].problems[0].code == "import_id_damaged"  # 5.30102E+17 as text
    assert by_row[6].status is RowStatus.NEW  # full-width digits, lower-case x, a phone stored as a number
    invalid = {p.field: p.code for p in by_row[8].problems}
    assert invalid == {"phone": "phone_invalid", "joined_on": "import_date_unreadable", "background": "invalid_choice"}
    assert by_row[9].problems[0].code == "id_length"
    assert by_row[3].problems[0].field == "building_id"  # 5栋 does not exist yet
    assert services.roster.search(RosterFilter(), limit=0).total == 1  # nothing written


def test_places_created_on_request_and_rows_written_in_one_transaction(services, place, tmp_path: Path) -> None:  # noqa: ANN001
    path = write(tmp_path / "花名册.xlsx", workbook(_messy(place)))
    table = services.importer.read(path)
    mapping = services.importer.guess(table, ImportKind.ROSTER)
    first = services.importer.preview(table, ImportKind.ROSTER, mapping)
    preview = services.importer.preview(table, ImportKind.ROSTER, mapping, create_all(list(first.unknown_places)))
    c = preview.counts()
    assert (c["new"], c["duplicate"], c["invalid"]) == (2, 1, 4), c
    dup = next(r for r in preview.rows if r.status is RowStatus.DUPLICATE)
    assert (dup.row, dup.same_as) == (7, 3)
    result = services.importer.commit(preview)
    assert (result.new, result.updated, result.places_created) == (2, 0, 1)  # 5栋 only: 新小区's row is invalid
    assert services.roster.search(RosterFilter(text="张三"), limit=5).first_page[0].place == "5栋"
    entry = services.audit.page(AuditFilter(action="import"), 0, 1)[0]
    assert "花名册.xlsx" in entry.summary and "新增 2 人" in entry.summary
    again = services.importer.preview(table, ImportKind.ROSTER, mapping)
    assert again.counts()["unchanged"] == 2


def test_an_update_shows_what_changes_and_blank_cells_erase_nothing(services, place, tmp_path: Path) -> None:  # noqa: ANN001
    number = services.roster.reveal(place["volunteer"], "id_number", "测试")
    rows = [[1, "张洁", number, "13808719999", "", "", "", "", ""]]
    table = services.importer.read(write(tmp_path / "a.xlsx", workbook(rows)))
    preview = services.importer.preview(table, ImportKind.ROSTER, services.importer.guess(table, ImportKind.ROSTER))
    row = preview.rows[0]
    assert row.status is RowStatus.UPDATE and row.changes == {"phone": ["13808712345", "13808719999"]}
    services.importer.commit(preview)
    v = services.roster.get(place["volunteer"])
    assert v.phone == "13808719999" and v.site == "金色家园" and v.joined_on == date(2021, 7, 1)
    assert services.audit.page(AuditFilter(action="update"), 0, 1)[0].summary.startswith("张洁（导入")


def test_a_change_on_another_pc_since_the_preview_refuses_the_whole_import(services, place, tmp_path: Path) -> None:  # noqa: ANN001
    rows = [[1, "钱九", person(9), "13808710009", "", "金色家园", "", "2022-01-01", "热心居民"]]
    table = services.importer.read(write(tmp_path / "a.xlsx", workbook(rows)))
    preview = services.importer.preview(table, ImportKind.ROSTER, services.importer.guess(table, ImportKind.ROSTER))
    from redband_desktop.services.roster.types import VolunteerForm
    services.roster.create(VolunteerForm(name="钱九", id_number=person(9), phone="13808710009", background="resident",
                                         political_status="masses", site_id=place["compound"].id,
                                         joined_on=date(2022, 1, 1)))
    with pytest.raises(ConflictError):
        services.importer.commit(preview)


def test_gbk_csv_and_utf8_bom_csv(services, place, tmp_path: Path) -> None:  # noqa: ANN001
    text = "姓名,公民身份号码,联系电话,社区,小区,登记日期,类别\r\n" \
           f"刘一,{person(11)},0871-6812 3456,金家河片区,金色家园,2020/5/6,热心居民\r\n"
    for name, data in (("gbk.csv", text.encode("gbk")), ("bom.csv", text.encode("utf-8-sig"))):
        table = services.importer.read(write(tmp_path / name, data))
        assert table.encoding == ("gb18030" if name == "gbk.csv" else "utf-8")
        preview = services.importer.preview(table, ImportKind.ROSTER, services.importer.guess(table, ImportKind.ROSTER))
        assert preview.rows[0].status is RowStatus.NEW, preview.rows[0].problems


def test_an_old_xls_file(services, place, tmp_path: Path) -> None:  # noqa: ANN001
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("名单")
    for c, h in enumerate(["姓名", "证件号码", "手机号", "场所", "加入日期", "人员类别"]):
        sheet.write(0, c, h)
    for c, v in enumerate(["陈二", person(12), "13808710012", "金色家园", "2019-03-01", "物业人员"]):
        sheet.write(1, c, v)
    sheet.write(2, 1, 530102198001011234.0)  # an ID number saved as a number in .xls
    sheet.write(2, 0, "错号")
    path = tmp_path / "old.xls"
    book.save(str(path))
    table = services.importer.read(path)
    preview = services.importer.preview(table, ImportKind.ROSTER, services.importer.guess(table, ImportKind.ROSTER))
    assert [r.status for r in preview.rows] == [RowStatus.NEW, RowStatus.INVALID]
    assert preview.rows[1].row == 3 and preview.rows[1].problems[0].code == "import_id_damaged"


def test_a_file_that_is_no_sheet_or_locked_is_said_so(services, tmp_path: Path) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as bad:
        services.importer.read(write(tmp_path / "x.xlsx", b"not a workbook"))
    assert bad.value.problems[0].code == "import_not_a_sheet"
    with pytest.raises(ValidationError) as gone:
        services.importer.read(tmp_path / "missing.xlsx")
    assert gone.value.problems[0].code == "import_file_unreadable"  # never "damaged"


def test_a_place_mapped_to_an_existing_one(services, place, tmp_path: Path) -> None:  # noqa: ANN001
    rows = [[1, "吴十", person(10), "13808710010", "", "金色家园小区", "", "2022-01-01", "热心居民"]]
    table = services.importer.read(write(tmp_path / "a.xlsx", workbook(rows)))
    mapping = services.importer.guess(table, ImportKind.ROSTER)
    choice = PlaceChoice("site", "金色家园小区", existing_id=place["compound"].id)
    preview = services.importer.preview(table, ImportKind.ROSTER, mapping, [choice])
    assert preview.rows[0].status is RowStatus.NEW and not preview.unknown_places


def test_error_report_holds_the_invalid_rows_in_their_own_columns(services, place, tmp_path: Path) -> None:  # noqa: ANN001
    table = services.importer.read(write(tmp_path / "a.xlsx", workbook(_messy(place))))
    mapping = services.importer.guess(table, ImportKind.ROSTER)
    preview = services.importer.preview(table, ImportKind.ROSTER, mapping)
    sheet = load_workbook(io.BytesIO(services.importer.error_report(table, mapping, preview))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("序号", "姓名", "身份证号码（必填）") and rows[0][-2:] == ("原行号", "问题（改正后可重新导入）")
    assert [r[-2] for r in rows[1:]] == [3, 4, 7, 8, 9, 10] and "末位或 X 已丢失" in rows[2][-1]


def test_progress_can_cancel_a_preview(services, place, tmp_path: Path) -> None:  # noqa: ANN001
    table = services.importer.read(write(tmp_path / "a.xlsx", workbook(_messy(place))))
    with pytest.raises(ValidationError) as stopped:
        services.importer.preview(table, ImportKind.ROSTER, services.importer.guess(table, ImportKind.ROSTER),
                                  progress=lambda done, total: False)
    assert stopped.value.problems[0].code == "cancelled"


def test_an_officer_imports_into_their_own_district_only(services, place, tmp_path: Path) -> None:  # noqa: ANN001
    """Rights are asked once per district an import touches (each ask re-reads the
    account), and still hold row by row: another district's rows are invalid."""
    from redband_desktop.services.accounts.types import UserForm

    first, pw = "Initial#2026", "Officer#2026x"
    services.accounts.create_user(
        UserForm("officer1", "滨江民警", role="officer", district_id=place["other"].id), first, first)
    services.accounts.sign_in("officer1", first)
    services.accounts.change_password(first, pw, pw)
    services.accounts.sign_in("officer1", pw)
    rows = [[1, "钱一", person(21), "13808710021", "金家河片区", "金色家园", "", "2022-01-01", "热心居民"],
            [2, "钱二", person(22), "13808710022", "滨江片区", "滨江花园", "", "2022-01-01", "热心居民"],
            [3, "钱三", person(23), "13808710023", "滨江片区", "滨江花园", "", "2022-01-01", "热心居民"]]
    table = services.importer.read(write(tmp_path / "a.xlsx", workbook(rows)))
    preview = services.importer.preview(table, ImportKind.ROSTER, services.importer.guess(table, ImportKind.ROSTER))
    by_row = {r.row: r for r in preview.rows}
    assert by_row[3].problems[0].code == "outside_district"
    assert by_row[4].status is RowStatus.NEW and by_row[5].status is RowStatus.NEW
    services.importer.commit(preview)
    assert {v.name for v in services.roster.search(RosterFilter(), limit=10).first_page} >= {"钱二", "钱三"}
