"""Dialogs that fit a 1366×768 laptop (1366×728 once the taskbar and title bar are taken
off): a form's body scrolls inside the dialog instead of pushing the Save and Cancel
buttons below the screen's edge, and no dialog opens larger than the screen leaves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QVBoxLayout, QWidget

MAX_WIDTH, MAX_HEIGHT = 1366, 700  # the most a dialog may ask for on a station laptop


class _BodyLayout(QVBoxLayout):
    """Holds a form's body in the scroll area, asking only for its minimum height: a form
    with wrapped labels would otherwise ask the scroll area for its comfortable height
    (height-for-width) and scroll even where everything fits."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return False


def scrolling_body(owner: QWidget, body: QWidget, *below: QWidget) -> QScrollArea:
    """Lay `owner` out as a scrolling `body` with `below` (the buttons, a message) fixed
    underneath, always visible."""
    area = QScrollArea(owner, objectName="scrolling_body")
    holder = QWidget()
    inner = _BodyLayout(holder)
    inner.setContentsMargins(0, 0, 0, 0)
    inner.addWidget(body)
    area.setWidget(holder)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    layout = QVBoxLayout(owner)
    layout.addWidget(area, 1)
    for widget in below:
        layout.addWidget(widget)
    return area


def fit_to_screen(dialog: QDialog | QWidget, width: int, height: int) -> None:
    """Open at `width` × `height`, but never larger than a station laptop allows, nor
    larger than the screen the dialog is on."""
    # The primary screen: asking a dialog not yet shown for its own screen() left a
    # dangling screen pointer behind in PySide6 6.11 (a later window crashed on show).
    primary = QGuiApplication.primaryScreen()
    screen = primary.availableGeometry() if primary is not None else None
    limit_w = min(MAX_WIDTH, screen.width()) if screen else MAX_WIDTH
    limit_h = min(MAX_HEIGHT, screen.height()) if screen else MAX_HEIGHT
    dialog.resize(min(max(width, _body_width(dialog)), limit_w), min(height, limit_h))


def _body_width(dialog: QWidget) -> int:
    """The width a scrolling body asks for, with the dialog's margins and room for the
    vertical scroll bar: the body never scrolls sideways, so a narrower dialog would cut
    its right edge off (the volunteer's page in English)."""
    area = dialog.findChild(QScrollArea, "scrolling_body", Qt.FindChildOption.FindDirectChildrenOnly)
    if area is None or area.widget() is None:
        return 0
    layout = dialog.layout()
    margins = layout.contentsMargins().left() + layout.contentsMargins().right() if layout else 0
    return area.widget().sizeHint().width() + area.verticalScrollBar().sizeHint().width() + margins
