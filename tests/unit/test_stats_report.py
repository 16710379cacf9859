"""The 治安成绩单: the headline sentence in the station's words from the figures, the PDF
(read back as text: headline, chart titles, tables, zero-incident lists) and the workbook
(one sheet per table), the audit record, and `redband report` refusing a wrong file type."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import DEMO_TODAY
from openpyxl import load_workbook

from redband_desktop.cli import main
from redband_desktop.domain.periods import Period, period_for
from redband_desktop.domain.stats import Figure
from redband_desktop.errors import ValidationError
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.stats.report import headline


def test_headline_words_level_new_and_falls(services) -> None:  # noqa: ANN001
    f = services.stats.figures(Period(date(2026, 1, 1), date(2026, 9, 5)), "yoy")  # an empty register
    assert headline(f) == ("截至2026年9月5日，矛盾纠纷警情与去年同期持平，刑事与电信网络诈骗警情与去年同期持平，"
                           "治安警情与去年同期持平；辖区“零发案”小区、单位0个，与去年同期持平。")
    groups = {"dispute": Figure(78, 100), "crime_fraud": Figure(3, 0), "public_order": Figure(105, 100)}
    f = replace(f, by_group=groups, period=Period(date(2026, 3, 1), date(2026, 3, 31)))
    assert headline(f) == ("2026年3月1日至2026年3月31日，矛盾纠纷警情同比下降22%，刑事与电信网络诈骗警情3起（去年同期无），"
                           "治安警情同比上升5%；辖区“零发案”小区、单位0个，与去年同期持平。")


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout.replace(" ", "").replace("\n", "")


def test_the_demo_report_as_pdf_and_workbook(demo_services, tmp_path: Path) -> None:  # noqa: ANN001
    period = period_for("ytd", DEMO_TODAY)
    steps: list[int] = []
    pdf = demo_services.stats.report_document("pdf", period, "yoy", steps.append)
    assert pdf.startswith(b"%PDF") and steps[-1] == 100 and steps == sorted(steps)
    text = _pdf_text(pdf, tmp_path)
    assert "截至2026年11月28日，矛盾纠纷警情同比下降22%，刑事与电信网络诈骗警情同比" in text
    for words in ("下降21%", "治安警情同比下降19%", "治安警情月度对比", "各片区警情", "电信网络诈骗警情月度对比",
                  "各场所警情", "接触性警情（按场所类型）", "零发案小区", "零发案单位", "志愿者工作", "宣传覆盖人数（人次）"):
        assert words in text, words
    f = demo_services.stats.figures(period, "yoy")
    for z in f.zero_sites:
        assert z.name in text
    book = load_workbook(io.BytesIO(demo_services.stats.report_document("xlsx", period, "yoy")))
    assert book.sheetnames[:3] == ["分类警情", "电信网络诈骗损失（元）", "接触性警情（按场所类型）"]
    assert {"各片区警情", "各场所警情", "志愿者工作"} <= set(book.sheetnames)
    first = book["分类警情"]
    assert "同比下降22%" in first["A3"].value
    rows = {r[0]: r for r in first.iter_rows(min_row=5, values_only=True)}
    assert rows["矛盾纠纷（合计）"][1:] == (f.by_group["dispute"].current, f.by_group["dispute"].previous, "同比下降22%")
    sites = list(book["各场所警情"].iter_rows(min_row=2, values_only=True))
    assert len(sites) == len(f.by_site)
    entries = demo_services.audit.page(AuditFilter(action="export"), 0, 10)
    assert sum(1 for e in entries if e.summary.startswith("治安成绩单 2026-01-01—2026-11-28（同比）")) == 2


def test_wrong_format_is_refused(demo_services, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as caught:
        demo_services.stats.report_document("docx")
    assert caught.value.problems[0].field == "report_file"
    assert main(["--db", demo_services.db.url, "report", "--out", str(tmp_path / "成绩单.docx")]) == 2
    assert "报告文件" in capsys.readouterr().err and not (tmp_path / "成绩单.docx").exists()
    out = tmp_path / "成绩单.xlsx"
    assert main(["--db", demo_services.db.url, "report", "--from", "2026-03-01", "--to", "2026-03-31",
                 "--compare", "pop", "--out", str(out)]) == 0
    assert load_workbook(out).sheetnames[0] == "分类警情"


def test_the_month_in_progress_is_a_part_month(services) -> None:  # noqa: ANN001
    """A period ending on the 28th draws its last month as a part (hollow bar, dotted
    segment) with a note; one ending on a month's last day draws none."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.linecharts import HorizontalLineChart

    from redband_desktop.documents.card_faces import register_font
    from redband_desktop.documents.report_charts import draw
    from redband_desktop.services.stats.figures import partial_day
    from redband_desktop.services.stats.report import charts

    register_font()
    assert (partial_day(date(2026, 11, 28)), partial_day(date(2026, 11, 30)), partial_day(date(2028, 2, 29))) == (
        28, None, None)
    f = services.stats.figures(Period(date(2026, 1, 1), date(2026, 11, 28)), "yoy")
    assert f.monthly.partial_day == 28 and f.monthly.last_month == 11
    made = charts(f)
    monthly = [c for c in made if c.categories[:1] == ("1月",)]
    assert len(monthly) == 4 and all(c.partial == 10 and c.note == "※ 11月截至28日，未满月" for c in monthly)
    line = next(c for c in monthly if c.kind == "line")
    plot = next(x for x in draw(line, 400).contents if isinstance(x, HorizontalLineChart))
    assert len(plot.data) == 3 and plot.data[0][10] is None and plot.data[2][9:11] == [0, 0]
    texts = [x.text for x in draw(line, 400).contents if hasattr(x, "text")]
    assert plot.lines[2].strokeDashArray and "※ 11月截至28日，未满月" in texts
    bars = next(x for x in draw(monthly[-1], 400).contents if isinstance(x, VerticalBarChart))
    assert bars.bars[(0, 10)].strokeDashArray and bars.bars[(0, 9)].strokeDashArray is None
    whole = charts(services.stats.figures(Period(date(2026, 1, 1), date(2026, 11, 30)), "yoy"))
    assert all(c.partial is None and not c.note for c in whole)
