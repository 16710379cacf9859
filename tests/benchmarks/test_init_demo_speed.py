"""`redband init --demo` as a station's first run from the command line does it: a new
database created, migrated and filled with the demonstration station (1,220 volunteers
with photos, sites, incidents, clues, cases, shifts, activities). One whole process.
Target ≤ 5 s. `make bench`."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from timing import CHILD_ENV, ROOT


def test_init_demo(tmp_path: Path, record) -> None:  # noqa: ANN001
    times = []
    for run in range(1):
        db = tmp_path / f"demo{run}.sqlite3"
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "redband_desktop", "--db", str(db), "init", "--demo",
                               "--admin", "admin"], capture_output=True, text=True, timeout=300,
                              env={**CHILD_ENV, "REDBAND_PASSWORD": "Station#2026"}, cwd=ROOT)
        times.append(time.perf_counter() - started)
        assert done.returncode == 0, done.stderr[-2000:]
    record("redband init --demo (whole process)", min(times), "s", None, "≤ 5 s")
