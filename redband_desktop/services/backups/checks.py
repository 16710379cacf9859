"""`redband check`: is the station's database sound?

`CHECKS` is the list the command runs, in order; each entry is a name and a function of
the `Services` that returns a `CheckResult`, or any object with `.ok` and `.problems`
(as an audit-chain verifier does). Adding a check is adding one entry. A check that
raises is reported as failed with the error, so one broken check never hides the rest;
one the signed-in user may not run (PermissionDenied) is reported as skipped, with why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from redband_desktop.db.health import CheckResult, foreign_key_problems, integrity_problems
from redband_desktop.errors import PermissionDenied, RedbandError

Check = tuple[str, Callable[[Any], Any]]


def _integrity(services: Any) -> CheckResult:
    path = services.db.path
    if path is None:  # PostgreSQL checks its own pages; nothing for us to read
        return CheckResult("integrity", True, skipped=True)
    return CheckResult("integrity", *_verdict(integrity_problems(path)))


def _foreign_keys(services: Any) -> CheckResult:
    path = services.db.path
    problems = foreign_key_problems(path) if path is not None else _orphans(services.db)
    return CheckResult("foreign_keys", *_verdict(problems))


def _orphans(db: Any) -> list[str]:
    """Rows whose foreign key points at nothing, by query (for servers without a pragma)."""
    from redband_desktop.db.models import Base

    found = []
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            for fk in table.foreign_keys:
                child, parent = fk.parent, fk.column
                orphan = (select(func.count()).select_from(table)
                          .where(child.is_not(None))
                          .where(~select(parent).where(parent == child).exists()))
                n = s.scalar(orphan)
                if n:
                    found.append(f"{table.name}.{child.name} → {parent.table.name}: {n}")
    return found


def _schema(services: Any) -> CheckResult:
    from redband_desktop.db.migrate import current_revision, head_revision

    with services.db.engine.connect() as conn:
        current = current_revision(conn)
    head = head_revision()
    if current == head:
        return CheckResult("schema", True)
    return CheckResult("schema", False, (f"schema {current}, this program expects {head}",))


def _audit_chain(services: Any) -> Any:
    """The chain's soundness reveals nothing of the trail's content, so the check runs
    for anyone who may open the file (reading the entries still needs an auditor)."""
    from redband_desktop.services.shared.audit_log import verify_chain

    with services.db.read() as s:
        return verify_chain(s)


def _audit_triggers(services: Any) -> CheckResult:
    """The triggers that refuse UPDATE, DELETE and out-of-order INSERT on the trail."""
    from redband_desktop.db.audit_guard import trigger_problems

    with services.db.engine.connect() as conn:
        return CheckResult("audit_triggers", *_verdict(trigger_problems(conn)))


def _audit_anchors(services: Any) -> CheckResult:
    """The live chain against the witness file and every readable backup of this station."""
    from redband_desktop.services.shared.chain_anchors import compare_with_anchors

    if not services.backups.available:  # a server's backups are its administrator's
        return CheckResult("audit_anchors", True, skipped=True)
    anchors, unreadable = services.backups.anchors()
    with services.db.read() as s:
        report = compare_with_anchors(s, anchors, unreadable)
    return CheckResult("audit_anchors", *_verdict(list(report.problems)))


CHECKS: list[Check] = [
    ("integrity", _integrity),
    ("foreign_keys", _foreign_keys),
    ("schema", _schema),
    ("audit_chain", _audit_chain),
    ("audit_triggers", _audit_triggers),
    ("audit_anchors", _audit_anchors),
]


def run_checks(services: Any, checks: list[Check] | None = None) -> list[CheckResult]:
    results = []
    for name, check in checks or CHECKS:
        try:
            outcome = check(services)
        except PermissionDenied as exc:  # e.g. the audit chain needs an auditor's sign-in
            outcome = CheckResult(name, True, (exc.message("en"),), skipped=True)
        except RedbandError as exc:
            outcome = CheckResult(name, False, (exc.message("en"),))
        except Exception as exc:  # noqa: BLE001 - reported, not hidden
            outcome = CheckResult(name, False, (f"{type(exc).__name__}: {exc}",))
        results.append(_as_result(name, outcome))
    return results


def _as_result(name: str, outcome: Any) -> CheckResult:
    if isinstance(outcome, CheckResult):
        return outcome
    problems = tuple(str(p) for p in (getattr(outcome, "problems", None) or ()))
    return CheckResult(name, bool(outcome.ok), problems)


def _verdict(problems: list[str]) -> tuple[bool, tuple[str, ...]]:
    return (not problems, tuple(problems[:50]))
