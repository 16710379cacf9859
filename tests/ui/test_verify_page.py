"""The verification page: a scanner types the QR text (with or without Enter), or an
image of the card is opened; the verdict shows at once with photo and name."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from redband_desktop.services.cards.types import CardSelection
from redband_desktop.ui.cards.verify_page import VerifyPage


@pytest.fixture(autouse=True)
def _no_card_yet(demo_without_cards) -> None:  # noqa: ANN001 - these tests count the cards they issue
    pass


@pytest.fixture
def printed(demo_services, tmp_path: Path):  # noqa: ANN001, ANN201
    from redband_desktop.db.models import Card
    from redband_desktop.services.cards.design import card_faces
    from redband_desktop.services.shared.settings import read_settings

    result = demo_services.cards.print_batch(CardSelection("site", site_id=3), "cr80")
    with demo_services.db.read() as s:
        rows = list(s.query(Card).order_by(Card.id).limit(2))
        payloads = [f.payload for f in card_faces(s, rows, read_settings(s))]
    return result, payloads


@pytest.fixture
def page(qtbot, demo_services):  # noqa: ANN001, ANN201
    widget = VerifyPage(demo_services)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    return widget


def test_scanner_typing_shows_valid_with_photo(page, qtbot, printed) -> None:  # noqa: ANN001
    _, payloads = printed
    assert page.input.hasFocus() or page.focusProxy() is page.input
    qtbot.keyClicks(page.input, payloads[0])  # a complete code is checked without Enter
    assert page.result is not None and page.result.status.value == "valid"
    assert page.name.text() and page.photo.pixmap() is not None and not page.photo.pixmap().isNull()
    assert page.input.text() == ""  # ready for the next card


def test_forged_and_revoked(page, qtbot, demo_services, printed) -> None:  # noqa: ANN001
    _, payloads = printed
    forged = payloads[0][:40] + ("B" if payloads[0][40] != "B" else "C") + payloads[0][41:]
    page.input.setText(forged)
    assert page.result.status.value == "forged"
    assert page.photo.pixmap() is None or page.photo.pixmap().isNull()
    demo_services.cards.revoke(payloads[1].split(":")[2], "违纪")
    page.input.setText(payloads[1][:20])
    page.input.setText(payloads[1])
    assert page.result.status.value == "revoked"
    qtbot.keyClicks(page.input, "garbage")
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    assert page.result.status.value == "unknown_format" and "scan again" in page.verdict.text()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_open_image_of_card(page, printed, tmp_path: Path) -> None:  # noqa: ANN001
    result, _ = printed
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(result.pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "c")], check=True)
    page.open_image(str(next(tmp_path.glob("c*.png"))))
    assert page.result.status.value == "valid"
