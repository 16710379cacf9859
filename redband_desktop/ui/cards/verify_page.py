"""Verifying a card: a USB QR scanner "types" the card's code into the focused field
(ending with Enter), or the user opens a photo or scan of the card. The verdict appears
at once in large type and colour — valid, expired, revoked, lost, unknown or forged —
with the volunteer's photo and name for cards in the register. The field is cleared and
keeps the focus, ready for the next card."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.errors import RedbandError
from redband_desktop.ui.widgets.feedback import show_error

if TYPE_CHECKING:
    from redband_desktop.services import Services
    from redband_desktop.services.cards.types import Verification

COLOURS = {"valid": "#1b7f3b", "expired": "#b26a00", "revoked": "#c8102e", "lost": "#c8102e",
           "unknown": "#555555", "forged": "#c8102e", "unknown_format": "#555555"}
PAYLOAD_LENGTH = 136  # RB1:<8>:<10>:<8>:<103>: a scanner's text is complete at this length


class VerifyPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cards = services.cards
        self.input = QLineEdit(objectName="scan_input", placeholderText=self.tr("Scan a card's QR code here…"))
        self.open_button = QPushButton(self.tr("Open image of card…"), objectName="open_card_image")
        self.verdict = QLabel(objectName="verdict", alignment=Qt.AlignmentFlag.AlignCenter)
        self.photo = QLabel(objectName="verdict_photo", alignment=Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel(objectName="verdict_name")
        self.details = QLabel(objectName="verdict_details", wordWrap=True)
        self.result: Verification | None = None
        self._build()
        self._waiting()

    def _waiting(self) -> None:
        """Before the first scan: what to do, rather than an empty page."""
        self.verdict.setText(self.tr("Scan a volunteer's card with the scanner (the code is typed into the box "
                                     "above), or open a photo of the card. The verdict shows here."))
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet("font-size:18px;color:#555;padding:16px;border:2px dashed #bbb")

    def _build(self) -> None:
        self.input.setStyleSheet("font-size:16px;padding:6px")
        self.verdict.setStyleSheet("font-size:44px;font-weight:bold;padding:16px")
        self.name.setStyleSheet("font-size:30px;font-weight:bold")
        self.details.setStyleSheet("font-size:16px")
        self.photo.setFixedSize(180, 240)
        top = QHBoxLayout()
        top.addWidget(self.input, 1)
        top.addWidget(self.open_button)
        info = QGridLayout()
        info.addWidget(self.photo, 0, 0, 2, 1)
        info.addWidget(self.name, 0, 1)
        info.addWidget(self.details, 1, 1)
        info.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.verdict)
        layout.addLayout(info)
        layout.addStretch()
        self.input.returnPressed.connect(self.check_input)
        self.input.textChanged.connect(self._maybe_complete)
        self.open_button.clicked.connect(lambda: self.open_image())
        self.setFocusProxy(self.input)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self.input.setFocus()

    def _maybe_complete(self, text: str) -> None:
        if len(text.strip()) >= PAYLOAD_LENGTH:  # scanners that send no Enter
            self.check_input()

    def check_input(self) -> None:
        text = self.input.text().strip()
        if not text:
            return
        self.input.blockSignals(True)
        self.input.clear()
        self.input.blockSignals(False)
        self.show_result(self._cards.verify(text))
        self.input.setFocus()

    def open_image(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open image of card"), "", self.tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)"))
        if not path:
            return
        try:
            self.show_result(self._cards.verify_image(Path(path).read_bytes()))
        except (RedbandError, OSError) as exc:
            show_error(self, exc if isinstance(exc, RedbandError) else RuntimeError(str(exc)))

    def show_result(self, result: Verification) -> None:
        self.result = result
        status = result.status.value
        self.verdict.setText(self._texts()[status])
        self.verdict.setStyleSheet(
            f"font-size:44px;font-weight:bold;padding:16px;color:white;background:{COLOURS[status]}")
        self.name.setText(result.name)
        lines = [self.tr("Card number: {no}").format(no=result.card_no or "—")]
        if result.site:
            lines.append(self.tr("{district} · {site} · {role}").format(
                district=result.district, site=result.site, role=result.role))
        if result.valid_until:
            lines.append(self.tr("Valid until: {date}").format(date=result.valid_until.isoformat()))
        if result.reason:
            lines.append(self.tr("Reason: {reason}").format(reason=result.reason))
        self.details.setText("\n".join(lines))
        pixmap = QPixmap()
        if result.photo and pixmap.loadFromData(result.photo):
            self.photo.setPixmap(pixmap.scaled(self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo.clear()

    def _texts(self) -> dict[str, str]:
        return {
            "valid": self.tr("✔ Valid card"), "expired": self.tr("Expired"),
            "revoked": self.tr("✘ Revoked"), "lost": self.tr("✘ Reported lost"),
            "unknown": self.tr("? Unknown card"), "forged": self.tr("✘ Forged — signature fails"),
            "unknown_format": self.tr("? Not recognised — not this station's card, or misread: scan again"),
        }
