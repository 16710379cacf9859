"""The week's 排班表 as a PDF for a notice board and as an Excel sheet: read back with
pdftotext and openpyxl (title, names with the leader marked, gaps, a skipped day, long
weeks over several pages with the header repeated), who may make it, the filters, the
audit entry; and `redband duty week` (exit codes, files, nothing created on a missing
database)."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import time, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from redband_desktop.cli import main
from redband_desktop.db.models import AuditEntry
from redband_desktop.errors import PermissionDenied, ValidationError
from redband_desktop.services.rota.sheet import week_words
from redband_desktop.services.rota.types import WeekFilter
from tests.ui.staff import sign_in_as
from tests.unit.rota_helpers import NEXT_MONDAY, shifts_on, template, volunteer

SUNDAY = NEXT_MONDAY + timedelta(days=6)
WEEK = week_words(NEXT_MONDAY, SUNDAY)
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) not installed")


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
                          ).stdout.decode("utf-8")


def pdf_pages(pdf: bytes) -> list[str]:
    return pdf_text(pdf).split("\f")[:-1]


@pytest.fixture
def week(services, place) -> dict:  # noqa: ANN001
    """Next week at 金色家园: a 08:00–10:00 patrol every day for two led by 张洁 (张洁 and
    王芳 on Monday, nobody on Tuesday), a 22:00–02:00 night duty on Wednesday for one;
    Sunday skipped for a market closure; 滨江花园 in the other district patrols on Monday."""
    services.station.initialise("金家河派出所")
    compound = place["compound"].id
    services.rota.create_template(template(compound, start_time=time(8), end_time=time(10), weekdays=tuple(range(7)),
                                           leader_id=place["volunteer"]))
    services.rota.create_template(template(compound, duty_type="daily_duty", start_time=time(22), end_time=time(2),
                                           weekdays=(2,), needed=1))
    services.rota.create_template(template(place["far"].id, weekdays=(0,), needed=1))
    services.rota.skip_day(SUNDAY, compound, "集市休市")
    services.rota.generate(NEXT_MONDAY, SUNDAY)
    monday = [sh for sh in shifts_on(services, NEXT_MONDAY, compound)]
    wang = volunteer(services, compound, "王芳")
    for vid in (place["volunteer"], wang):
        services.rota.assign(monday[0].id, vid)
    return {"wang": wang}


@needs_pdftotext
def test_the_pdf_shows_the_week_its_people_and_gaps(services, place, week) -> None:  # noqa: ANN001
    pdf = services.rota.week_document(NEXT_MONDAY + timedelta(days=3), WeekFilter(), "pdf")
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert f"金家河派出所 {WEEK} 排班表" in text
    assert "张洁★" in text and "王芳" in text  # the leader is marked
    assert "缺2人" in text and "缺1人" in text  # Tuesday's patrol has nobody yet, the far patrol is one short
    assert "停班（集市" in text  # the reason may wrap in the cell
    assert "带班：张洁" in text  # the leader of a shift they are not on
    assert "22:00–次日02:00" in text and "日常值守" in text
    assert "金色家园" in text and "滨江花园" in text and "第1页共1页" in text.replace(" ", "") and "制表：" in text


@needs_pdftotext
def test_filters_pick_the_places(services, place, week) -> None:  # noqa: ANN001
    one = pdf_text(services.rota.week_document(NEXT_MONDAY, WeekFilter(site_id=place["far"].id), "pdf"))
    assert "滨江花园" in one and "金色家园" not in one and "场所：滨江花园" in one
    district = pdf_text(services.rota.week_document(NEXT_MONDAY, WeekFilter(district_id=place["district"].id), "pdf"))
    assert "金色家园" in district and "滨江花园" not in district and "片区：金家河片区" in district
    night = pdf_text(services.rota.week_document(NEXT_MONDAY, WeekFilter(duty_type="daily_duty"), "pdf"))
    assert "日常值守" in night and "巡逻防范" not in night


def test_the_workbook_has_the_same_table(services, place, week) -> None:  # noqa: ANN001
    data = services.rota.week_document(NEXT_MONDAY, WeekFilter(), "xlsx")
    sheet = load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == f"金家河派出所 {WEEK} 排班表"
    assert rows[2][0] == "场所" and rows[2][1].startswith("周一") and rows[2][7].startswith("周日")
    compound = next(r for r in rows if r[0] == "金色家园")
    assert compound[1].splitlines() == ["08:00–10:00 巡逻防范", "张洁★、王芳"]
    assert compound[2].splitlines() == ["08:00–10:00 巡逻防范", "带班：张洁", "缺2人"]
    assert "22:00–次日02:00 日常值守" in compound[3]
    assert compound[7] == "停班（集市休市）"
    assert sheet.freeze_panes == "B4" and sheet.page_setup.orientation == "landscape"
    assert sheet.cell(rows.index(compound) + 1, 3).font.color.rgb.endswith("C62828")  # the gap in red


@needs_pdftotext
def test_a_long_week_runs_over_pages_with_the_header_on_each(services, place) -> None:  # noqa: ANN001
    services.station.initialise("金家河派出所")
    for n in range(14):
        site = services.structure.create_site(place["district"].id, "compound", f"第{n + 1:02d}小区")
        for hour in (6, 9, 12, 15, 18):
            services.rota.create_template(template(site.id, start_time=time(hour), end_time=time(hour + 2),
                                                   weekdays=tuple(range(7))))
    services.rota.generate(NEXT_MONDAY, SUNDAY)
    pages = pdf_pages(services.rota.week_document(NEXT_MONDAY, WeekFilter(), "pdf"))
    assert len(pages) >= 3
    for i, page in enumerate(pages, start=1):
        assert "场所" in page and "周一" in page and "周日" in page
        assert f"第{i}页共{len(pages)}页" in page.replace(" ", "")
    places = [line.split()[0] for page in pages for line in page.splitlines()
              if line.strip().startswith("第") and "小区" in line.split()[0]]
    assert sorted(set(places)) == [f"第{n + 1:02d}小区" for n in range(14)]
    assert len(places) == 14  # no place is split over two pages


@needs_pdftotext
def test_a_place_too_long_for_one_page_continues_in_further_rows(services, place) -> None:  # noqa: ANN001
    services.station.initialise("金家河派出所")
    for hour in range(0, 24):
        services.rota.create_template(template(place["compound"].id, start_time=time(hour),
                                               end_time=time((hour + 1) % 24), weekdays=(0,), needed=1))
    services.rota.generate(NEXT_MONDAY, SUNDAY)
    text = pdf_text(services.rota.week_document(NEXT_MONDAY, WeekFilter(), "pdf"))
    assert "金色家园（续）" in text
    assert all(f"{h:02d}:00–" in text for h in range(24))


def test_reading_is_enough_and_it_is_recorded(services, place, week) -> None:  # noqa: ANN001
    for role in ("viewer", "officer"):
        sign_in_as(services, role, place["other"].id if role == "officer" else None)
        assert services.rota.week_document(NEXT_MONDAY, WeekFilter(), "xlsx")
    with services.db.read() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (last.action, last.entity, last.username) == ("export", "shift", f"t_officer_{place['other'].id}")
    assert last.summary == f"排班表 {WEEK} XLSX"
    services.access.user = None
    with pytest.raises(PermissionDenied):
        services.rota.week_document(NEXT_MONDAY, WeekFilter(), "pdf")


@pytest.mark.parametrize(("f", "fmt", "field", "code"), [
    (WeekFilter(district_id=999), "pdf", "district_id", "rota_no_district"),
    (WeekFilter(site_id=999), "pdf", "site_id", "rota_no_site"),
    (WeekFilter(duty_type="dancing"), "pdf", "duty_type", "invalid_choice"),
    (WeekFilter(), "docx", "report_file", "report_format_invalid"),
])
def test_bad_requests_are_refused_and_not_recorded(services, place, f, fmt, field, code) -> None:  # noqa: ANN001
    with services.db.read() as s:
        before = s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
    with pytest.raises(ValidationError) as caught:
        services.rota.week_document(NEXT_MONDAY, f, fmt)
    assert (caught.value.problems[0].field, caught.value.problems[0].code) == (field, code)
    with services.db.read() as s:
        assert s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) == before


def test_a_site_outside_the_district_is_refused(services, place) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as caught:
        services.rota.week_document(NEXT_MONDAY, WeekFilter(place["district"].id, place["far"].id), "pdf")
    assert caught.value.problems[0].code == "site_district_mismatch"


# -- redband duty week -----------------------------------------------------------------
@needs_pdftotext
def test_cli_writes_the_pdf_and_the_workbook(services, place, week, db_path, tmp_path, capsys) -> None:  # noqa: ANN001
    pdf, xlsx = tmp_path / "rota.pdf", tmp_path / "rota.XLSX"
    day = (NEXT_MONDAY + timedelta(days=2)).isoformat()
    assert main(["--db", str(db_path), "duty", "week", "--date", day, "--out", str(pdf)]) == 0
    assert f"已写入排班表：{pdf}" in capsys.readouterr().out
    assert "张洁★" in pdf_text(pdf.read_bytes())
    assert main(["--db", str(db_path), "duty", "week", "--date", day, "--site", str(place["far"].id),
                 "--out", str(xlsx)]) == 0
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert rows[1][0] == "场所：滨江花园" and [r[0] for r in rows[3:4]] == ["滨江花园"]


@pytest.mark.parametrize(("extra", "said"), [
    (["--district", "999"], "没有编号为 999 的片区"),
    (["--site", "999"], "没有编号为 999 的场所"),
    (["--date", "2026-02-30"], "日期格式不正确"),
])
def test_cli_refuses_unknown_places_and_bad_dates(services, place, db_path, tmp_path, capsys, extra, said) -> None:  # noqa: ANN001
    services.station.initialise("金家河派出所")
    out = tmp_path / "rota.pdf"
    assert main(["--db", str(db_path), "duty", "week", *extra, "--out", str(out)]) == 2
    assert said in capsys.readouterr().err and not out.exists()


def test_cli_refuses_a_wrong_extension_and_a_missing_database(tmp_path, capsys) -> None:  # noqa: ANN001
    missing = tmp_path / "none.sqlite3"
    assert main(["--db", str(missing), "duty", "week", "--out", str(tmp_path / "rota.docx")]) == 2
    assert "须以 .pdf 或 .xlsx 结尾" in capsys.readouterr().err
    assert main(["--db", str(missing), "--lang", "en", "duty", "week", "--out", str(tmp_path / "rota.pdf")]) == 1
    assert "redband init" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # neither the database nor the file was made


def test_cli_refuses_a_missing_folder_before_recording(services, place, db_path, tmp_path, capsys) -> None:  # noqa: ANN001
    services.station.initialise("金家河派出所")
    with services.db.read() as s:
        before = s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
    out = tmp_path / "no such folder" / "rota.pdf"
    assert main(["--db", str(db_path), "duty", "week", "--out", str(out)]) == 2
    assert "文件夹不存在" in capsys.readouterr().err
    with services.db.read() as s:
        assert s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) == before
