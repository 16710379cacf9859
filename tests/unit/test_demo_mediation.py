"""The demo station's mediation case book: a case in every stage, usable filters, printable."""

from __future__ import annotations

from datetime import date

from redband_desktop.domain.mediation import CaseStatus
from redband_desktop.services.mediation import MediationService
from redband_desktop.services.mediation_types import MediationFilter

TODAY = date(2026, 11, 28)  # tests/conftest.py DEMO_TODAY


def test_demo_has_a_case_in_every_stage(demo_services) -> None:  # noqa: ANN001
    svc = MediationService(demo_services.db, demo_services.access, today=lambda: TODAY)
    book = svc.cases()
    assert all(book.by_status[s.value] >= 1 for s in CaseStatus)
    assert svc.cases(MediationFilter(overdue=True)).total >= 1
    assert svc.cases(MediationFilter(follow_up_due=True)).total >= 1
    numbers = [r.number for r in book.rows]
    assert len(set(numbers)) == len(numbers) and all("人调字第" in n for n in numbers)
    assert all(r.district_name and " — " in r.parties for r in book.rows)


def test_demo_cases_print(demo_services) -> None:  # noqa: ANN001
    svc = demo_services.mediation
    closed = svc.cases(MediationFilter(status=CaseStatus.CLOSED)).rows[0]
    assert svc.document(closed.id, "file").startswith(b"%PDF")
    assert svc.document(closed.id, "agreement").startswith(b"%PDF")


def test_cli_exports_the_case_book(tmp_path, monkeypatch, capsys) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    from redband_desktop.cli import main

    db, out = str(tmp_path / "s.sqlite3"), tmp_path / "mediations.xlsx"
    monkeypatch.setenv("REDBAND_PASSWORD", "Jjh#2026pass")
    assert main(["--db", db, "init", "--station", "金家河派出所", "--admin", "chenqing", "--demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "--user", "chenqing", "export", "mediations", str(out)]) == 0
    assert "9 行" in capsys.readouterr().out
    sheet = load_workbook(out).active
    assert sheet.title == "人民调解台账" and sheet["A1"].value == "案号" and sheet.max_row == 10
    assert "人调字第" in sheet["A2"].value
