"""The card register and printing through the service: issue, re-issue, revoke, lost,
automatic revocation when a volunteer leaves, warnings, rights, audit, verification,
cancellation, and a printed page whose QR codes decode and verify."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from redband_desktop.documents.id_cards import Cancelled
from redband_desktop.documents.qr import decode_qr_image
from redband_desktop.domain.cards import CheckResult, new_private_key_pem, sign_payload
from redband_desktop.errors import PermissionDenied, ValidationError
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.cards.service import CardService
from redband_desktop.services.cards.types import CardFilter, CardSelection

TODAY = date(2026, 11, 28)


@pytest.fixture(autouse=True)
def _no_card_yet(request: pytest.FixtureRequest) -> None:
    if "demo_services" in request.fixturenames:
        request.getfixturevalue("demo_without_cards")


@pytest.fixture
def cards(demo_services):  # noqa: ANN001, ANN201
    return CardService(demo_services.db, demo_services.access, today=lambda: TODAY)


def _active_ids(services, n: int) -> list[int]:  # noqa: ANN001
    from redband_desktop.services.roster.types import RosterFilter

    return [r.id for r in services.roster.page(RosterFilter(status="active"), 0, n)]


def test_print_issues_missing_cards_and_records_the_print(demo_services, cards) -> None:  # noqa: ANN001
    ids = _active_ids(demo_services, 3)
    result = cards.print_batch(CardSelection("ids", ids=tuple(ids)), "cr80")
    assert (result.cards, result.issued) == (3, 3) and result.pdf.startswith(b"%PDF")
    again = cards.print_batch(CardSelection("ids", ids=tuple(ids)), "a4")
    assert (again.cards, again.issued) == (3, 0)  # same cards printed again
    rows = cards.register()
    assert [r.valid_until for r in rows] == [date(2029, 11, 28)] * 3
    assert all(r.printed_count == 2 for r in rows)
    actions = demo_services.audit.actions()
    assert "print" in actions and "issue" in actions


def test_reissue_replaces_the_old_card(cards, demo_services) -> None:  # noqa: ANN001
    vid = _active_ids(demo_services, 1)[0]
    first = cards.issue(vid)
    second = cards.reissue(first.card_no)
    old = cards.register(CardFilter(text=first.card_no))[0]
    assert old.status.value == "replaced" and old.replaced_by == second.card_no
    assert cards.register(CardFilter(status="valid"))[0].card_no == second.card_no


def test_revoke_and_lost_need_a_reason_and_the_right(cards, demo_services) -> None:  # noqa: ANN001
    a, b = (cards.issue(v) for v in _active_ids(demo_services, 2))
    with pytest.raises(ValidationError):
        cards.revoke(a.card_no, "  ")
    assert cards.revoke(a.card_no, "违反纪律").status.value == "revoked"
    assert cards.revoke(b.card_no, "丢失", lost=True).status.value == "lost"
    with pytest.raises(ValidationError):
        cards.revoke(a.card_no, "again")


def test_clerks_may_print_but_not_revoke(cards, demo_services) -> None:  # noqa: ANN001
    from tests.ui.staff import add_staff

    card = cards.issue(_active_ids(demo_services, 1)[0])
    password = add_staff(demo_services, "clerk1", "clerk")
    demo_services.accounts.sign_in("clerk1", password)
    assert cards.issue(_active_ids(demo_services, 2)[1]).status.value == "valid"
    with pytest.raises(PermissionDenied):
        cards.revoke(card.card_no, "x")


def test_leaving_revokes_the_card(cards, demo_services) -> None:  # noqa: ANN001
    vid = _active_ids(demo_services, 1)[0]
    card = cards.issue(vid)
    v = demo_services.roster.get(vid)
    demo_services.roster.change_status(vid, v.version, "left", date.today(), "搬家")
    row = cards.register(CardFilter(text=card.card_no))[0]
    assert row.status.value == "revoked" and "搬家" in row.reason
    assert demo_services.audit.page(AuditFilter(entity="card", action="revoked"), 0, 5)


def test_warnings_expiring_and_without_card(demo_services) -> None:  # noqa: ANN001
    issuer = CardService(demo_services.db, demo_services.access, today=lambda: TODAY - timedelta(days=3 * 365 - 10))
    vid = _active_ids(demo_services, 1)[0]
    issuer.issue(vid)
    cards = CardService(demo_services.db, demo_services.access, today=lambda: TODAY)
    w = cards.warnings(days=30)
    assert [r.volunteer_id for r in w.expiring] == [vid]
    active = len(_active_ids(demo_services, 5000))
    assert w.without_card == active - 1  # everyone but the one who has a card
    assert cards.count_selected(CardSelection("expiring", days=30)) == 1
    assert cards.count_selected(CardSelection("without_card")) == active - 1


def test_verify_every_status(cards, demo_services) -> None:  # noqa: ANN001
    from redband_desktop.services.cards.design import card_faces
    from redband_desktop.services.shared.settings import read_settings

    ids = _active_ids(demo_services, 3)
    issued = [cards.issue(v) for v in ids]
    with demo_services.db.read() as s:
        from redband_desktop.db.models import Card

        rows = [s.get(Card, c.id) for c in issued]
        payloads = [f.payload for f in card_faces(s, rows, read_settings(s))]
    ok = cards.verify(payloads[0])
    assert ok.status is CheckResult.VALID and ok.name and ok.photo
    assert ok.district and ok.site and ok.role  # where they serve and as what, as printed
    cards.revoke(issued[1].card_no, "违纪")
    assert cards.verify(payloads[1]).status is CheckResult.REVOKED
    cards.revoke(issued[2].card_no, "丢失", lost=True)
    assert cards.verify(payloads[2]).status is CheckResult.LOST
    later = CardService(demo_services.db, demo_services.access, today=lambda: date(2030, 1, 1))
    assert later.verify(payloads[0]).status is CheckResult.EXPIRED
    tampered = payloads[0][:-5] + ("A" if payloads[0][-5] != "A" else "B") + payloads[0][-4:]
    assert cards.verify(tampered).status is CheckResult.FORGED
    # Not a card of this station at all is no forgery: a misread, another station's card.
    assert cards.verify("hello world").status is CheckResult.UNKNOWN_FORMAT
    assert cards.verify(payloads[0][:60]).status is CheckResult.UNKNOWN_FORMAT  # half read
    elsewhere = sign_payload(new_private_key_pem(), "ABCDEFGH", "2026-00001", date(2029, 1, 1))
    assert cards.verify(elsewhere).status is CheckResult.UNKNOWN_FORMAT


def test_cancelled_batch_issues_nothing(cards) -> None:  # noqa: ANN001
    with pytest.raises(Cancelled):
        cards.print_batch(CardSelection("all"), cancelled=lambda: True)
    assert cards.register() == []


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_rendered_sheet_qr_codes_decode_and_verify(cards, demo_services, tmp_path: Path) -> None:  # noqa: ANN001
    result = cards.print_batch(CardSelection("ids", ids=tuple(_active_ids(demo_services, 10))), "a4")
    pdf = tmp_path / "cards.pdf"
    pdf.write_bytes(result.pdf)
    subprocess.run(["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "p")], check=True)
    page = next(tmp_path.glob("p*.png"))
    texts = decode_qr_image(page.read_bytes())
    assert len(texts) == 10
    verdicts = {cards.verify(t).status for t in texts}
    assert verdicts == {CheckResult.VALID}
    assert cards.verify_image(page.read_bytes()).status is CheckResult.VALID
