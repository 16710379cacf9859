"""Backups a station can rely on: verified copies with record counts, retention that keeps
12 daily / 10 weekly / 9 monthly (pre-migration apart), every retained backup restores
and passes the check, export verifies what it wrote, and a bad restore changes nothing."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from redband_desktop.db.backup import Dated, backup_name, to_prune
from redband_desktop.db.health import integrity_problems, table_counts
from redband_desktop.errors import DatabaseError
from redband_desktop.services import Services
from redband_desktop.services.backups.checks import run_checks

pytestmark = pytest.mark.sqlite_only
PASSPHRASE = "金家河 backup 2026"


def test_backup_now_lists_date_kind_size_and_counts(demo_services: Services) -> None:
    info = demo_services.backups.backup_now()
    assert info.kind == "manual" and info.size > 100_000
    assert info.counts["volunteers"] == 1220 and info.counts["districts"] == 6
    assert integrity_problems(info.path) == []
    listed = demo_services.backups.list()
    assert [i.path for i in listed] == [info.path]
    assert not list(info.path.parent.glob("*.partial"))


def test_retention_keeps_12_daily_10_weekly_9_monthly() -> None:
    start = datetime(2026, 11, 28, 17, 0)
    # four backups a day for a year
    backups = [Dated(Path(backup_name("auto", start - timedelta(hours=6 * i))), start - timedelta(hours=6 * i))
               for i in range(4 * 365)]
    dropped = set(to_prune(backups))
    kept = sorted((b for b in backups if b.path not in dropped), key=lambda b: b.taken, reverse=True)
    days = {b.taken.date() for b in kept}
    assert kept[0].taken == start  # the newest always stays
    # the last 12 days each keep their newest backup
    assert {start.date() - timedelta(days=d) for d in range(12)} <= days
    weeks = {b.taken.isocalendar()[:2] for b in kept}
    months = {(b.taken.year, b.taken.month) for b in kept}
    assert len(weeks) >= 10 and len(months) == 9
    assert len(kept) <= 12 + 10 + 9


def test_prune_spares_pre_migration_backups(services: Services, tmp_path: Path) -> None:
    backups = services.backups
    folder = backups.folder()
    apart = folder / "pre-migration"
    apart.mkdir(parents=True)
    old_time = datetime(2020, 1, 1)
    data = backups.backup_now("manual").path.read_bytes()
    for i in range(400):
        (folder / backup_name("auto", old_time + timedelta(days=i))).write_bytes(data)
    (apart / backup_name("pre-migration", old_time)).write_bytes(data)
    backups.prune()
    assert (apart / backup_name("pre-migration", old_time)).exists()
    assert len(list(folder.glob("redband-auto-*.sqlite3"))) <= 12 + 10 + 9


def test_every_retained_backup_restores_and_passes_the_check(demo_services: Services) -> None:
    backups = demo_services.backups
    folder = backups.folder()
    when = datetime(2026, 11, 28, 12, 0)
    expected = {}
    for i in range(5):  # five backups over five days, each with one more district
        info = backups.backup_now("manual")
        stamp = when - timedelta(days=5 - i)
        path = info.path.rename(folder / backup_name("auto", stamp))
        expected[path] = info.counts
        con = sqlite3.connect(demo_services.db.path)
        con.execute("insert into districts(name, officer_name, officer_police_no, officer_phone, sort_order,"
                    " created_at, updated_at, version) values (?, '', '', '', 99, '2026-11-28', '2026-11-28', 1)",
                    (f"新片区{i}",))
        con.commit()
        con.close()
    backups.prune()
    retained = backups.list()
    assert len(retained) == 5
    for info in retained:
        backups.restore(info.path)
        assert all(r.ok for r in run_checks(demo_services)), info.path
        assert table_counts(demo_services.db.path, ("volunteers", "districts", "sites")) == expected[info.path]
        assert demo_services.roster is not None  # services keep working after the swap
        assert demo_services.station.settings().name == "金家河派出所"


def test_restore_saves_a_pre_restore_backup_first(demo_services: Services) -> None:
    backups = demo_services.backups
    first = backups.backup_now()
    con = sqlite3.connect(demo_services.db.path)
    con.execute("delete from settings where key = 'station.initialised_at'")
    con.commit()
    con.close()
    result = backups.restore(first.path)
    assert result.pre_restore is not None and result.pre_restore.parent.name == "pre-restore"
    pre = sqlite3.connect(result.pre_restore)
    assert pre.execute("select count(*) from settings where key='station.initialised_at'").fetchone()[0] == 0
    assert demo_services.station.settings().initialised_at is not None
    kinds = {i.kind for i in backups.list()}
    assert kinds == {"manual", "pre-restore"}


def test_restoring_a_bad_file_changes_nothing(demo_services: Services, tmp_path: Path) -> None:
    live = demo_services.db.path
    demo_services.db.dispose()
    before = table_counts(live, ("volunteers",))
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8192)
    foreign = tmp_path / "foreign.sqlite3"
    sqlite3.connect(foreign).execute("create table t(x)").connection.close()
    newer = demo_services.backups.backup_now().path
    con = sqlite3.connect(newer)
    con.execute("update alembic_version set version_num='9999_future'")
    con.commit()
    con.close()
    for bad in (garbage, foreign, newer, tmp_path / "missing.sqlite3"):
        with pytest.raises(DatabaseError) as caught:
            demo_services.backups.restore(bad)
        assert caught.value.code == "restore_bad_file"
        assert "未改动" in caught.value.message("zh_CN")
    assert table_counts(live, ("volunteers",)) == before
    assert not list(live.parent.glob("*.restoring*"))


def test_export_writes_a_verified_copy(demo_services: Services, tmp_path: Path) -> None:
    dest = tmp_path / "usb" / "station.rbk"
    info = demo_services.backups.export(dest, PASSPHRASE, PASSPHRASE)
    assert info.counts["volunteers"] == 1220 and dest.exists()
    assert not list(dest.parent.glob("*.partial"))
    assert not list(demo_services.db.path.parent.glob("*.exporting*"))  # the plain copy is gone


def test_export_to_an_unwritable_place_is_a_clear_error(demo_services: Services, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(DatabaseError) as caught:
        demo_services.backups.export(blocker / "x.sqlite3", PASSPHRASE)
    assert caught.value.code == "backup_write_failed"


def test_auto_backup_only_after_changes_and_at_most_every_30_minutes(services: Services) -> None:
    backups = services.backups
    first = backups.auto_backup_if_due()
    assert first is not None and first.kind == "auto"
    assert backups.auto_backup_if_due() is None  # too soon
    later = datetime.now() + timedelta(minutes=31)
    assert backups.auto_backup_if_due(now=later) is None  # nothing changed
    services.station.initialise("金家河派出所")
    assert backups.auto_backup_if_due(now=later) is not None


def test_backup_on_exit_only_when_something_changed(services: Services) -> None:
    backups = services.backups
    assert backups.backup_on_exit() is not None  # no backup yet
    assert backups.backup_on_exit() is None


def test_backup_folder_setting(services: Services, tmp_path: Path) -> None:
    second_disk = tmp_path / "D" / "红袖标备份"
    services.backups.set_folder(second_disk)
    assert services.backups.folder() == second_disk
    info = services.backups.backup_now()
    assert info.path.parent == second_disk
    services.backups.set_folder(None)
    assert services.backups.folder() == services.backups.default_folder()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError) as caught:
        services.backups.set_folder(blocker)
    assert caught.value.code == "backup_folder_invalid"


def test_a_file_named_like_a_backup_with_no_such_date_is_not_one(services: Services) -> None:
    folder = services.backups.folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "redband-auto-20261131-120000.sqlite3").write_bytes(b"")
    assert services.backups.list() == []
    assert all(r.ok for r in run_checks(services) if r.name == "audit_anchors")
