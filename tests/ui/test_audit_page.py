"""The audit trail page: filters, the rendered changes, verifying the hash chain (and
noticing a row edited behind the program's back), and exporting to .xlsx."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import text

from redband_desktop.domain.access import Role
from redband_desktop.errors import PermissionDenied
from redband_desktop.services.accounts.types import UserForm
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.roster.types import RosterFilter
from redband_desktop.ui.admin.audit_page import AuditPage


@pytest.fixture(autouse=True)
def zh_locale():
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    QLocale.setDefault(old)


@pytest.fixture
def page(qtbot, services):
    user = services.accounts.create_user(UserForm("lisi", "李四", "", Role.CLERK.value), "Initial#2026", "Initial#2026")
    services.accounts.update_user(user.id, user.version, UserForm("lisi", "李四", "A123", Role.VIEWER.value))
    with pytest.raises(PermissionDenied):
        services.accounts.sign_in("lisi", "wrong")
    widget = AuditPage(services)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def column(page: AuditPage, col: int) -> list[str]:
    m = page.model
    return [m.data(m.index(r, col)) for r in range(m.rowCount())]


def test_shows_the_trail_newest_first_with_changes(page, services) -> None:
    total = services.audit.count(AuditFilter())
    assert page.model.rowCount() == total and str(total) in page.count.text()
    assert column(page, 3)[0] == page.action_label("sign_in.failed")
    edit = column(page, 3).index(page.action_label("user.update"))
    changes = column(page, 6)[edit]
    assert "角色: 辅警/录入员 → 只读用户" in changes and "警号: — → A123" in changes
    lisi = next(u for u in services.accounts.users() if u.username == "lisi")
    assert column(page, 4)[edit] == f"用户 #{lisi.id}"


def test_card_actions_read_as_words_in_either_language(qtbot, demo_services, monkeypatch) -> None:
    """Card numbers whole, statuses and actions through their labels: no code on screen."""
    first = demo_services.roster.search(RosterFilter(), 1).first_page[0].id
    card = demo_services.cards.issue(first)
    demo_services.cards.revoke(card.card_no, "调离")
    for lang, action, record, change in (
            ("zh_CN", "注销证件", f"证件 {card.card_no}", "状态: 有效 → 已注销"),
            ("en", "Revoke card", f"ID card {card.card_no}", "Status: Valid → Revoked")):
        monkeypatch.setattr("redband_desktop.ui.admin.audit_page.ui_lang", lambda lang=lang: lang)
        page = AuditPage(demo_services)
        qtbot.addWidget(page)
        assert (column(page, 3)[0], column(page, 4)[0], column(page, 6)[0]) == (action, record, change)
        assert column(page, 3)[1] == ("发证" if lang == "zh_CN" else "Issue card")


def test_sorts_by_a_header_click(page, services) -> None:
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    users = column(page, 1)
    assert users == sorted(users) and "lisi" in users
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert column(page, 3)[0] == page.action_label("sign_in.failed")


def test_filters(qtbot, page, services) -> None:
    bar = page.filters
    bar.action.setCurrentIndex(bar.action.findData("sign_in.failed"))
    assert page.model.rowCount() == 1 and column(page, 1) == ["lisi"]
    bar.clear()
    bar.username.setText("LISI")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    bar.clear()
    bar.text.setText("A123")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    bar.clear()
    lisi = next(u for u in services.accounts.users() if u.username == "lisi")
    bar.record.setText(str(lisi.id))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)  # create, update, failed sign-in
    bar.clear()
    bar.date_from.setDate(QDate.currentDate().addDays(1))
    assert page.model.rowCount() == 0
    bar.date_from.setDate(QDate.currentDate())
    bar.date_to.setDate(QDate.currentDate())
    assert page.model.rowCount() == services.audit.count(AuditFilter())


def test_verify_says_the_trail_is_intact(qtbot, page, services) -> None:
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.verify_button.isEnabled())
    entries = services.audit.count(AuditFilter())
    assert page.verdict.isVisible() and f"{entries}" in page.verdict.text()
    assert "2e7d32" in page.verdict.styleSheet()


def test_verify_shows_a_row_changed_behind_the_programs_back(qtbot, page, services) -> None:
    with services.db.write() as s:
        s.execute(text("DROP TRIGGER audit_log_no_update"))
        s.execute(text("UPDATE audit_log SET summary = 'nothing happened' WHERE id = 2"))
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.verify_button.isEnabled())
    assert "c62828" in page.verdict.styleSheet()
    assert "#2" in page.verdict.text() and "content changed" in page.verdict.text()


def test_export_writes_the_filtered_trail_and_is_itself_recorded(qtbot, page, services, tmp_path, monkeypatch) -> None:
    target = tmp_path / "trail"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.filters.username.setText("admin")
    qtbot.waitUntil(lambda: page.model.rowCount() == services.audit.count(AuditFilter(username="admin")))
    expected = page.model.rowCount()
    page.export_button.click()
    qtbot.waitUntil(lambda: page.export_button.isEnabled() and (tmp_path / "trail.xlsx").exists())
    rows = list(load_workbook(io.BytesIO((tmp_path / "trail.xlsx").read_bytes())).active.iter_rows(values_only=True))
    assert len(rows) == expected + 1 and rows[0] == ("时间", "用户", "电脑", "操作", "记录", "摘要", "变更内容")
    assert {r[1] for r in rows[1:]} == {"admin"}
    newest = services.audit.page(AuditFilter(), 0, 1)[0]
    assert (newest.action, newest.entity, newest.summary) == ("export", "audit", f"{expected} 行，已脱敏")
    assert page.model.rowCount() == expected + 1  # the page reloaded and shows the export



@pytest.mark.sqlite_only
def test_verify_compares_with_the_backups_and_names_the_first_rewritten_entry(qtbot, page, services) -> None:
    import tamper

    services.backups.backup_now()
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.verify_button.isEnabled())
    assert "2e7d32" in page.verdict.styleSheet() and "2" in page.verdict.text()  # a backup and a witness line
    tamper.rewrite(services.db, 2, "nothing happened")  # every later hash and the checkpoint recomputed
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.verify_button.isEnabled())
    assert "c62828" in page.verdict.styleSheet()
    assert "#2" in page.verdict.text() and "rewritten" in page.verdict.text()
