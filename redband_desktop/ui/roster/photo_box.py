"""The photo area of the volunteer dialog: the card portrait, "Choose photo…", "Remove".

It shows the stored portrait (or a placeholder), lets the clerk pick an image file and crop
it (`PhotoCropDialog`), and remembers what to submit: the new file's bytes with the crop
box, or that the photo should be removed. Nothing is written until the dialog saves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from redband_desktop.ui.roster.photo_crop_dialog import PhotoCropDialog
from redband_desktop.ui.widgets.field_errors import FieldErrors

PHOTO_SIZE = (150, 200)  # 3:4, like the card


class PhotoBox(QWidget):
    """Portrait preview and its buttons; `photo_bytes`, `photo_crop`, `remove` for the form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo_bytes: bytes | None = None
        self.photo_crop: tuple[int, int, int, int] | None = None
        self.remove = False
        self._has_stored = False
        self.picture = QLabel(self)
        self.picture.setObjectName("photo_preview")
        self.picture.setFixedSize(*PHOTO_SIZE)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setWordWrap(True)
        self.picture.setStyleSheet(
            "QLabel { border: 1px solid #b0b4ba; background: #f4f5f7; color: #80868b; }"
        )
        self.choose_button = QPushButton(self.tr("Choose photo…"), self)
        self.choose_button.setObjectName("choose_photo")
        self.remove_button = QPushButton(self.tr("Remove photo"), self)
        self.remove_button.setObjectName("remove_photo")
        self.error = FieldErrors.make_label("photo")
        self.error.setParent(self)
        self.error.setFixedWidth(PHOTO_SIZE[0])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.error)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.remove_button)
        layout.addStretch(1)
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove_photo)
        self._show(None)

    def set_stored(self, data: bytes | None) -> None:
        """Show the portrait already saved for the volunteer (None: there is none)."""
        self._has_stored = data is not None
        image = QImage.fromData(data) if data else QImage()
        self._show(None if image.isNull() else image)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a photo"), "",
            self.tr("Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)"),
        )
        if not path:
            return
        dialog = PhotoCropDialog.from_file(path, self)
        if dialog is None or dialog.exec() != PhotoCropDialog.DialogCode.Accepted:
            return
        self.photo_bytes = dialog.source_bytes
        self.photo_crop = dialog.crop_box()
        self.remove = False
        self.error.setVisible(False)
        self._show(dialog.cropped_image())

    def remove_photo(self) -> None:
        self.photo_bytes = None
        self.photo_crop = None
        self.remove = self._has_stored
        self.error.setVisible(False)
        self._show(None)

    def _show(self, image: QImage | None) -> None:
        if image is None:
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.tr("No photo"))
        else:
            w, h = PHOTO_SIZE
            self.picture.setPixmap(QPixmap.fromImage(image.scaled(
                w - 2, h - 2, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )))
        self.remove_button.setEnabled(image is not None)
