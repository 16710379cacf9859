"""The demo station's mediation case book: a case in every stage, usable filters, printable."""

from __future__ import annotations

from datetime import date

from redband_desktop.domain.mediation import CaseStatus
from redband_desktop.services.mediation.service import MediationService
from redband_desktop.services.mediation.types import MediationFilter

TODAY = date(2026, 11, 28)  # tests/conftest.py DEMO_TODAY


def test_demo_has_a_case_in_every_stage(demo_services) -> None:  # noqa: ANN001
    svc = MediationService(demo_services.db, demo_services.access, today=lambda: TODAY)
    book = svc.search(limit=10_000)
    assert all(book.totals.by_status[s.value] >= 1 for s in CaseStatus)
    assert svc.search(MediationFilter(overdue=True), limit=0).total >= 1
    assert svc.search(MediationFilter(follow_up_due=True), limit=0).total >= 1
    numbers = [r.number for r in book.first_page]
    assert len(set(numbers)) == len(numbers) and all("人调字第" in n for n in numbers)
    assert all(r.district_name and " — " in r.parties for r in book.first_page)


def test_demo_cases_print(demo_services) -> None:  # noqa: ANN001
    svc = demo_services.mediation
    closed = next(r for r in svc.search(MediationFilter(status=CaseStatus.CLOSED), limit=10_000).first_page
                  if svc.case(r.id).outcome.kind.value == "written")
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
    sheet = load_workbook(out).active
    cases = sheet.max_row - 1
    assert f"{cases} 行" in capsys.readouterr().out and cases > 100
    assert sheet.title == "人民调解台账" and sheet["A1"].value == "案号"
    assert "人调字第" in sheet["A2"].value


def test_demo_case_book_has_two_years_of_closed_cases(demo_services) -> None:  # noqa: ANN001
    """About one dispute incident in four became a formal case; older cases are closed,
    numbered per year in registration order, and the referrals point at their incident."""
    svc = MediationService(demo_services.db, demo_services.access, today=lambda: TODAY)
    closed = svc.search(MediationFilter(status=CaseStatus.CLOSED), limit=10_000).first_page
    assert len(closed) > 100 and len({r.registered_on.year for r in closed}) >= 2
    book = sorted(svc.search(limit=10_000).first_page, key=lambda r: (r.registered_on, r.id))
    for year in {r.registered_on.year for r in book}:
        seqs = [int(r.number.split("第")[1].rstrip("号")) for r in book if r.registered_on.year == year]
        assert seqs == list(range(1, len(seqs) + 1))
    referred = [svc.case(r.id) for r in closed[:40]]
    police = [c for c in referred if c.incident_number]
    assert police and all(c.form.source.value == "police" for c in police)
    assert all(c.outcome is not None and c.closed_on for c in referred)
    agreed = [c for c in referred if c.outcome.kind.is_agreement]
    assert agreed and all(c.follow_ups and c.performances for c in agreed)
    assert all(not c.follow_ups for c in referred if not c.outcome.kind.is_agreement)
