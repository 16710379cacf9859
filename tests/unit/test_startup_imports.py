"""What every start pays for: opening a station whose schema is current and loading the
window's code import neither Alembic (its scripts are read only when there is something
to upgrade) nor pypinyin (its phrase dictionary is decoded only once a name needs pinyin)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from redband_desktop.db.engine import database_url
from redband_desktop.db.migrate import migrate

PROBE = """
import sys
from redband_desktop.services.opening import open_station
services = open_station({url!r}, None)
import redband_desktop.cli, redband_desktop.ui.main_window
services.roster.search  # the roster's reading path is there
print(*(name in sys.modules for name in ("alembic", "pypinyin")))
"""


def test_a_current_station_opens_without_alembic_or_pypinyin(tmp_path: Path) -> None:
    url = database_url(tmp_path / "station.sqlite3")
    migrate(url, None)
    out = subprocess.run([sys.executable, "-c", PROBE.format(url=url)], capture_output=True, text=True,
                         check=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}).stdout
    assert out.split() == ["False", "False"]


def test_pinyin_is_still_made_when_a_name_is_saved() -> None:
    from redband_desktop.domain.names import name_pinyin

    assert name_pinyin("单雄信") == ("shanxiongxin", "sxx")
