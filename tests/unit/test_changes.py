"""What an action changed reaches the change feed once, after its transaction committed,
with every kind it touched; a refused or failed action tells nobody."""

from __future__ import annotations

from datetime import date

import pytest

from redband_desktop.errors import ValidationError
from redband_desktop.services.incidents.types import IncidentFilter
from redband_desktop.services.roster.types import RosterFilter
from redband_desktop.services.shared.changes import Change, kinds_of


def test_each_committed_action_is_told_once_with_what_it_changed(demo_services) -> None:  # noqa: ANN001
    told: list[Change] = []
    demo_services.changes.subscribe(told.append)
    row = demo_services.incidents.search(IncidentFilter(status="open"), 1).first_page[0]
    with pytest.raises(ValidationError):
        demo_services.incidents.reopen(row.id, row.version, "")  # refused: nothing saved, nothing told
    assert told == []
    demo_services.incidents.close(row.id, row.version, "mediated")
    assert told == [Change.INCIDENTS | Change.AUDIT]
    someone = demo_services.roster.search(RosterFilter(status="active"), 1).first_page[0]
    demo_services.cards.issue(someone.id)
    told.clear()
    demo_services.roster.change_status(someone.id, someone.version, "left", date(2026, 11, 1), "搬离辖区")
    assert told == [Change.VOLUNTEERS | Change.CARDS | Change.AUDIT]  # the card was revoked with it


def test_reading_and_exporting_change_nothing_shown(demo_services) -> None:  # noqa: ANN001
    told: list[Change] = []
    unsubscribe = demo_services.changes.subscribe(told.append)
    demo_services.incidents.search(IncidentFilter(), 10)
    assert told == []
    demo_services.incidents.export(IncidentFilter())
    assert told == [Change.AUDIT]
    unsubscribe()
    demo_services.incidents.export(IncidentFilter())
    assert told == [Change.AUDIT]


def test_every_audited_record_type_has_a_kind() -> None:
    assert kinds_of("assign", "building") == Change.HEADS | Change.AUDIT
    assert kinds_of("settings", "card") == Change.SETTINGS | Change.AUDIT
    assert kinds_of("print", "card") == Change.CARDS | Change.AUDIT  # copies printed are counted
    assert kinds_of("print", "mediation") == Change.AUDIT
    with pytest.raises(ValueError, match="no change kind"):
        kinds_of("create", "spaceship")


def test_the_trail_records_only_actions_and_records_it_can_name(services) -> None:  # noqa: ANN001
    """An action or record kind missing from domain.audit would reach the audit page as a
    code: recording it is refused before anything is written."""
    from redband_desktop.domain.audit import AuditEntity
    from redband_desktop.services.audit.types import AuditFilter
    from redband_desktop.services.shared.audit_log import record
    from redband_desktop.services.shared.changes import _ENTITIES

    assert {e.value for e in AuditEntity} == set(_ENTITIES)
    before = services.audit.count(AuditFilter())
    for action, entity in (("teleport", "volunteer"), ("create", "spaceship")):
        with pytest.raises(ValueError), services.db.write() as s:
            record(s, services.access, action, entity, 1)
    assert services.audit.count(AuditFilter()) == before
