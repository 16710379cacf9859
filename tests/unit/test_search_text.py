"""Issue #13 item 20: in every search `%` and `_` are the characters typed, not wildcards,
and a long pasted text is cut to the search cap instead of failing in the database
("LIKE or GLOB pattern too complex")."""

from __future__ import annotations

from datetime import date, datetime

from redband_desktop.domain.mediation import CaseSource, DisputeType
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.cards.types import CardFilter
from redband_desktop.services.clues.types import ClueFilter, ClueForm
from redband_desktop.services.incidents.types import IncidentFilter, IncidentForm
from redband_desktop.services.mediation.types import CaseForm, MediationFilter
from redband_desktop.services.roster.types import RosterFilter
from redband_desktop.services.shared.search import SEARCH_CAP, search_text

AT = datetime(2026, 3, 8, 21, 15)
PASTED = "返" * 60_000  # longer than SQLite's 50,000-byte LIKE pattern limit


def _ids(found) -> set[int]:  # noqa: ANN001
    return set(found.ids)


def test_incident_search_takes_percent_and_underscore_literally(services, place) -> None:  # noqa: ANN001
    def add(summary: str, location: str) -> int:
        return services.incidents.create(IncidentForm(received_at=AT, category="fraud", district_id=place["district"].id,
                                                      summary=summary, location=location)).id

    percent, plain = add("打折100%返现", "A_1"), add("打折1000返现", "AB1")
    search = services.incidents.search
    assert _ids(search(IncidentFilter(text="100%"))) == {percent}
    assert _ids(search(IncidentFilter(text="A_1"))) == {percent}
    assert _ids(search(IncidentFilter(text="%"))) == {percent}
    assert _ids(search(IncidentFilter(text="打折"))) == {percent, plain}
    assert _ids(search(IncidentFilter(text=PASTED))) == set()
    assert services.incidents.export(IncidentFilter(text="_")).rows == 1


def test_clue_search_takes_percent_and_underscore_literally(services, place) -> None:  # noqa: ANN001
    def add(content: str) -> int:
        return services.clues.create(ClueForm(reporter_id=place["volunteer"], reported_at=AT,
                                              district_id=place["district"].id, clue_type="other", content=content)).id

    percent, _plain = add("充值100%返利"), add("充值1000返利")
    assert _ids(services.clues.search(ClueFilter(text="100%"))) == {percent}
    assert _ids(services.clues.search(ClueFilter(text="_"))) == set()
    assert _ids(services.clues.search(ClueFilter(text=PASTED))) == set()


def test_mediation_and_audit_search_take_them_literally(services) -> None:  # noqa: ANN001
    def add(summary: str) -> int:
        return services.mediation.register(CaseForm(date(2026, 11, 2), CaseSource.APPLIED, DisputeType.CONSUMER,
                                                    summary)).id

    percent, _plain = add("退款100%纠纷"), add("退款1000纠纷")
    assert _ids(services.mediation.search(MediationFilter(text="100%"))) == {percent}
    assert _ids(services.mediation.search(MediationFilter(text="_"))) == set()
    assert _ids(services.mediation.search(MediationFilter(text=PASTED))) == set()
    assert services.audit.count(AuditFilter(text="100%")) == 1
    assert services.audit.count(AuditFilter(text="退款_")) == 0
    assert services.audit.count(AuditFilter(text=PASTED)) == 0


def test_roster_and_card_register_too(services, place) -> None:  # noqa: ANN001
    services.cards.issue(place["volunteer"])
    assert services.cards.register(CardFilter(text="张")) != []
    assert services.cards.register(CardFilter(text="_")) == []
    assert services.cards.register(CardFilter(text=PASTED)) == []
    assert services.roster.search(RosterFilter(text="张%")).total == 0
    assert services.roster.search(RosterFilter(text=PASTED)).total == 0


def test_search_text_is_cleaned_and_capped() -> None:
    assert search_text(" 张\u202e洁\x00 ") == "张洁"
    assert search_text("cafe\u0301") == "caf\u00e9"
    assert len(search_text(PASTED)) == SEARCH_CAP == 100
