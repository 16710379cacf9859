"""Portable mode: a `portable.txt` beside a frozen bundle's executable keeps every folder
(database, backups, logs, settings) in `data/` beside it; otherwise the per-user folders.
From source there is no such marker: "beside the executable" would be Python's folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from redband_desktop.paths import UserDirs, portable_root, program_dir


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to run as the frozen program tmp_path/redband/redband."""
    folder = tmp_path / "redband"
    folder.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "redband"))
    return folder


def test_a_bundle_without_the_marker_uses_the_per_user_folders(bundle: Path, tmp_path: Path) -> None:
    dirs = UserDirs.default()
    assert program_dir() == bundle.resolve()
    assert not dirs.portable
    assert bundle not in dirs.data.parents
    assert str(tmp_path / "home") in str(dirs.data)  # the tests' private XDG folders


def test_the_marker_puts_everything_beside_the_program(bundle: Path) -> None:
    (bundle / "portable.txt").write_text("", encoding="utf-8")
    dirs = UserDirs.default()
    data = bundle.resolve() / "data"
    assert dirs.portable
    assert (dirs.data, dirs.logs, dirs.backups) == (data, data / "logs", data / "backups")
    assert dirs.default_db == data / "redband.sqlite3"
    dirs.set_database("/srv/station.sqlite3")  # the chosen database location is a setting too
    assert (data / "database-location.txt").is_file()
    assert UserDirs.default().database() == "/srv/station.sqlite3"


def test_a_folder_named_portable_txt_is_no_marker(bundle: Path) -> None:
    (bundle / "portable.txt").mkdir()
    assert portable_root() is None


def test_from_source_the_marker_is_not_looked_for(tmp_path: Path) -> None:
    assert not getattr(sys, "frozen", False)
    assert program_dir() is None
    assert portable_root() is None
    (tmp_path / "portable.txt").touch()
    assert portable_root(tmp_path) == tmp_path / "data"
