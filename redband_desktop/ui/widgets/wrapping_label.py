"""A word-wrapped label that asks for exactly the height its text needs at its width.

QLabel's own size hint for wrapped text guesses a "pleasant" width (often far narrower than
the form column it sits in), so a form reserves two or three lines for a one-line message
and leaves a gap under it. This label answers with the height for the width it actually
has, and asks for a new layout when that width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class WrappingLabel(QLabel):
    """Word-wrapped, top-aligned, as tall as its text at its current width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().sizeHint()
        if not self.text() or not self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            return hint
        return QSize(hint.width(), self.heightForWidth(self.width()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()


def help_label(text: str, parent: QWidget | None = None) -> WrappingLabel:
    """Grey explanatory text under a form (password rules, what a setting does): wrapped
    at the form's width and as tall as it needs, never clipped."""
    label = WrappingLabel(parent)
    label.setText(text)
    label.setStyleSheet("color:#555")
    return label
