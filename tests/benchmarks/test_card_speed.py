"""ID card speed: 1,100 cards with distinct photos as one A4 PDF (target ≤ 1.3× floor,
≤ 40 MB), the floor being a minimal reportlab loop drawing the same elements from the same
data (floors/cards.py), measured in the same run.

Two figures: the PDF alone (documents layer: 1,100 faces of the demo station's
volunteers, every one with its own portrait and signed QR code), and the whole batch
through the service (issuing a card to every active volunteer, rendering, audit) as the
"Make cards" button does it, with how long that batch holds the database's write lock
(the PDF is drawn after the transaction has committed). Run with `make bench`.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from datetime import date

from floors.cards import draw_cards
from sqlalchemy import select

from redband_desktop.db.models import Site, Volunteer, VolunteerPhoto
from redband_desktop.documents.card_types import CardDesign, CardFace
from redband_desktop.documents.id_cards import render_cards
from redband_desktop.domain.cards import (
    card_no,
    new_private_key_pem,
    public_key_pem,
    sign_payload,
    station_code,
)
from redband_desktop.services.cards.types import CardSelection


def _faces(services) -> list[CardFace]:  # noqa: ANN001
    key = new_private_key_pem()
    code = station_code(public_key_pem(key))
    until = date(2029, 11, 28)
    q = (select(Volunteer.name, Site.name, VolunteerPhoto.image)
         .join(Site, Volunteer.site_id == Site.id).join(VolunteerPhoto).order_by(Volunteer.id).limit(1100))
    with services.db.read() as s:
        rows = s.execute(q).all()
    return [
        CardFace(card_no(2026, i + 1), name, "金家河片区", site, "楼栋长", "2029年11月28日", "2026年11月28日",
                 photo, sign_payload(key, code, card_no(2026, i + 1), until))
        for i, (name, site, photo) in enumerate(rows)
    ]


def test_1100_cards_pdf(demo_services, record) -> None:  # noqa: ANN001
    faces = _faces(demo_services)
    assert len(faces) == 1100 and len({f.photo for f in faces}) == 1100
    render_cards(faces[:2], CardDesign("金家河派出所"))  # font loaded once, as in the app
    draw_cards(faces[:2], "金家河派出所")
    started = time.perf_counter()
    floor_pdf = draw_cards(faces, "金家河派出所")
    floor = time.perf_counter() - started
    started = time.perf_counter()
    pdf = render_cards(faces, CardDesign("金家河派出所", phone="0871-68123456"), "a4")
    record("1,100 ID cards with distinct photos, A4", time.perf_counter() - started, "s", floor, "≤ 1.3× floor")
    record("1,100 ID cards, A4 PDF size", len(pdf) / 1e6, "MB", len(floor_pdf) / 1e6, "≤ 40 MB")
    started = time.perf_counter()
    render_cards(faces, CardDesign("金家河派出所"), "cr80")
    record("1,100 ID cards, CR80 (2,200 pages)", time.perf_counter() - started, "s", None, "")


def test_whole_roster_batch_through_the_service(demo_services, monkeypatch, record) -> None:  # noqa: ANN001
    held = _time_write_transactions(demo_services.db, monkeypatch)
    started = time.perf_counter()
    result = demo_services.cards.print_batch(CardSelection("all"), "a4")
    seconds = time.perf_counter() - started
    record(f"card batch through the service ({result.issued} issued + audited + rendered)", seconds, "s", None, "")
    record("card batch, write lock held", sum(held), "s", None, "")
    held.clear()
    started = time.perf_counter()
    demo_services.cards.print_batch(CardSelection("all"), "a4")
    record("card batch again (cards already issued)", time.perf_counter() - started, "s", None, "")


def _time_write_transactions(db, monkeypatch) -> list[float]:  # noqa: ANN001
    """Seconds each `db.write()` block lasts (what other writers would wait for)."""
    spans: list[float] = []
    write = type(db).write

    @contextmanager
    def timed(self):  # noqa: ANN001, ANN202
        started = time.perf_counter()
        with write(self) as s:
            yield s
        spans.append(time.perf_counter() - started)

    monkeypatch.setattr(type(db), "write", timed)
    return spans
