"""`redband self-test` from source, in a process of its own as an IT person would run it:
every check passes here (the test machine has the libraries the .deb depends on), the
window's pages are all visited, and the screenshot shows the window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_self_test_passes_and_visits_every_page(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    shot = tmp_path / "window.png"
    done = subprocess.run([sys.executable, "-m", "redband_desktop", "--lang", "en", "self-test",
                           "--screenshot", str(shot)], capture_output=True, text=True, env=env, timeout=240)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert not [line for line in lines if line.startswith("FAIL")]
    for name in ("Qt platform plugin xcb", "font", "card sheet", "mediation file", "window",
                 "page Volunteer roster", "page Audit trail"):
        assert any(line.startswith(f"OK    {name}") for line in lines), (name, done.stdout)
    assert lines[-1].startswith("self-test: ") and lines[-1].endswith(", 0 failed")
    assert shot.stat().st_size > 10_000
    # the station's own data folder was never opened: the test database was a temporary one
    assert not list(Path(env.get("XDG_DATA_HOME", tmp_path / "none")).glob("redband-desktop/*.sqlite3"))
