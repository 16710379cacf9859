"""The card design: printed texts, validity, expiry warning and the printer's offset
calibration, with a live preview of a sample card that redraws as you type. Saving
needs the "settings" right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.errors import ValidationError
from redband_desktop.services.cards.types import CardSettings
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.pdf_preview import PdfPreview
from redband_desktop.ui.widgets.wrapping_label import help_label

if TYPE_CHECKING:
    from redband_desktop.services.cards.service import CardService

OFFSETS = ("offset_x_mm", "offset_y_mm", "back_offset_x_mm", "back_offset_y_mm")


class CardDesignPanel(QWidget):
    saved = Signal()

    def __init__(self, cards: CardService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cards = cards
        self.title = QLineEdit(objectName="design_title", maxLength=20)
        self.duties = QPlainTextEdit(objectName="design_duties")
        self.phone = QLineEdit(objectName="design_phone", maxLength=30)
        self.return_text = QLineEdit(objectName="design_return_text", maxLength=60)
        self.validity = QSpinBox(objectName="design_validity", minimum=1, maximum=10)
        self.warn_days = QSpinBox(objectName="design_warn_days", minimum=1, maximum=365)
        self.offsets = {name: QDoubleSpinBox(objectName=name, minimum=-10, maximum=10, singleStep=0.5,
                                             decimals=1, suffix=" mm") for name in OFFSETS}
        self.save_button = QPushButton(self.tr("Save design"), objectName="save_design")
        self.preview = PdfPreview(self)
        self._timer = QTimer(self, singleShot=True, interval=250, timeout=self.update_preview)
        self._stale = True
        self._build()
        self.load()

    def _build(self) -> None:
        self.duties.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("Card title"), self.title)
        form.addRow(self.tr("Duties (back)"), self.duties)
        form.addRow(self.tr("Station phone"), self.phone)
        self.phone.setPlaceholderText(self.tr("Empty: card backs carry no number to call"))
        form.addRow(self.tr("Return text"), self.return_text)
        form.addRow("", help_label(self.tr("Write {station} where the station's name is to be printed.")))
        form.addRow(self.tr("Valid for (years)"), self.validity)
        form.addRow(self.tr("Warn days before expiry"), self.warn_days)
        labels = (self.tr("Front offset x"), self.tr("Front offset y"), self.tr("Back offset x"), self.tr("Back offset y"))
        for name, text in zip(OFFSETS, labels, strict=True):
            form.addRow(text, self.offsets[name])
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.save_button)
        side.addStretch()
        layout = QHBoxLayout(self)
        layout.addLayout(side, 2)
        layout.addWidget(self.preview, 3)
        for w in (self.title, self.phone, self.return_text):
            w.textChanged.connect(self._timer.start)
        self.duties.textChanged.connect(self._timer.start)
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(self._cards.can(Action.SETTINGS))

    def load(self) -> None:
        c = self._cards.settings()
        self.title.setText(c.title)
        self.duties.setPlainText(c.duties)
        self.phone.setText(c.phone)
        self.return_text.setText(c.return_text)
        self.validity.setValue(c.validity_years)
        self.warn_days.setValue(c.warn_days)
        for name, box in self.offsets.items():
            box.setValue(getattr(c, name))
        self._timer.stop()  # filling the fields is not an edit
        self.update_preview()

    def current(self) -> CardSettings:
        return CardSettings(
            validity_years=self.validity.value(), title=self.title.text(), duties=self.duties.toPlainText(),
            phone=self.phone.text(), return_text=self.return_text.text(), warn_days=self.warn_days.value(),
            **{name: box.value() for name, box in self.offsets.items()},
        )

    def update_preview(self) -> None:
        """Redraw the sample card; while the panel is hidden, only remember to."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.preview.show_pdf(self._cards.sample_pdf(self.current()))

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.update_preview()

    def save(self) -> None:
        try:
            self._cards.update_settings(self.current())
        except ValidationError as exc:
            show_error(self, exc)
            return
        self.saved.emit()
