"""Benchmarks record figures; they are not pass/fail timings and are not part of
`make test` (run them with `make bench`).

Every benchmark calls the session fixture `record(name, value, unit, baseline=None)`;
`baseline` is the floor measured in the same run (tests/benchmarks/floors/), and the
ratio value / baseline is what counts on a noisy machine. At the end of the session one
table is printed and `tests/benchmarks/results.json` written (or $REDBAND_BENCH_RESULTS):
{"date", "cores", "load", "figures": [{"name", "value", "unit", "baseline", "ratio", "target"}]}.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # bench_data and floors, for the test modules

import redband_desktop  # noqa: E402

_ROOT = Path(__file__).resolve().parents[2]
if Path(redband_desktop.__file__).resolve().parents[1] != _ROOT:  # the shared venv's editable install points elsewhere
    raise pytest.UsageError(f"the benchmarks import {redband_desktop.__file__}: run them from {_ROOT} (make bench)")

RESULTS = Path(os.environ.get("REDBAND_BENCH_RESULTS", Path(__file__).parent / "results.json"))
_figures: list[dict] = []


def record_figure(name: str, value: float, unit: str, baseline: float | None = None, target: str = "") -> None:
    ratio = round(value / baseline, 2) if baseline else None
    _figures.append({"name": name, "value": round(value, 3), "unit": unit,
                     "baseline": None if baseline is None else round(baseline, 3), "ratio": ratio,
                     "target": target})
    _write()  # after every figure: a run stopped half-way still leaves what it measured


@pytest.fixture(scope="session")
def record():  # noqa: ANN201 - the recorder
    """record(name, value, unit, baseline=None, target="")"""
    return record_figure


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A first run generates the scale data (minutes): no per-test timeout below an hour."""
    for item in items:
        if item.path.is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.timeout(3600))


def _table() -> list[str]:
    rows = [("figure", "value", "unit", "floor", "ratio", "target")]
    for f in _figures:
        rows.append((f["name"], _num(f["value"]), f["unit"], _num(f["baseline"]),
                     "" if f["ratio"] is None else f"{f['ratio']:.2f}×", f["target"]))
    widths = [max(len(r[i]) for r in rows) for i in range(6)]
    return ["  ".join(c.ljust(w) if i in (0, 2, 5) else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
            for r in rows]


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001
    if not _figures:
        return
    terminalreporter.write_sep("=", f"benchmark figures ({len(_figures)}) → {RESULTS}")
    for line in _table():
        terminalreporter.write_line(line)


def _write() -> None:
    RESULTS.write_text(json.dumps({
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "load": round(os.getloadavg()[0], 2),
        "figures": _figures,
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
