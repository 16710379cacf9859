"""`redband export incidents FILE.xlsx [--from DATE --to DATE]` on the demo station."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from conftest import ADMIN
from openpyxl import load_workbook

from redband_desktop.cli import main
from redband_desktop.services.incidents.types import IncidentFilter


def test_export_incidents_of_a_date_range(demo_services, tmp_path: Path, monkeypatch, capsys) -> None:  # noqa: ANN001
    if demo_services.db.path is None:
        pytest.skip("the CLI is given a SQLite file here")
    out = tmp_path / "incidents.xlsx"
    monkeypatch.setenv("REDBAND_PASSWORD", ADMIN[1])
    expected = demo_services.incidents.search(IncidentFilter(date_from=date(2026, 1, 1), date_to=date(2026, 3, 31)), limit=0)
    demo_services.db.dispose()
    args = ["--db", str(demo_services.db.path), "--user", ADMIN[0], "export", "incidents", str(out),
            "--from", "2026-01-01", "--to", "2026-03-31"]
    assert main(args) == 0
    assert f"{expected.total} 行（脱敏）" in capsys.readouterr().out
    rows = list(load_workbook(io.BytesIO(out.read_bytes())).active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == expected.total > 0
    assert all(r[0].startswith("JJH-2026-") and r[1].date() <= date(2026, 3, 31) for r in rows)
    with pytest.raises(SystemExit):
        main(["--db", str(demo_services.db.path), "export", "incidents", str(out), "--from", "1 March"])
