"""Volunteer ID cards: issue, re-issue, print in batches, revoke or report lost, warn
about cards running out, and verify a scanned card.

Printing issues a card to every selected volunteer without a valid one, counts the print
and reads what is printed in one short write transaction, then renders the PDF after it
has committed: drawing 1,100 cards takes seconds, and SQLite has one writer, so holding
the lock that long would make every other save (this PC's or another's) wait and fail.
A batch cancelled or failing while it is drawn is taken back in one more short
transaction (`batch.undo_batch`: its new cards revoked, the cards they replaced
restored, the print counts undone); a cancel before drawing rolls back and issues
nothing. Every action is checked against the signed-in user's rights (issuing and
printing need EDIT, revoking DELETE, verifying READ) and recorded in the audit trail in
the same transaction. The station's Ed25519 key pair is made on first use and kept in the
settings table (so it travels with every backup); only the public key leaves the program.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from redband_desktop.db.engine import Database
from redband_desktop.db.models import Card, District, Site, Volunteer
from redband_desktop.documents.card_types import LAYOUTS
from redband_desktop.domain.access import Action
from redband_desktop.domain.cards import (
    CardStatus,
    CheckResult,
    card_no,
    claims_station,
    payload_card_no,
    read_payload,
    station_code,
)
from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.errors import NotFoundError, ValidationError
from redband_desktop.services.cards import query as reg
from redband_desktop.services.cards.batch import IssuedBatch, Replaced, undo_batch
from redband_desktop.services.cards.design import (
    card_faces,
    card_settings,
    design_of,
    private_key,
    public_key,
    sample_card,
    save_card_settings,
)
from redband_desktop.services.cards.export import CARD_HEADERS, card_cells, card_filter_words
from redband_desktop.services.cards.types import (
    CardFilter,
    CardRow,
    CardSelection,
    CardSettings,
    CardWarnings,
    PrintResult,
    Verification,
)
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import export_summary, record
from redband_desktop.services.shared.exports import Export, export_title
from redband_desktop.services.shared.rules import clean_text
from redband_desktop.services.shared.settings import read_settings

AUTO_REVOKE_REASON = "志愿者退出队伍，证件自动注销"
CANCELLED_REASON = "打印批次取消，证件作废"
FAILED_REASON = "打印失败，证件作废"

log = logging.getLogger(__name__)


@dataclass
class _Batch:
    """What every card issued in one transaction shares, read once."""

    today: date
    valid_until: date
    seq: int  # the next running number of today's year
    roles: dict[int, str] | None  # volunteer id -> printed role, when known for the batch
    # The batch's volunteers with their sites, held so that the session's identity map
    # (weak references) keeps them, and their valid cards: read once for the batch, so
    # that `_issue` needs no query of its own for either.
    volunteers: list[Volunteer] = field(default_factory=list)
    valid: dict[int, list[Card]] | None = None  # volunteer id -> valid cards, oldest first


class CardService:
    def __init__(self, db: Database, access: AccessControl, today: Callable[[], date] = date.today) -> None:
        self._db = db
        self._access = access
        self._today = today

    def can(self, action: Action) -> bool:
        return self._access.can(action)

    # -- reading -------------------------------------------------------------------
    def register(self, f: CardFilter | None = None) -> list[CardRow]:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return reg.register_rows(s, f or CardFilter(), self._today())

    def export(self, f: CardFilter | None = None, order: list[str] | None = None) -> Export:
        """The filtered card register as .xlsx, recorded: newest card first, or in `order`
        (card numbers as the register table shows them after a header click; cards it
        does not list follow in their own order)."""
        from redband_desktop.documents.xlsx import table_to_xlsx

        f = f or CardFilter()
        self._access.require(Action.EXPORT)
        with self._db.write() as s:
            rows = reg.register_rows(s, f, self._today(), limit=1_000_000)
            if order:
                place = {no: i for i, no in enumerate(order)}
                rows = sorted(rows, key=lambda r: place.get(r.card_no, len(place)))
            district = s.get(District, f.district_id).name if f.district_id else ""
            site = s.get(Site, f.site_id).name if f.site_id else ""
            station = str(read_settings(s)["station.name"] or "")
            title = export_title(station, "志愿者证登记", card_filter_words(f, district, site), self._today())
            record(s, self._access, "export", "card", "", summary=export_summary(len(rows), False))
        return Export(table_to_xlsx(list(CARD_HEADERS), card_cells(rows), "志愿者证登记", title=title), len(rows), False)

    def warnings(self, days: int | None = None) -> CardWarnings:
        """Cards expiring within `days` (default: the setting) and active volunteers
        without a valid card."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            days = days if days is not None else int(read_settings(s)["cards.warn_days"])
            today = self._today()
            missing = reg.count_selected(s, CardSelection("without_card"), today)
            return CardWarnings(tuple(reg.expiring(s, today, days)), missing, days)

    def count_selected(self, sel: CardSelection) -> int:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return reg.count_selected(s, sel, self._today())

    def settings(self) -> CardSettings:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return card_settings(read_settings(s))

    def design(self, settings: CardSettings | None = None):  # noqa: ANN201 - documents.CardDesign
        """The print design from the stored settings (or from `settings` being edited)."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            values = read_settings(s)
            return design_of(values["station.name"], settings or card_settings(values))

    def public_key_pem(self, destination: str = "") -> str:
        """The station's public key (PEM), for PCs that verify cards without the database;
        who took it, and where to (`destination`: a file, or "" for the screen), is
        recorded in the audit trail."""
        self._access.require(Action.READ)
        with self._db.write() as s:
            pem = public_key(s)
            record(s, self._access, "export", "card", "", {"file": [None, destination or "-"]},
                   summary=f"站点公钥 → {destination or '屏幕'}")
            return pem

    def verify(self, payload: str) -> Verification:
        """The verdict on a scanned QR text: valid, expired, revoked, lost, unknown or forged
        — or not recognised, when the text is not a card code of this station at all."""
        self._access.require(Action.READ)
        text = payload.strip()
        with self._db.read() as s:
            values = read_settings(s)
            pem = values.get("cards.public_key")
            if not pem or not claims_station(text, station_code(pem)):
                return Verification(CheckResult.UNKNOWN_FORMAT, "")
            content = read_payload(text, pem)
            if content is None:  # this station's shape, a signature that fails: forged
                return Verification(CheckResult.FORGED, payload_card_no(text))
            try:
                card = reg.card_by_no(s, content.card_no)
            except NotFoundError:
                return Verification(CheckResult.UNKNOWN, content.card_no, valid_until=content.valid_until)
            return _verdict(card, self._today())

    def verify_image(self, data: bytes) -> Verification:
        """Verify the first card QR code found in an image file (photo or scan of a card)."""
        from redband_desktop.documents.qr import decode_qr_image

        self._access.require(Action.READ)
        texts = [t for t in decode_qr_image(data) if t.startswith("RB1:")] or decode_qr_image(data)
        if not texts:
            raise ValidationError.single("image", "no_qr_found")
        return self.verify(texts[0])

    def sample_pdf(self, settings: CardSettings | None = None) -> bytes:
        """A one-card CR80 PDF (front and back) of a made-up volunteer, for the live preview,
        issued today and valid as long as `settings` say, like a card printed now."""
        from redband_desktop.documents.id_cards import render_cards

        design = self.design(settings)
        years = settings.validity_years if settings is not None else self.settings().validity_years
        return render_cards([sample_card(self._today(), years)], design, "cr80")

    # -- writing -------------------------------------------------------------------
    def issue(self, volunteer_id: int) -> CardRow:
        """A new card for an active volunteer; a valid older card becomes "replaced"."""
        self._access.require(Action.EDIT)
        with self._db.write() as s:
            card = self._issue(s, volunteer_id)
            return reg.rows_by_no(s, [card.card_no], self._today())[0]

    def reissue(self, number: str) -> CardRow:
        """Replace the card `number` (e.g. worn out or details changed) with a new one."""
        self._access.require(Action.EDIT)
        with self._db.write() as s:
            old = reg.card_by_no(s, number)  # the new card is the same volunteer's: `_issue` checks their district
            card = self._issue(s, old.volunteer_id)
            return reg.rows_by_no(s, [card.card_no], self._today())[0]

    def revoke(self, number: str, reason: str, lost: bool = False) -> CardRow:
        """Revoke a card (or record it lost). Clerks may not: it needs DELETE."""
        self._access.require(Action.DELETE)
        why = clean_text(reason, "reason", 200, required=True)
        status = CardStatus.LOST if lost else CardStatus.REVOKED
        with self._db.write() as s:
            card = reg.card_by_no(s, number)
            self._access.require(Action.DELETE, card.volunteer.site.district_id)
            if card.status != CardStatus.VALID.value:
                raise ValidationError.single("card_no", "card_not_valid", status=CardStatus(card.status).zh)
            self._change(s, card, status, why)
            return reg.rows_by_no(s, [card.card_no], self._today())[0]

    def update_settings(self, new: CardSettings) -> CardSettings:
        """Validity years, printed texts and printer offsets (station settings)."""
        self._access.require(Action.SETTINGS)
        with self._db.write() as s:
            changes = save_card_settings(s, new)
            record(s, self._access, "settings", "card", "", changes, "card design")
            return card_settings(read_settings(s))

    def print_batch(
        self, sel: CardSelection, layout: str = "a4", start: int = 0,
        progress: Callable[[int, int], None] | None = None, cancelled: Callable[[], bool] | None = None,
    ) -> PrintResult:
        """Issue missing cards for the selected active volunteers, then make the PDF
        outside any transaction. Raises `Cancelled` when `cancelled()` turns true, after
        taking back what the batch issued."""
        from redband_desktop.documents.id_cards import Cancelled, render_cards

        self._access.require(Action.EDIT)
        if layout not in LAYOUTS:
            raise ValidationError.single("layout", "invalid_choice", value=layout)
        batch = self._issue_batch(sel, layout, cancelled)
        try:
            pdf = render_cards(batch.faces, batch.design, layout, start, progress, cancelled)
        except BaseException as exc:
            stopped = isinstance(exc, Cancelled | KeyboardInterrupt)
            self._take_back(batch, CANCELLED_REASON if stopped else FAILED_REASON,
                            "print.cancelled" if stopped else "print.failed", exc)
            raise
        return PrintResult(pdf, len(batch.faces), len(batch.new_ids), layout)

    def _issue_batch(self, sel: CardSelection, layout: str, cancelled: Callable[[], bool] | None) -> IssuedBatch:
        """The batch's one write transaction: issue, count the print, record it, and read
        the card faces (photos, signed QR codes) while the cards are at hand."""
        from redband_desktop.documents.id_cards import Cancelled

        today = self._today()
        with self._db.write() as s:
            volunteer_ids = reg.selected_volunteers(s, sel, today)
            if not volunteer_ids:
                raise ValidationError.single("selection", "nothing_selected")
            batch = self._batch(s, volunteer_ids)
            # Printing counts on every card of the batch, new or not: all in the user's districts.
            for district_id in {v.site.district_id for v in batch.volunteers}:
                self._access.require(Action.EDIT, district_id)
            valid = batch.valid or {}
            cards, new, replaced = [], [], []
            for vid in volunteer_ids:
                if cancelled is not None and cancelled():
                    raise Cancelled()  # rolls back: nothing of the batch is kept
                card = valid[vid][-1] if vid in valid else None  # the newest; it may have run out
                if card is None or card.valid_until < today:
                    card = self._issue(s, vid, batch, replaced)
                    new.append(card)
                else:
                    self._reprint_role(s, card, batch.roles.get(vid, reg.ROLE_DEFAULT))
                card.printed_count += 1
                cards.append(card)
            values = read_settings(s)
            numbers = [c.card_no for c in cards]
            entity_id = numbers[0] if len(numbers) == 1 else ""
            record(s, self._access, "print", "card", entity_id,
                   {"card_nos": ["", ",".join(numbers)]}, f"{len(cards)} 张证件，{layout.upper()}，新发 {len(new)} 张")
            return IssuedBatch(
                tuple(card_faces(s, cards, values)), design_of(values["station.name"], card_settings(values)),
                tuple(c.id for c in cards), tuple(c.id for c in new), tuple(c.card_no for c in new),
                tuple(replaced), entity_id)

    def _take_back(self, batch: IssuedBatch, reason: str, action: str, cause: BaseException) -> None:
        """Undo a batch whose PDF was not made. If even that fails, the cards stay issued:
        the log names them, and the failure (not the cancel) is what the user sees."""
        try:
            with self._db.write() as s:
                undo_batch(s, self._access, batch, reason, self._today(), action)
        except Exception as exc:
            log.exception("print batch not taken back after %r; these cards stay valid: %s",
                          cause, ",".join(batch.new_nos))
            raise exc from cause

    # -- helpers (inside the caller's transaction) ---------------------------------
    def _batch(self, s: Session, volunteer_ids: list[int] | None = None) -> _Batch:
        private_key(s)  # made on first use
        today = self._today()
        years = int(read_settings(s)["cards.validity_years"])
        batch = _Batch(today, reg.add_years(today, years), reg.next_seq(s, today.year), None)
        if volunteer_ids is not None:  # a print batch: one query each for all its cards
            batch.roles = reg.roles_of(s, volunteer_ids)
            batch.volunteers = list(s.scalars(select(Volunteer).where(Volunteer.id.in_(volunteer_ids))
                                              .options(selectinload(Volunteer.site))))
            batch.valid = reg.valid_cards_of(s, volunteer_ids)
        return batch

    def _issue(
        self, s: Session, volunteer_id: int, batch: _Batch | None = None, replaced: list[Replaced] | None = None,
    ) -> Card:
        volunteer = s.get(Volunteer, volunteer_id)
        if volunteer is None:
            raise NotFoundError(what="志愿者", id=volunteer_id)
        self._access.require(Action.EDIT, volunteer.site.district_id)
        if volunteer.status != VolunteerStatus.ACTIVE.value:
            raise ValidationError.single("volunteer", "card_volunteer_inactive", name=volunteer.name)
        batch = batch or self._batch(s)
        role = batch.roles.get(volunteer_id, reg.ROLE_DEFAULT) if batch.roles is not None else reg.role_of(s, volunteer_id)
        card = Card(card_no=card_no(batch.today.year, batch.seq), volunteer_id=volunteer_id,
                    issued_on=batch.today, valid_until=batch.valid_until, status=CardStatus.VALID.value,
                    role=role, reason="", printed_count=0)
        batch.seq += 1
        s.add(card)
        s.flush()
        if batch.valid is not None:  # a print batch has read them all at once
            olds = batch.valid.get(volunteer_id, [])
        else:
            olds = reg.valid_cards(s, volunteer_id, exclude_id=card.id)
        for old in olds:
            if replaced is not None:  # kept so that an undone batch can give it back
                replaced.append(Replaced.of(old))
            self._change(s, old, CardStatus.REPLACED, f"换发新证 {card.card_no}", replaced_by=card)
        record(s, self._access, "issue", "card", card.card_no,
               {"status": [None, card.status], "valid_until": [None, card.valid_until]}, volunteer.name)
        return card

    def _reprint_role(self, s: Session, card: Card, role: str) -> None:
        """A card printed again carries the holder's post as it is now (a new building, or
        the building named where older cards said only "楼栋长"); the register follows."""
        if card.role != role:
            record(s, self._access, "update", "card", card.card_no, {"role": [card.role, role]}, "重印时按现任职务更新")
            card.role = role

    def _change(self, s: Session, card: Card, status: CardStatus, reason: str, replaced_by: Card | None = None) -> None:
        old = card.status
        card.status, card.reason, card.changed_on = status.value, reason, self._today()
        if replaced_by is not None:
            card.replaced_by_id = replaced_by.id
        action = "replace" if status is CardStatus.REPLACED else status.value
        record(s, self._access, action, "card", card.card_no, {"status": [old, status.value]}, reason)


def revoke_cards_of(s: Session, access: AccessControl, volunteer_id: int, on: date, reason: str = "") -> int:
    """Revoke every valid card of a volunteer who left (called by the roster service in
    its own transaction). Returns how many cards were revoked."""
    count = 0
    for card in reg.valid_cards(s, volunteer_id):
        card.status, card.changed_on = CardStatus.REVOKED.value, on
        card.reason = f"{AUTO_REVOKE_REASON}：{reason}" if reason else AUTO_REVOKE_REASON
        record(s, access, "revoked", "card", card.card_no, {"status": ["valid", "revoked"]}, card.reason)
        count += 1
    return count


def _verdict(card: Card, today: date) -> Verification:
    status = CardStatus(card.status)
    result = {
        CardStatus.REVOKED: CheckResult.REVOKED, CardStatus.REPLACED: CheckResult.REVOKED,
        CardStatus.LOST: CheckResult.LOST,
    }.get(status, CheckResult.EXPIRED if card.valid_until < today else CheckResult.VALID)
    volunteer = card.volunteer
    photo = volunteer.photo.image if volunteer.photo else None
    return Verification(result, card.card_no, volunteer.name, photo, card.valid_until, status.value, card.reason,
                        district=volunteer.site.district.name, site=volunteer.site.name, role=card.role)
