"""A print batch does not hold the database's write lock while its PDF is drawn: another
PC saves a volunteer meanwhile. A batch cancelled or failing while it is drawn revokes
the cards it issued, gives back the expired card a new one replaced and undoes the print
counts, all recorded in the audit trail; the next batch then works as usual."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from redband_desktop.db.engine import Database
from redband_desktop.documents import id_cards
from redband_desktop.documents.id_cards import Cancelled
from redband_desktop.domain.cards import CheckResult
from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.errors import DatabaseError
from redband_desktop.services import build_services
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.cards import service as card_service
from redband_desktop.services.cards.service import CANCELLED_REASON, FAILED_REASON, CardService
from redband_desktop.services.cards.types import CardFilter, CardRow, CardSelection
from redband_desktop.services.roster.types import RosterFilter, VolunteerForm

TODAY = date(2026, 11, 28)
PROMPTLY = 5.0  # seconds; the busy timeout (10 s) is what a blocked save would wait


@pytest.fixture(autouse=True)
def _no_card_yet(request: pytest.FixtureRequest) -> None:
    if "demo_services" in request.fixturenames:
        request.getfixturevalue("demo_without_cards")


@pytest.fixture
def cards(demo_services):  # noqa: ANN001, ANN201
    return CardService(demo_services.db, demo_services.access, today=lambda: TODAY)


@pytest.fixture
def world(demo_services, cards):  # noqa: ANN001, ANN201
    """Three active volunteers: one with a valid card printed once, one whose only card
    has run out, one without a card."""
    ids = [r.id for r in demo_services.roster.page(RosterFilter(status="active"), 0, 3)]
    cards.print_batch(CardSelection("ids", ids=(ids[0],)), "cr80")
    years_ago = CardService(demo_services.db, demo_services.access, today=lambda: TODAY - timedelta(days=3 * 365 + 30))
    expired = years_ago.issue(ids[1])
    return {"ids": ids, "expired": expired.card_no}


def _batch(world: dict) -> CardSelection:
    return CardSelection("ids", ids=tuple(world["ids"]))


def _by_volunteer(cards: CardService) -> dict[int, list[CardRow]]:
    """Each volunteer's cards, oldest first."""
    rows: dict[int, list[CardRow]] = {}
    for r in sorted(cards.register(), key=lambda r: r.card_no):
        rows.setdefault(r.volunteer_id, []).append(r)
    return rows


def _cancel_after_first_card() -> tuple[Callable[[int, int], None], Callable[[], bool]]:
    """(progress, cancelled) for a clerk who presses Cancel once the drawing has begun."""
    drawn = threading.Event()
    return (lambda done, total: drawn.set()), drawn.is_set


def _entries(services, action: str) -> list:  # noqa: ANN001
    return services.audit.page(AuditFilter(entity="card", action=action), 0, 50)


# -- the write lock --------------------------------------------------------------------
def test_another_pc_saves_a_volunteer_while_the_cards_are_drawn(demo_services, cards, sign_in) -> None:  # noqa: ANN001
    other = sign_in(build_services(Database(demo_services.db.url)))  # the second PC, signed in first
    site = other.structure.sites()[0]
    ids = tuple(r.id for r in demo_services.roster.page(RosterFilter(status="active"), 0, 3))
    drawing, release = threading.Event(), threading.Event()
    outcome: dict = {}

    def hold(done: int, total: int) -> None:
        drawing.set()
        release.wait(60)

    def make() -> None:
        try:
            outcome["result"] = cards.print_batch(CardSelection("ids", ids=ids), "cr80", progress=hold)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertions below
            outcome["error"] = exc

    def save() -> None:
        started = time.perf_counter()
        try:
            outcome["saved"] = other.roster.create(VolunteerForm(
                name="周敏", id_number=make_id_number("530112", date(1979, 4, 9), 37), phone="13988776655",
                background="resident", site_id=site.id, joined_on=date(2026, 11, 1)))
        except BaseException as exc:  # noqa: BLE001
            outcome["save_error"] = exc
        outcome["save_seconds"] = time.perf_counter() - started

    batch, saver = threading.Thread(target=make), threading.Thread(target=save, daemon=True)
    batch.start()
    try:
        assert drawing.wait(60), outcome.get("error")
        saver.start()
        saver.join(PROMPTLY)
        assert not saver.is_alive(), "the other PC's save waited for the card batch's write lock"
        assert "save_error" not in outcome, outcome.get("save_error")
        assert outcome["saved"].volunteer.name == "周敏" and outcome["save_seconds"] < PROMPTLY
    finally:
        release.set()
        batch.join(120)
        if saver.is_alive() or saver.ident is not None:
            saver.join(30)
        other.db.dispose()
    assert "error" not in outcome, outcome.get("error")
    assert outcome["result"].cards == 3 and outcome["result"].pdf.startswith(b"%PDF")
    assert len(cards.register(CardFilter(status="valid"))) == 3


# -- taking a batch back -----------------------------------------------------------------
def test_cancel_while_drawing_revokes_what_the_batch_issued(demo_services, cards, world) -> None:  # noqa: ANN001
    ids = world["ids"]
    before = cards.warnings()
    expiring_before = cards.count_selected(CardSelection("expiring", days=60))
    progress, cancelled = _cancel_after_first_card()
    with pytest.raises(Cancelled):
        cards.print_batch(_batch(world), "cr80", progress=progress, cancelled=cancelled)
    rows = _by_volunteer(cards)
    kept = rows[ids[0]]  # the valid card was only to be printed again: as it was
    assert [(r.shown_status, r.printed_count) for r in kept] == [("valid", 1)]
    old, new = rows[ids[1]]  # the expired card is back, not "replaced" by a card never handed out
    assert (old.card_no, old.shown_status, old.replaced_by, old.reason) == (world["expired"], "expired", "", "")
    assert (new.shown_status, new.reason, new.printed_count) == ("revoked", CANCELLED_REASON, 0)
    [fresh] = rows[ids[2]]
    assert (fresh.shown_status, fresh.reason, fresh.printed_count) == ("revoked", CANCELLED_REASON, 0)
    after = cards.warnings()
    assert (after.without_card, after.expiring) == (before.without_card, before.expiring)
    assert cards.count_selected(CardSelection("expiring", days=60)) == expiring_before  # renewable again
    assert [e.entity_id for e in _entries(demo_services, "restore")] == [world["expired"]]
    assert {e.entity_id for e in _entries(demo_services, "revoked")} == {new.card_no, fresh.card_no}
    [undo] = _entries(demo_services, "print.cancelled")
    assert CANCELLED_REASON in undo.summary and world["expired"] not in undo.changes["card_nos"][0]
    assert cards.verify(_payload(demo_services, world["expired"])).status is CheckResult.EXPIRED


def test_failed_drawing_revokes_what_the_batch_issued(demo_services, cards, world, monkeypatch) -> None:  # noqa: ANN001
    def broken(*args, **kwargs) -> None:  # noqa: ANN002, ANN003
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(id_cards, "draw_back", broken)  # the first card's back: mid-render
    with pytest.raises(OSError, match="No space left"):
        cards.print_batch(_batch(world), "cr80")
    rows = _by_volunteer(cards)
    assert [r.shown_status for r in rows[world["ids"][0]]] == ["valid"]
    assert [r.shown_status for r in rows[world["ids"][1]]] == ["expired", "revoked"]
    assert [(r.shown_status, r.reason) for r in rows[world["ids"][2]]] == [("revoked", FAILED_REASON)]
    assert rows[world["ids"][0]][0].printed_count == 1
    assert len(_entries(demo_services, "print.failed")) == 1
    assert demo_services.audit.verify().ok


def test_the_next_batch_after_a_cancelled_one_issues_new_cards(demo_services, cards, world) -> None:  # noqa: ANN001
    progress, cancelled = _cancel_after_first_card()
    with pytest.raises(Cancelled):
        cards.print_batch(_batch(world), "cr80", progress=progress, cancelled=cancelled)
    revoked = {r.card_no for r in cards.register(CardFilter(status="revoked"))}
    result = cards.print_batch(_batch(world), "a4")
    assert (result.cards, result.issued) == (3, 2)
    rows = _by_volunteer(cards)
    valid = [r for vid in world["ids"] for r in rows[vid] if r.shown_status == "valid"]
    assert [r.printed_count for r in valid] == [2, 1, 1]  # the cancelled print is not counted
    assert not revoked & {r.card_no for r in valid} and max(revoked) < max(r.card_no for r in valid)
    old = next(r for r in rows[world["ids"][1]] if r.card_no == world["expired"])
    assert old.shown_status == "replaced" and old.replaced_by in {r.card_no for r in valid}
    assert cards.warnings().without_card == cards.count_selected(CardSelection("without_card"))


def test_cancel_before_drawing_rolls_the_issue_back(demo_services, cards, world) -> None:  # noqa: ANN001
    before = cards.register()
    with pytest.raises(Cancelled):
        cards.print_batch(_batch(world), cancelled=lambda: True)
    assert cards.register() == before and not _entries(demo_services, "print.cancelled")


def test_a_batch_that_cannot_be_taken_back_says_so(demo_services, cards, world, monkeypatch, caplog) -> None:  # noqa: ANN001
    def locked(*args, **kwargs) -> None:  # noqa: ANN002, ANN003
        raise DatabaseError("db_locked", path="station.sqlite3", detail="database is locked")

    monkeypatch.setattr(card_service, "undo_batch", locked)
    progress, cancelled = _cancel_after_first_card()
    with pytest.raises(DatabaseError) as caught:
        cards.print_batch(_batch(world), "cr80", progress=progress, cancelled=cancelled)
    assert isinstance(caught.value.__cause__, Cancelled)  # the user sees the failure, not "cancelled"
    left = [r.card_no for r in cards.register(CardFilter(status="valid")) if r.volunteer_id != world["ids"][0]]
    assert len(left) == 2 and all(number in caplog.text for number in left)  # for someone to revoke by hand


def _payload(services, number: str) -> str:  # noqa: ANN001
    from redband_desktop.db.models import Card
    from redband_desktop.services.cards.design import card_faces
    from redband_desktop.services.cards.query import card_by_no
    from redband_desktop.services.shared.settings import read_settings

    with services.db.read() as s:
        card: Card = card_by_no(s, number)
        return card_faces(s, [card], read_settings(s))[0].payload

