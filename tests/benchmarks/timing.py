"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

FLOORS = Path(__file__).parent / "floors"
ROOT = Path(__file__).resolve().parents[2]
# Child processes import this checkout's redband_desktop, not whichever one the shared
# virtualenv's editable install points at.
CHILD_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
             "QT_QPA_PLATFORM": "offscreen"}


def median_ms(fn: Callable[[], object], runs: int = 5) -> float:
    return statistics.median(times_ms(fn, runs))


def times_ms(fn: Callable[[], object], runs: int = 5) -> list[float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]


def whole_process(args: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall seconds of a whole Python process (start to exit), and the peak RSS in MB it
    printed as its last line."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=300,
                          env={**CHILD_ENV, **(env or {})}, cwd=ROOT)
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr[-2000:]
    return seconds, float(done.stdout.strip().splitlines()[-1])
