"""The rules of the mediation case book: numbers, the one-month deadline, follow-ups."""

from __future__ import annotations

from datetime import date

from redband_desktop.domain.mediation import (
    CaseStatus,
    DisputeType,
    OutcomeKind,
    add_months,
    case_number,
    deadline,
    follow_up_due,
    is_due_soon,
    is_overdue,
    parse_case_number,
)


def test_case_number_round_trip() -> None:
    assert case_number(2026, 12) == "(2026)人调字第12号"
    assert parse_case_number("（2026）人调字第12号") == (2026, 12)
    assert parse_case_number("2026-12") is None


def test_labels_in_both_languages() -> None:
    assert DisputeType.HOUSING.label() == "房屋宅基地"
    assert DisputeType.parse("Road accident") is DisputeType.TRAFFIC
    assert len(DisputeType) == 15
    assert OutcomeKind.ORAL.is_agreement and not OutcomeKind.WITHDRAWN.is_agreement


def test_deadline_is_one_month_clamped_and_extendable() -> None:
    assert deadline(date(2026, 3, 15)) == date(2026, 4, 15)
    assert deadline(date(2026, 1, 31)) == date(2026, 2, 28)
    assert deadline(date(2026, 12, 20)) == date(2027, 1, 20)
    assert deadline(date(2026, 3, 15), 15) == date(2026, 4, 30)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)


def test_overdue_and_due_soon_only_while_open() -> None:
    due = date(2026, 11, 20)
    assert is_overdue(CaseStatus.MEDIATING, due, date(2026, 11, 21))
    assert not is_overdue(CaseStatus.MEDIATING, due, due)
    assert not is_overdue(CaseStatus.CLOSED, due, date(2026, 12, 30))
    assert is_due_soon(CaseStatus.REGISTERED, due, date(2026, 11, 15))
    assert not is_due_soon(CaseStatus.REGISTERED, due, date(2026, 11, 1))


def test_follow_up_due_a_month_after_agreement_without_visit() -> None:
    agreed = date(2026, 10, 1)
    assert follow_up_due(CaseStatus.AGREED, agreed, 0, date(2026, 10, 31))
    assert not follow_up_due(CaseStatus.AGREED, agreed, 0, date(2026, 10, 30))
    assert not follow_up_due(CaseStatus.AGREED, agreed, 1, date(2026, 12, 1))
    assert not follow_up_due(CaseStatus.CLOSED, agreed, 0, date(2026, 12, 1))
