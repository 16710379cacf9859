"""`make bench-dist`: how big the bundle and the .deb are, and how fast the bundle starts
against running from source. Figures, not a pass/fail test; written to dist/bench.json.

Start-up is measured as a user meets it, on a real X server (Xvfb, 1366×768) with the
demonstration station: from launching the program until the sign-in dialog is on screen,
and from pressing Enter on the filled-in dialog until the main window is. Windows are
found with xdotool by title (no hook in the program). Each way runs once cold (first
start after the other one) and then RUNS times; the medians of those are reported.

    python installer/bench_dist.py [RUNS]
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "redband"
SOURCE = [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "main.py")]
PASSWORD = "Station#2026"
DISPLAY = ":77"


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def wait_for(title: str, since: float, timeout: float = 60) -> float:
    """Seconds from `since` until a visible window whose title matches `title` exists."""
    while time.monotonic() - since < timeout:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title],
                               capture_output=True, text=True, env={**os.environ, "DISPLAY": DISPLAY})
        if found.stdout.strip():
            return time.monotonic() - since
        time.sleep(0.02)
    raise TimeoutError(f"no window {title!r} after {timeout}s")


def one_start(program: list[str], db: Path, env: dict[str, str]) -> tuple[float, float]:
    started = time.monotonic()
    proc = subprocess.Popen([*program, "--db", str(db), "--lang", "en"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        to_dialog = wait_for("^Sign in", started)
        time.sleep(0.3)  # the dialog takes keys once it has focus
        for keys in (["type", "--delay", "0", "admin"], ["key", "Tab"], ["type", "--delay", "0", PASSWORD]):
            subprocess.run(["xdotool", *keys], env=env, check=True)
        pressed = time.monotonic()
        subprocess.run(["xdotool", "key", "Return"], env=env, check=True)
        to_window = wait_for("— 红袖标 Desktop$", pressed)
        return to_dialog, to_window
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def startup(runs: int, work: Path) -> dict:
    env = {**os.environ, "DISPLAY": DISPLAY, "HOME": str(work), "XDG_DATA_HOME": str(work / "data"),
           "XDG_STATE_HOME": str(work / "state"), "REDBAND_PASSWORD": PASSWORD}
    env.pop("QT_QPA_PLATFORM", None)
    db = work / "station.sqlite3"
    subprocess.run([str(BUNDLE / "redband"), "--db", str(db), "init", "--demo", "--admin", "admin"],
                   env=env, check=True, capture_output=True)
    ways = {"bundle": [str(BUNDLE / "redband-desktop")], "source": SOURCE}
    figures: dict = {}
    for name, program in ways.items():
        cold = one_start(program, db, env)
        warm = [one_start(program, db, env) for _ in range(runs)]
        figures[name] = {
            "cold_to_sign_in_s": round(cold[0], 2),
            "to_sign_in_s": round(statistics.median(w[0] for w in warm), 2),
            "sign_in_to_window_s": round(statistics.median(w[1] for w in warm), 2),
        }
    return figures


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    size, files = folder_size(BUNDLE)
    debs = sorted((ROOT / "dist").glob("redband-desktop_*.deb"))
    result = {"bundle_bytes": size, "bundle_MB": round(size / 1e6, 1), "bundle_MiB": round(size / 2**20, 1),
              "bundle_files": files, "deb_bytes": debs[-1].stat().st_size if debs else None}
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    work = Path(tempfile.mkdtemp(prefix="redband-bench-"))
    try:
        time.sleep(1)
        result["startup"] = startup(runs, work)
    finally:
        xvfb.terminate()
        shutil.rmtree(work, ignore_errors=True)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    (ROOT / "dist" / "bench.json").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
