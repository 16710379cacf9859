"""The app's start-up measured like the floor: a whole process that opens (and checks the
schema of) the station, signs in, shows the main window with its home page, paints it once
and quits. `python app_startup.py STATION.sqlite3 HOME`; prints the peak RSS in MB.
Signing in goes through `open_main_window(sign_in=…)` as the tests do (no dialog)."""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from redband_desktop.app import open_main_window  # noqa: E402
from redband_desktop.paths import UserDirs  # noqa: E402

window = open_main_window(sys.argv[1], UserDirs.under(Path(sys.argv[2])),
                          sign_in=lambda services: services.accounts.sign_in("bench", "Speed#2026pw"))
assert not isinstance(window, int), window
window.resize(1366, 728)
window.show()
app.processEvents()
window.grab()
# VmHWM, not ru_maxrss: after fork + exec that still holds the parent's (pytest's) peak
print(next(int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM")) / 1024)
