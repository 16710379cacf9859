"""The audit chain anchored outside the database file (issue #13, item 8): every verified
backup and a line of the witness file beside the backups record the chain's head, and
`check` and the audit page compare the live chain with all of them. Cutting off the end
and rewriting the checkpoint, or editing an entry and recomputing every later hash and
the checkpoint, passes the chain's own check but not this one, which names the first
entry where database and anchor part. A restore winds the chain back on purpose and is
not mistaken for tampering."""

from __future__ import annotations

import pytest
import tamper

from redband_desktop.services import Services
from redband_desktop.services.backups.checks import run_checks

pytestmark = pytest.mark.sqlite_only


def read(folder):  # noqa: ANN001, ANN202 - the witness file's lines and unreadable line numbers
    from redband_desktop.services.backups.witness import read as read_witness

    return read_witness(folder)


def _anchors(services: Services):  # noqa: ANN202 - CheckResult
    found = [r for r in run_checks(services) if r.name == "audit_anchors"]
    assert found, "no audit_anchors check"
    return found[0]


def _chain(services: Services):  # noqa: ANN202 - CheckResult
    return next(r for r in run_checks(services) if r.name == "audit_chain")


def _busy_station(services: Services, districts: int = 5) -> None:
    services.station.initialise("金家河派出所")
    for i in range(districts):
        services.structure.create_district(f"片区{i}")


def test_every_backup_writes_the_chain_head_to_the_witness_file(services: Services) -> None:
    _busy_station(services)
    info = services.backups.auto_backup_if_due()
    lines, bad = read(services.backups.folder())
    assert not bad and len(lines) == 1
    line = lines[0]
    assert line.kind == "auto" and line.station == services.backups.station_id()
    with services.db.read() as s:
        from redband_desktop.services.shared.audit_log import chain_head

        assert (line.entry, line.hash) == chain_head(s)
    assert info is not None and _anchors(services).ok


def test_a_cut_tail_with_a_rewritten_checkpoint_is_found(services: Services) -> None:
    _busy_station(services)
    services.backups.auto_backup_if_due()
    head = tamper.last_id(services.db)
    tamper.cut_tail(services.db, head - 2)
    assert _chain(services).ok  # the chain in the file is consistent in itself…
    result = _anchors(services)  # …but the witness and the backup remember more
    assert not result.ok
    assert any(p.startswith(f"#{head - 1}") and "removed" in p for p in result.problems), result.problems
    report = services.audit.verify()
    assert not report.ok and report.first_bad_id == head - 1 and report.anchors == 2


def test_an_edited_entry_with_every_later_hash_recomputed_is_found(services: Services) -> None:
    _busy_station(services)
    services.backups.backup_now("manual")
    tamper.rewrite(services.db, 3, "没有发生过的事")
    assert _chain(services).ok
    result = _anchors(services)
    assert not result.ok
    assert any(p.startswith("#3:") and "rewritten" in p for p in result.problems), result.problems
    assert services.audit.verify().first_bad_id == 3


def test_the_witness_file_alone_still_finds_a_rewrite(services: Services) -> None:
    """With the backups gone, the witness names the range the first changed entry lies in."""
    _busy_station(services)
    services.backups.auto_backup_if_due()
    head = tamper.last_id(services.db)
    for info in services.backups.list():
        info.path.unlink()
    tamper.rewrite(services.db, head - 1, "改过")
    result = _anchors(services)
    assert not result.ok and any(f"#1–#{head}" in p for p in result.problems), result.problems


def test_a_forged_entry_after_the_checkpoint_is_found_even_with_backups(services: Services) -> None:
    _busy_station(services)
    services.backups.auto_backup_if_due()
    forged = tamper.append_forged(services.db)
    assert not _chain(services).ok and services.audit.verify().first_bad_id == forged


def test_restoring_an_older_backup_is_not_tampering(services: Services, tmp_path) -> None:  # noqa: ANN001
    _busy_station(services, 2)
    older = tmp_path / "older.sqlite3"
    services.backups.backup_now("manual").path.rename(older)  # retention keeps one a day
    services.structure.create_district("后来的片区")
    services.backups.backup_now("manual")
    services.structure.create_district("更后来的片区")
    services.backups.restore(older)
    assert _anchors(services).ok and _chain(services).ok
    lines, _ = read(services.backups.folder())
    assert lines[-1].kind == "restore"
    # and the chain as restored is anchored again: rewriting it now is found
    tamper.rewrite(services.db, 2, "改过")
    assert not _anchors(services).ok


def test_a_witness_line_that_does_not_parse_is_reported(services: Services) -> None:
    _busy_station(services)
    services.backups.auto_backup_if_due()
    with (services.backups.folder() / "audit-witness.txt").open("a", encoding="utf-8") as f:
        f.write("not a witness line\n")
    result = _anchors(services)
    assert not result.ok and any("cannot be read" in p for p in result.problems)


def test_another_databases_witness_lines_and_backups_are_not_compared(services: Services, tmp_path) -> None:  # noqa: ANN001
    """Two databases backing up into one folder each compare only their own anchors."""
    from conftest import sign_in_admin

    from redband_desktop.db.engine import Database, database_url
    from redband_desktop.db.migrate import migrate
    from redband_desktop.services import build_services

    _busy_station(services)
    services.backups.auto_backup_if_due()
    other_path = tmp_path / "other.sqlite3"
    migrate(database_url(other_path), None)
    other_db = Database(database_url(other_path))
    other = sign_in_admin(build_services(other_db, services.backups.default_folder()))
    other.station.initialise("另一个派出所")
    other.backups.backup_now("manual")
    try:
        assert _anchors(services).ok and _anchors(other).ok
        assert len(services.backups.anchors()[0]) == 2 and len(other.backups.anchors()[0]) == 2
    finally:
        other_db.dispose()
