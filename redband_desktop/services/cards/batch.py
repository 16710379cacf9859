"""What a print batch wrote, and taking it back when its PDF is not made (helpers that
take a session; no commits).

A batch issues its cards and counts the print in one short transaction, then draws the
PDF after that has committed, so no other PC waits for the drawing. When the drawing is
cancelled or fails, `undo_batch` runs in one more short transaction: the cards issued
for the batch are revoked (never deleted: the register keeps every number it gave), the
expired card each of them replaced is valid again as it was (it was never handed back,
and "expired" is what the register should say about it, so the next batch renews it),
and the print counts go back. A card someone else changed in between keeps their change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Card
from redband_desktop.documents.card_types import CardDesign, CardFace
from redband_desktop.domain.cards import CardStatus
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import record


@dataclass(frozen=True)
class Replaced:
    """A card the batch marked "replaced", as it was before."""

    card_id: int
    status: str
    reason: str
    changed_on: date | None
    replaced_by_id: int | None

    @classmethod
    def of(cls, card: Card) -> Replaced:
        return cls(card.id, card.status, card.reason, card.changed_on, card.replaced_by_id)


@dataclass(frozen=True)
class IssuedBatch:
    """A committed batch: what to draw, and what to take back if it is not drawn."""

    faces: tuple[CardFace, ...]
    design: CardDesign
    card_ids: tuple[int, ...]  # every card of the batch (its print was counted)
    new_ids: tuple[int, ...]  # the cards issued for the batch
    new_nos: tuple[str, ...]  # their numbers (for the log, should taking them back fail)
    replaced: tuple[Replaced, ...]
    entity_id: str  # the card number when the batch is one card, as the print was recorded


def undo_batch(s: Session, access: AccessControl, batch: IssuedBatch, reason: str, on: date, action: str) -> int:
    """Revoke the cards `batch` issued, restore what they replaced and uncount the print;
    every change is recorded. Returns how many cards were revoked."""
    ids = {*batch.card_ids, *(r.card_id for r in batch.replaced)}
    cards = {c.id: c for c in s.scalars(select(Card).where(Card.id.in_(ids)))}
    for card_id in batch.card_ids:
        cards[card_id].printed_count = max(0, cards[card_id].printed_count - 1)
    revoked = {card_id: cards[card_id] for card_id in batch.new_ids if _revoke(s, access, cards[card_id], reason, on)}
    for before in batch.replaced:
        card = cards[before.card_id]
        successor = revoked.get(card.replaced_by_id)
        if card.status == CardStatus.REPLACED.value and successor is not None:
            _restore(s, access, card, before, successor, reason)
    numbers = [cards[card_id].card_no for card_id in batch.card_ids]
    record(s, access, action, "card", batch.entity_id, {"card_nos": [",".join(numbers), ""]},
           f"{len(numbers)} 张证件，收回新证 {len(revoked)} 张：{reason}")
    return len(revoked)


def _revoke(s: Session, access: AccessControl, card: Card, reason: str, on: date) -> bool:
    if card.status != CardStatus.VALID.value:  # changed meanwhile (e.g. the volunteer left)
        return False
    card.status, card.reason, card.changed_on = CardStatus.REVOKED.value, reason, on
    record(s, access, CardStatus.REVOKED.value, "card", card.card_no,
           {"status": [CardStatus.VALID.value, CardStatus.REVOKED.value]}, reason)
    return True


def _restore(s: Session, access: AccessControl, card: Card, before: Replaced, successor: Card, reason: str) -> None:
    card.status, card.reason, card.changed_on = before.status, before.reason, before.changed_on
    card.replaced_by_id = before.replaced_by_id
    record(s, access, "restore", "card", card.card_no,
           {"status": [CardStatus.REPLACED.value, before.status], "replaced_by": [successor.card_no, None]},
           f"{reason}：新证 {successor.card_no} 未发出，原证恢复")
