"""The start-up floor: a bare PySide6 window with a table, filled by one SQLAlchemy query
on the station's database (the first 50 volunteers by pinyin and their count). reportlab
is imported too, as in the issue's measurement. Run as a whole process:
`python startup_floor.py STATION.sqlite3`; prints the peak RSS in MB. The process quits
once the window is shown and the table painted."""

import sys
from pathlib import Path

import reportlab.pdfgen.canvas  # noqa: F401 - part of the floor, as in the issue
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem
from sqlalchemy import create_engine, text

app = QApplication(sys.argv[:1])
engine = create_engine(f"sqlite:///{sys.argv[1]}")
with engine.connect() as conn:
    total = conn.execute(text("SELECT count(*) FROM volunteers")).scalar_one()
    rows = conn.execute(text("SELECT name, phone, joined_on FROM volunteers ORDER BY name_pinyin LIMIT 50")).all()
window = QMainWindow()
table = QTableWidget(len(rows), 3)
for r, row in enumerate(rows):
    for c, value in enumerate(row):
        table.setItem(r, c, QTableWidgetItem(str(value)))
window.setCentralWidget(table)
window.setWindowTitle(f"{total}")
window.resize(1366, 728)
window.show()
app.processEvents()
window.grab()  # painted once
# VmHWM, not ru_maxrss: after fork + exec that still holds the parent's (pytest's) peak
print(next(int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM")) / 1024)
