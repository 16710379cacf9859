"""The printed mediation forms: read back with pdftotext, the words a real form carries
are there, long text wraps onto further pages instead of being cut off."""

from __future__ import annotations

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
FACTS = "2026年9月起，被申请人王建国家卫生间防水层老化，多次渗漏至楼下申请人李秀兰家，致其卫生间及客厅吊顶霉变脱落。"


def _text(pdf: bytes, tmp_path: Path) -> tuple[str, int]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text, text.count("\f")


def _full_case(services, facts: str = FACTS):  # noqa: ANN001, ANN202
    m = services.mediation
    services.station.initialise("金家河派出所")
    c = m.register(CaseForm(date(2026, 10, 1), CaseSource.POLICE, DisputeType.NEIGHBOUR, "楼上漏水纠纷", facts,
                            registrar="赵丽", mediators="张明、刘芳"))
    m.add_party(c.id, PartyForm(PartyRole.APPLICANT, "李秀兰", "F", "汉族", 58, "", "退休职工", "13987654321",
                                "金家河社区3栋402室"))
    m.add_party(c.id, PartyForm(PartyRole.RESPONDENT, "王建国", "M", "彝族", 41, "", "个体经营", "13812345678",
                                "金家河社区3栋502室", agent="王丽（妻子）"))
    m.add_investigation(c.id, InvestigationForm(date(2026, 10, 3), "3栋402、502室", "张明", "李秀兰、王建国", "现场查看，渗漏属实。"))
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
    for words in ("人民调解协议书", "(2026)人调字第1号", "李秀兰", "王建国", "彝族", "王丽（妻子）", "纠纷主要事实",
                  "吊顶修复费用1200元", "履行期限：2026年10月20日", "本协议书一式3份", "按指印", "人民调解员（签名）",
                  "人民调解委员会印章", "2026年10月10日"):
        assert words in text.replace(" ", ""), words
    assert pages == 1


def test_case_file_has_cover_checklist_and_every_document(services, tmp_path: Path) -> None:  # noqa: ANN001
    c = _full_case(services)
    text, pages = _text(services.mediation.document(c.id, "file", filed_by="赵丽"), tmp_path)
    flat = text.replace(" ", "")
    for words in ("人民调解卷宗", "卷名", "李秀兰与王建国邻里纠纷", "保管期限", "立卷人", "赵丽", "卷内文书目录",
                  "人民调解受理登记表", "调查记录", "调解记录", "人民调解协议书", "协议履行情况", "回访记录",
                  "金家河派出所人民调解委员会", "满意"):
        assert words in flat, words
    assert "缺" not in flat.split("卷内文书目录")[1].split("人民调解受理登记表")[1][:200]
    assert pages >= 8


def test_long_facts_flow_onto_more_pages(services, tmp_path: Path) -> None:  # noqa: ANN001
    c = _full_case(services, FACTS * 40)
    text, pages = _text(services.mediation.document(c.id, "agreement"), tmp_path)
    assert pages >= 3 and text.replace(" ", "").count("吊顶霉变脱落") >= 30


def test_sessions_and_follow_ups_forms(services, tmp_path: Path) -> None:  # noqa: ANN001
    c = _full_case(services)
    text, _ = _text(services.mediation.document(c.id, "sessions"), tmp_path)
    assert "第1次调解" in text and "当事人陈述" in text and "2026年10月10日09:30" in text.replace(" ", "")
    text, _ = _text(services.mediation.document(c.id, "follow_ups"), tmp_path)
    assert "回访记录" in text and "已修复，邻里关系恢复。" in text
