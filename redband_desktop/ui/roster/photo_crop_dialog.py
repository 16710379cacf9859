"""Choosing the 3:4 part of a photo that goes on the volunteer's card.

`PhotoCropDialog.from_file(path, parent)` reads the file (turned upright from its EXIF
orientation, as the service's Pillow code does, so both agree on pixel coordinates),
refuses unreadable, oversized or too-small images with a clear message before anything is
shown, and otherwise returns the dialog. After `exec()`, `crop_box()` is the chosen box
in source pixels, `source_bytes` the file as read, and `cropped_image()` the preview.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.photo import MAX_FILE_MB, MIN_SIZE, centre_crop_box
from redband_desktop.ui.roster.photo_crop_view import PhotoCropView

PREVIEW_SIZE = (120, 160)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PhotoCropDialog", text)


class PhotoCropDialog(QDialog):
    """Shows the image with a movable, resizable 3:4 frame; OK accepts the frame."""

    def __init__(self, image: QImage, source_bytes: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photo_crop_dialog")
        self.setWindowTitle(self.tr("Crop photo"))
        self._image = image
        self.source_bytes = source_bytes
        self.view = PhotoCropView(image, centre_crop_box(image.width(), image.height()),
                                  MIN_SIZE[0], self)
        self._preview = QLabel(self)
        self._preview.setObjectName("crop_preview")
        self._preview.setFixedSize(*PREVIEW_SIZE)
        self._preview.setFrameShape(QLabel.Shape.Box)
        self._build()
        self.view.box_changed.connect(self._update_preview)
        self._update_preview()
        self.resize(720, 540)
        self.view.setFocus()

    def _build(self) -> None:
        hint = QLabel(self.tr("Drag the frame to move it. Drag a corner or turn the mouse "
                              "wheel to resize it. The part inside the frame goes on the card."),
                      self)
        hint.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("On the card:"), self))
        side.addWidget(self._preview)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.view, 1)
        middle.addLayout(side)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this part"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(middle, 1)
        layout.addWidget(buttons)

    def crop_box(self) -> tuple[int, int, int, int]:
        """(left, top, right, bottom) in pixels of the upright source image."""
        return self.view.crop_box()

    def cropped_image(self) -> QImage:
        left, top, right, bottom = self.crop_box()
        return self._image.copy(QRect(left, top, right - left, bottom - top))

    def _update_preview(self) -> None:
        w, h = PREVIEW_SIZE
        self._preview.setPixmap(QPixmap.fromImage(self.cropped_image().scaled(
            w, h, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )))

    # -- opening a file ----------------------------------------------------------------
    @classmethod
    def from_file(cls, path: str, parent: QWidget | None = None) -> PhotoCropDialog | None:
        """The dialog for the image at `path`, or None after telling the user why not."""
        file = Path(path)
        try:
            too_big = file.stat().st_size > MAX_FILE_MB * 1024 * 1024
            data = b"" if too_big else file.read_bytes()
        except OSError as exc:
            return cls._refuse(parent, _tr("The file could not be opened: {error}")
                               .format(error=exc.strerror or str(exc)))
        if too_big:
            return cls._refuse(parent, _tr("The file is larger than {size} MB. Choose a smaller "
                                           "photo.").format(size=MAX_FILE_MB))
        image, error = cls.read_image(data)
        if image.isNull():
            return cls._refuse(parent, _tr("The file is not an image this program can read "
                                           "({error}).").format(error=error))
        left, top, right, bottom = centre_crop_box(image.width(), image.height())
        if right - left < MIN_SIZE[0] or bottom - top < MIN_SIZE[1]:
            return cls._refuse(parent, _tr(
                "This photo is too small ({width}×{height} pixels). A card photo needs at least "
                "{min_w}×{min_h} pixels in portrait shape; please choose a larger photo."
            ).format(width=image.width(), height=image.height(),
                     min_w=MIN_SIZE[0], min_h=MIN_SIZE[1]))
        return cls(image, data, parent)

    @staticmethod
    def read_image(data: bytes) -> tuple[QImage, str]:
        """Decode `data` upright (EXIF orientation applied); (null image, reason) on failure."""
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        reader.setAutoTransform(True)
        image = reader.read()
        return image, reader.errorString()

    @staticmethod
    def _refuse(parent: QWidget | None, text: str) -> None:
        QMessageBox.warning(parent, _tr("Cannot use this photo"), text)
        return None
