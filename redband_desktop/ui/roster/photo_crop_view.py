"""The canvas of the crop dialog: the photo scaled to fit with a 3:4 frame on top.

The frame is kept in source-image pixels (floats while dragging) so that what the clerk
sees is exactly what `crop_box()` returns, whatever the window size. Drag inside the frame
to move it, drag a corner or turn the mouse wheel to resize it; the arrow keys move it and
+/- resize it. The frame never leaves the image, keeps the 3:4 portrait shape and never
gets smaller than the smallest portrait the cards accept.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

ASPECT = 4 / 3  # height / width
HANDLE = 9  # px, half the grab area of a corner
MARGIN = 12  # px around the image


class PhotoCropView(QWidget):
    """Shows `image` and lets the user place a 3:4 frame; `box_changed` on every change."""

    box_changed = Signal()

    def __init__(
        self,
        image: QImage,
        box: tuple[int, int, int, int],
        min_width: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crop_view")
        self._image = image
        self._min_w = float(min_width)
        left, top, right, bottom = box
        self._box = QRectF(left, top, right - left, (right - left) * ASPECT)
        self._scaled = QPixmap()
        self._drag: tuple[str, QPointF] | None = None  # ("move", offset) / ("resize", anchor)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 320)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(520, 460)

    def crop_box(self) -> tuple[int, int, int, int]:
        """(left, top, right, bottom) in source pixels, exactly 3:4 up to rounding."""
        w = round(self._box.width())
        h = round(w * ASPECT)
        left = min(max(0, round(self._box.left())), self._image.width() - w)
        top = min(max(0, round(self._box.top())), self._image.height() - h)
        return (left, top, left + w, top + h)

    # -- geometry ----------------------------------------------------------------------
    def _scale(self) -> float:
        avail_w = max(1, self.width() - 2 * MARGIN)
        avail_h = max(1, self.height() - 2 * MARGIN)
        return min(avail_w / self._image.width(), avail_h / self._image.height())

    def _image_rect(self) -> QRectF:
        s = self._scale()
        w, h = self._image.width() * s, self._image.height() * s
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def _to_view(self, r: QRectF) -> QRectF:
        s, origin = self._scale(), self._image_rect().topLeft()
        return QRectF(origin.x() + r.x() * s, origin.y() + r.y() * s, r.width() * s, r.height() * s)

    def _to_source(self, p: QPointF) -> QPointF:
        s, origin = self._scale(), self._image_rect().topLeft()
        return QPointF((p.x() - origin.x()) / s, (p.y() - origin.y()) / s)

    def _max_width(self) -> float:
        return min(float(self._image.width()), self._image.height() / ASPECT)

    def _set_box(self, box: QRectF) -> None:
        """Clamp size and position to the image, then repaint."""
        w = min(max(box.width(), self._min_w), self._max_width())
        h = w * ASPECT
        x = min(max(box.x(), 0.0), self._image.width() - w)
        y = min(max(box.y(), 0.0), self._image.height() - h)
        self._box = QRectF(x, y, w, h)
        self.update()
        self.box_changed.emit()

    def _zoom(self, factor: float) -> None:
        centre = self._box.center()
        w = self._box.width() * factor
        self._set_box(QRectF(centre.x() - w / 2, centre.y() - w * ASPECT / 2, w, w * ASPECT))

    def _corners(self) -> dict[str, QPointF]:
        r = self._to_view(self._box)
        return {"tl": r.topLeft(), "tr": r.topRight(), "bl": r.bottomLeft(), "br": r.bottomRight()}

    def _corner_at(self, pos: QPointF) -> str | None:
        for name, p in self._corners().items():
            if abs(p.x() - pos.x()) <= HANDLE and abs(p.y() - pos.y()) <= HANDLE:
                return name
        return None

    # -- painting ----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        size = self._image_rect().size().toSize()
        self._scaled = QPixmap.fromImage(
            self._image.scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
        )
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().window())
        image_rect = self._image_rect()
        p.drawPixmap(image_rect.topLeft(), self._scaled)
        frame = self._to_view(self._box)
        shade = QPainterPath()
        shade.addRect(image_rect)
        shade.addRect(frame)  # odd-even fill leaves the frame clear
        p.fillPath(shade, QColor(0, 0, 0, 140))
        p.setPen(QPen(QColor(255, 255, 255, 110), 1))
        for i in (1, 2):  # thirds, to help place eyes and chin
            x = frame.left() + frame.width() * i / 3
            y = frame.top() + frame.height() * i / 3
            p.drawLine(QPointF(x, frame.top()), QPointF(x, frame.bottom()))
            p.drawLine(QPointF(frame.left(), y), QPointF(frame.right(), y))
        p.setPen(QPen(QColor("white"), 2))
        p.drawRect(frame)
        p.setBrush(QColor("white"))
        for c in self._corners().values():
            p.drawRect(QRectF(c.x() - 4, c.y() - 4, 8, 8))
        p.end()

    # -- interaction -------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        pos = event.position()
        corner = self._corner_at(pos)
        if corner is not None:
            opposite = {"tl": "br", "tr": "bl", "bl": "tr", "br": "tl"}[corner]
            anchor = {"tl": self._box.topLeft(), "tr": self._box.topRight(),
                      "bl": self._box.bottomLeft(), "br": self._box.bottomRight()}[opposite]
            self._drag = ("resize", anchor)
        elif self._to_view(self._box).contains(pos):
            self._drag = ("move", self._to_source(pos) - self._box.topLeft())
        else:
            self._drag = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        pos = event.position()
        if self._drag is None:
            self._update_cursor(pos)
            return
        mode, ref = self._drag
        src = self._to_source(pos)
        if mode == "move":
            self._set_box(QRectF(src - ref, self._box.size()))
        else:
            self._resize_from(ref, src)

    def _resize_from(self, anchor: QPointF, src: QPointF) -> None:
        """Resize with `anchor` (the opposite corner) fixed, following the pointer."""
        right = src.x() >= anchor.x()
        down = src.y() >= anchor.y()
        room_w = self._image.width() - anchor.x() if right else anchor.x()
        room_h = self._image.height() - anchor.y() if down else anchor.y()
        w = max(abs(src.x() - anchor.x()), abs(src.y() - anchor.y()) / ASPECT)
        w = max(self._min_w, min(w, room_w, room_h / ASPECT))
        h = w * ASPECT
        x = anchor.x() if right else anchor.x() - w
        y = anchor.y() if down else anchor.y() - h
        self._set_box(QRectF(x, y, w, h))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        self._drag = None
        self._update_cursor(event.position())

    def _update_cursor(self, pos: QPointF) -> None:
        corner = self._corner_at(pos)
        if corner in ("tl", "br"):
            self.setCursor(Qt.CursorShape.SizeFDiagCursor)
        elif corner in ("tr", "bl"):
            self.setCursor(Qt.CursorShape.SizeBDiagCursor)
        elif self._to_view(self._box).contains(pos):
            self.setCursor(Qt.CursorShape.SizeAllCursor)
        else:
            self.unsetCursor()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        steps = event.angleDelta().y() / 120
        if steps:
            self._zoom(0.92 ** steps)  # wheel up (away from you) makes the frame smaller
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        step = max(1.0, self._box.width() / 30)
        moves = {
            Qt.Key.Key_Left: (-step, 0), Qt.Key.Key_Right: (step, 0),
            Qt.Key.Key_Up: (0, -step), Qt.Key.Key_Down: (0, step),
        }
        key = Qt.Key(event.key())
        if key in moves:
            dx, dy = moves[key]
            self._set_box(self._box.translated(dx, dy))
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self._zoom(1.05)
        elif key == Qt.Key.Key_Minus:
            self._zoom(1 / 1.05)
        else:
            super().keyPressEvent(event)
