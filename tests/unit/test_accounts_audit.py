"""Accounts, sign-in lockout, the audit trail and its tamper detection, and purging the
personal data of long-gone volunteers."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

import pytest

from redband_desktop.db.engine import Database, database_url
from redband_desktop.errors import PermissionDenied, ValidationError
from redband_desktop.services import build_services
from redband_desktop.services.accounts.types import UserForm
from redband_desktop.services.audit.types import AuditFilter

PASSWORD = "Clerk#2026x"


@pytest.mark.sqlite_only
def test_argon2id_hashes_and_weak_passwords_refused(services) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as caught:
        services.accounts.create_user(UserForm("zhangsan", "张三", role="clerk"), "abc", "abc")
    assert caught.value.problems[0].code == "password_short"
    with pytest.raises(ValidationError) as caught:
        services.accounts.create_user(UserForm("zhangsan", "张三", role="clerk"), "abcdefgh1", "abcdefgh1")
    assert caught.value.problems[0].code == "password_weak"
    services.accounts.create_user(UserForm("zhangsan", "张三", role="clerk"), PASSWORD, PASSWORD)
    with sqlite3.connect(services.db.path) as con:
        stored = con.execute("select password_hash from users where username='zhangsan'").fetchone()[0]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_new_account_must_change_password_before_working(services) -> None:  # noqa: ANN001
    services.accounts.create_user(UserForm("zhangsan", "张三", role="clerk"), PASSWORD, PASSWORD)
    actor = services.accounts.sign_in("zhangsan", PASSWORD)
    assert actor.must_change_password
    with pytest.raises(PermissionDenied) as caught:
        services.structure.create_site(1, "compound", "新小区")
    assert caught.value.code == "must_change_password"
    services.accounts.change_password(PASSWORD, "Better#2026", "Better#2026")
    assert not services.access.user.must_change_password


@pytest.mark.sqlite_only
def test_five_wrong_passwords_lock_for_15_minutes_even_after_restart(services, db_path) -> None:  # noqa: ANN001
    services.accounts.create_user(UserForm("zhangsan", "张三", role="clerk"), PASSWORD, PASSWORD)
    for _attempt in range(4):
        with pytest.raises(PermissionDenied) as caught:
            services.accounts.sign_in("zhangsan", "wrong")
        assert caught.value.code == "sign_in_failed"
    with pytest.raises(PermissionDenied) as caught:
        services.accounts.sign_in("zhangsan", "wrong")
    assert caught.value.code == "account_locked"
    restarted = build_services(Database(database_url(db_path)))  # a new program start
    with pytest.raises(PermissionDenied) as caught:
        restarted.accounts.sign_in("zhangsan", PASSWORD)
    assert caught.value.code == "account_locked"
    with sqlite3.connect(db_path) as con:  # 15 minutes later
        con.execute("update users set locked_until=? where username='zhangsan'",
                    ((datetime.now() - timedelta(seconds=1)).isoformat(sep=" "),))
    assert restarted.accounts.sign_in("zhangsan", PASSWORD).username == "zhangsan"


def test_admin_can_unlock_and_reset(services) -> None:  # noqa: ANN001
    row = services.accounts.create_user(UserForm("zhangsan", "张三", role="clerk"), PASSWORD, PASSWORD)
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            services.accounts.sign_in("zhangsan", "wrong")
    services.accounts.sign_in("admin", "Station#2026")
    services.accounts.unlock(row.id)
    services.accounts.reset_password(row.id, "Reset#2026a", "Reset#2026a")
    assert services.accounts.sign_in("zhangsan", "Reset#2026a").must_change_password


def test_last_admin_cannot_be_demoted(services) -> None:  # noqa: ANN001
    admin = next(u for u in services.accounts.users() if u.username == "admin")
    with pytest.raises(ValidationError) as caught:
        services.accounts.update_user(admin.id, admin.version, UserForm("admin", "系统管理员", role="clerk"))
    assert caught.value.problems[0].code == "last_admin"


def test_every_action_and_sign_in_is_in_the_trail(services) -> None:  # noqa: ANN001
    d = services.structure.create_district("金家河片区")
    services.structure.rename_district(d.id, d.version, "金家河一片区")
    with pytest.raises(PermissionDenied):
        services.accounts.sign_in("admin", "wrong")
    rows = services.audit.page(AuditFilter(), 0, 50)
    actions = [r.action for r in rows]
    assert actions[:3] == ["sign_in.failed", "rename", "create"]
    rename = rows[1]
    assert rename.changes == {"name": ["金家河片区", "金家河一片区"]}
    assert rename.username == "admin" and rename.host
    assert services.audit.verify().ok


def _raw(db_path, sql: str, *args) -> None:  # noqa: ANN001
    with sqlite3.connect(db_path) as con:
        con.execute(sql, args)


@pytest.mark.sqlite_only
def test_audit_rows_cannot_be_updated_or_deleted(services, db_path) -> None:  # noqa: ANN001
    services.structure.create_district("金家河片区")
    for sql in ("update audit_log set summary='x'", "delete from audit_log"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            _raw(db_path, sql)


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        ("update audit_log set summary='改过了' where id=2", "#2: 记录后内容被改动"),
        ("delete from audit_log where id=2", "#2–#2: 缺失"),
        ("delete from audit_log where id=(select max(id) from audit_log)", "最新的记录被删除"),
    ],
)
@pytest.mark.sqlite_only
def test_check_reports_where_the_chain_breaks(services, db_path, tamper, expected) -> None:  # noqa: ANN001
    for n in range(4):
        services.structure.create_district(f"片区{n}")
    assert services.audit.verify().ok
    with sqlite3.connect(db_path) as con:  # someone with the file and a SQLite tool
        con.execute("drop trigger audit_log_no_update")
        con.execute("drop trigger audit_log_no_delete")
        con.execute(tamper)
    report = services.audit.verify()
    assert not report.ok
    assert any(expected in p for p in report.problems), report.problems


@pytest.mark.sqlite_only
def test_purge_erases_personal_data_but_keeps_statistics(demo_services) -> None:  # noqa: ANN001
    svc = demo_services
    before = svc.stats.volunteers()
    svc.station.update_security(idle_minutes=15, purge_after_years=1)
    due = svc.privacy.candidates()
    assert due.purged > 0
    assert svc.privacy.purge().purged == due.purged
    assert svc.privacy.candidates().purged == 0
    after = svc.stats.volunteers()
    assert after == before
    with sqlite3.connect(svc.db.path) as con:
        rows = con.execute("select name, id_number, phone, address, birth_date from volunteers "
                           "where purged_at is not null").fetchall()
        photos = con.execute("select count(*) from volunteer_photos p join volunteers v "
                             "on v.id = p.volunteer_id where v.purged_at is not null").fetchone()[0]
    assert len(rows) == due.purged and photos == 0
    assert all(r[0] == "（已清除）" and r[1].startswith("P") and r[2] == "" and r[3] == "" for r in rows)
    assert all(r[4].endswith("-01-01") for r in rows)
    assert svc.audit.page(AuditFilter(action="purge"), 0, 1)[0].summary.startswith(str(due.purged))
    assert date.today().year - due.cutoff.year == 1


@pytest.mark.sqlite_only
def test_redband_check_reports_a_tampered_trail(tmp_path, monkeypatch, capsys) -> None:  # noqa: ANN001
    import json

    from redband_desktop.cli import main

    db = str(tmp_path / "s.sqlite3")
    monkeypatch.setenv("REDBAND_PASSWORD", "Jjh#2026pass")
    assert main(["--db", db, "init", "--station", "金家河派出所", "--admin", "chenqing"]) == 0
    assert main(["--db", db, "check"]) == 0
    capsys.readouterr()
    with sqlite3.connect(db) as con:
        con.execute("drop trigger audit_log_no_delete")
        con.execute("delete from audit_log where id = 1")
    assert main(["--db", db, "check", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    chain = next(c for c in report["checks"] if c["name"] == "audit_chain")
    assert not chain["ok"] and any("#1" in p for p in chain["problems"])
