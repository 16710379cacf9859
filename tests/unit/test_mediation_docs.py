"""The printed mediation forms: read back with pdftotext, the words a real form carries
are there in the Ministry of Justice's layout (dates written 2026年10月4日 everywhere, the
number as 〔2026〕, each signature blank with its own line, the seal over the committee's
name and date on the right, the 卷内目录 with the pages the documents are really on), and
long text wraps onto further pages instead of being cut off."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from redband_desktop.domain.mediation import (
    CaseSource,
    DisputeType,
    OutcomeKind,
    PartyRole,
    Performance,
)
from redband_desktop.services.accounts.types import UserForm
from redband_desktop.services.mediation.types import (
    CaseForm,
    FollowUpForm,
    InvestigationForm,
    OutcomeForm,
    PartyForm,
    PerformanceForm,
    SessionForm,
)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
MM = 72 / 25.4
PASSWORD = "Clerk#2026pw"
FACTS = "2026年9月起，被申请人王建国家卫生间防水层老化，多次渗漏至楼下申请人李秀兰家，致其卫生间及客厅吊顶霉变脱落。"


def _text(pdf: bytes, tmp_path: Path) -> tuple[str, int]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text, text.count("\f")


def _page_text(path: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def _words(path: Path, page: int) -> dict[str, tuple[float, float, float, float]]:
    """Each word on the page with its box (x0, y0, x1, y1 in points, y down)."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    found = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<', html)
    return {text: (float(a), float(b), float(c), float(d)) for a, b, c, d, text in found}


def _full_case(services, facts: str = FACTS, findings: str = "现场查看，渗漏属实。"):  # noqa: ANN001, ANN202
    m = services.mediation
    services.station.initialise("金家河派出所")
    c = m.register(CaseForm(date(2026, 10, 1), CaseSource.POLICE, DisputeType.NEIGHBOUR, "楼上漏水纠纷", facts,
                            registrar="赵丽", mediators="张明、刘芳"))
    m.add_party(c.id, PartyForm(PartyRole.APPLICANT, "李秀兰", "F", "汉族", 58, "", "退休职工", "13987654321",
                                "金家河社区3栋402室"))
    m.add_party(c.id, PartyForm(PartyRole.RESPONDENT, "王建国", "M", "彝族", 41, "", "个体经营", "13812345678",
                                "金家河社区3栋502室", agent="王丽（妻子）"))
    m.add_investigation(c.id, InvestigationForm(date(2026, 10, 3), "3栋402、502室", "张明", "李秀兰、王建国", findings))
    m.add_session(c.id, SessionForm(datetime(2026, 10, 10, 9, 30), "金家河社区调解室", "张明、刘芳", (), "李秀兰、王建国、王丽",
                                    "赵丽", "申请人要求赔偿吊顶修复费用；被申请人同意修复防水。", "渗漏属实。", "双方达成协议。"))
    m.record_outcome(c.id, OutcomeForm(
        OutcomeKind.WRITTEN, date(2026, 10, 10), "一、王建国于2026年10月20日前修复卫生间防水层；\n二、王建国赔偿李秀兰吊顶修复费用1200元。",
        "现金一次性支付", date(2026, 10, 20), "金家河社区调解室", Decimal("1200"), 3, True))
    m.record_performance(c.id, PerformanceForm(Performance.FULFILLED, date(2026, 10, 21), "李秀兰出具收条"))
    m.add_follow_up(c.id, FollowUpForm(date(2026, 11, 10), "李秀兰", "张明", True, "satisfied", "无", "已修复，邻里关系恢复。"))
    return m.close(c.id, date(2026, 11, 12))


def test_agreement_reads_like_the_form(services, tmp_path: Path) -> None:  # noqa: ANN001
    c = _full_case(services)
    text, pages = _text(services.mediation.document(c.id, "agreement", committee="金家河社区人民调解委员会"), tmp_path)
    for words in ("人民调解协议书", "〔2026〕人调字第1号", "李秀兰", "王建国", "彝族", "王丽（妻子）", "纠纷主要事实",
                  "吊顶修复费用1200元", "履行期限：2026年10月20日", "本协议书一式3份", "按指印", "人民调解员（签名）",
                  "（印章）", "金家河社区人民调解委员会", "2026年10月10日"):
        assert words in text.replace(" ", ""), words
    assert pages == 1


def test_case_file_has_cover_checklist_and_every_document(services, tmp_path: Path) -> None:  # noqa: ANN001
    c = _full_case(services)
    text, pages = _text(services.mediation.document(c.id, "file", filed_by="赵丽"), tmp_path)
    flat = text.replace(" ", "")
    for words in ("人民调解卷宗", "卷名", "李秀兰与王建国邻里纠纷", "保管期限", "立卷人", "赵丽", "卷内目录", "页号",
                  "人民调解受理登记表", "调查记录", "调解记录", "人民调解协议书", "协议履行情况", "回访记录",
                  "金家河派出所人民调解委员会", "满意", "调解日期2026年10月1日至2026年11月12日",
                  "被调查人（签名）：", "调查人（签名）：", "登记人（签名）："):
        assert words in flat, words
    assert "缺" not in flat.split("卷内目录")[1].split("人民调解受理登记表")[1][:200]
    assert pages >= 8


def test_contents_give_the_pages_the_documents_are_on(services, tmp_path: Path) -> None:  # noqa: ANN001
    c = _full_case(services, FACTS * 12)  # the registration form runs onto a second page
    path = tmp_path / "file.pdf"
    path.write_bytes(services.mediation.document(c.id, "file"))
    contents = _page_text(path, 2)
    rows = re.findall(r"^\s*\d+\s+(\S+)\s+(\d+)(?:[–-](\d+))?\s*$", contents, re.M)
    assert [name for name, *_ in rows] == ["人民调解受理登记表", "调查记录", "调解记录", "人民调解协议书",
                                           "协议履行情况", "回访记录"]
    assert rows[0][2], "the long registration form is given as a range of pages"
    assert "页" not in _page_text(path, 1) + contents.replace("页号", "")  # no page number on either
    for name, first, last in rows:
        page = _page_text(path, int(first) + 2).replace(" ", "")  # after the cover and the contents
        assert name in page.split("编号")[0] and f"第{first}页" in page, (name, first)
        if last:
            assert f"第{last}页" in _page_text(path, int(last) + 2).replace(" ", "")


def test_every_printed_form_writes_dates_and_the_number_one_way(services, tmp_path: Path) -> None:  # noqa: ANN001
    c = _full_case(services)
    for which in ("file", "agreement", "sessions", "follow_ups"):
        text, _ = _text(services.mediation.document(c.id, which), tmp_path)
        flat = text.replace(" ", "")
        assert not re.search(r"\d{4}-\d{1,2}-\d{1,2}", flat), which  # no 2026-10-14
        assert not re.search(r"年0\d月|月0\d日", flat), which  # no 2026年10月04日
        assert "(2026)" not in flat and "〔2026〕人调字第1号" in flat, which


def test_signature_blanks_each_have_their_own_line(services, tmp_path: Path) -> None:  # noqa: ANN001
    c = _full_case(services)
    path = tmp_path / "visits.pdf"
    path.write_bytes(services.mediation.document(c.id, "follow_ups"))
    words = _words(path, 1)
    visitor, visited = words["回访人（签名）："], words["被回访人（签名）："]
    assert visited[0] - visitor[2] > 40 * MM  # the first blank's line and a gap lie between


def test_seal_area_sits_over_the_committee_and_date_on_the_right(services, tmp_path: Path) -> None:  # noqa: ANN001
    c = _full_case(services)
    path = tmp_path / "agreement.pdf"
    path.write_bytes(services.mediation.document(c.id, "agreement", committee="金家河社区人民调解委员会"))
    words = _words(path, 1)
    seal, committee = words["（印章）"], words["金家河社区人民调解委员会"]
    page_middle = 595 / 2
    assert seal[0] > page_middle and committee[0] > page_middle
    assert abs((seal[0] + seal[2]) / 2 - (committee[0] + committee[2]) / 2) < 1
    dated = [box for text, box in words.items() if text == "2026年10月10日" and box[0] > page_middle]
    assert dated and 0 < dated[0][1] - committee[1] < 15 * MM  # the date right under the name


def test_filed_by_is_the_person_not_the_account(services, tmp_path: Path) -> None:  # noqa: ANN001
    c = _full_case(services)
    text, _ = _text(services.mediation.document(c.id, "file"), tmp_path)
    assert "立卷人系统管理员" in text.replace(" ", "")  # the signed-in administrator's name
    # an account whose name is its user name (as `redband init --admin NAME` makes one)
    services.accounts.create_user(UserForm("zhaoli", "zhaoli", "", "clerk", None), PASSWORD, PASSWORD)
    services.accounts.sign_in("zhaoli", PASSWORD)
    text, _ = _text(services.mediation.document(c.id, "file"), tmp_path)
    cover = text.replace(" ", "").split("卷内目录")[0]
    assert "zhaoli" not in cover and re.search(r"立卷人\n", cover)  # left blank to be written in by hand


def test_long_findings_flow_inside_the_table_onto_more_pages(services, tmp_path: Path) -> None:  # noqa: ANN001
    c = _full_case(services, findings="现场查看，渗漏属实。" * 400)
    text, pages = _text(services.mediation.document(c.id, "file"), tmp_path)
    assert text.replace(" ", "").count("渗漏属实") >= 350 and pages >= 10


def test_long_facts_flow_onto_more_pages(services, tmp_path: Path) -> None:  # noqa: ANN001
    c = _full_case(services, FACTS * 40)
    text, pages = _text(services.mediation.document(c.id, "agreement"), tmp_path)
    assert pages >= 3 and text.replace(" ", "").count("吊顶霉变脱落") >= 30


def test_sessions_and_follow_ups_forms(services, tmp_path: Path) -> None:  # noqa: ANN001
    c = _full_case(services)
    text, _ = _text(services.mediation.document(c.id, "sessions"), tmp_path)
    assert "第1次调解" in text and "当事人陈述" in text and "2026年10月10日9时30分" in text.replace(" ", "")
    text, _ = _text(services.mediation.document(c.id, "follow_ups"), tmp_path)
    assert "回访记录" in text and "已修复，邻里关系恢复。" in text
