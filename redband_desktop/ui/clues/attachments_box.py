"""The photos of a clue in its dialog: thumbnails, "Add photos…", "Remove" and "View".

Photos already saved are shown from their stored thumbnails; new ones are kept as the
chosen files' bytes, and removed ones as ids, until the dialog saves (so Cancel changes
nothing). Viewing opens the picture scaled to the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.services.clues.types import AttachmentInfo

KEY = Qt.ItemDataRole.UserRole
THUMB = QSize(96, 96)


class AttachmentsBox(QWidget):
    def __init__(self, load: Callable[[int], bytes], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load = load  # stored image bytes by attachment id
        self.added: list[bytes] = []
        self.removed: list[int] = []
        self.photos = QListWidget(objectName="attachments")
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(THUMB)
        self.photos.setFixedHeight(THUMB.height() + 36)
        self.photos.setFlow(QListView.Flow.LeftToRight)
        self.photos.setWrapping(False)
        self.add_button = QPushButton(self.tr("Add photos…"), objectName="add_photos")
        self.remove_button = QPushButton(self.tr("Remove"), objectName="remove_photo")
        self.view_button = QPushButton(self.tr("View"), objectName="view_photo")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.view_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.photos)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove_selected)
        self.view_button.clicked.connect(self.view_selected)
        self.photos.itemDoubleClicked.connect(lambda _item: self.view_selected())
        self.photos.currentItemChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_stored(self, photos: tuple[AttachmentInfo, ...]) -> None:
        for p in photos:
            self._add_item(p.thumbnail, ("stored", p.id), f"{p.width}×{p.height}")

    def add_files(self, paths: list[str]) -> None:
        for path in paths:
            data = Path(path).read_bytes()
            self.added.append(data)
            self._add_item(data, ("new", len(self.added) - 1), Path(path).name)

    def choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), "",
                                                self.tr("Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp)"))
        self.add_files(paths)

    def remove_selected(self) -> None:
        item = self.photos.currentItem()
        if item is None:
            return
        kind, key = item.data(KEY)
        if kind == "stored":
            self.removed.append(key)
        else:
            self.added[key] = b""  # keep the other new photos' positions
        self.photos.takeItem(self.photos.row(item))
        self._update_buttons()

    def new_photos(self) -> list[bytes]:
        return [data for data in self.added if data]

    def image_of(self, item: QListWidgetItem) -> bytes:
        kind, key = item.data(KEY)
        return self._load(key) if kind == "stored" else self.added[key]

    def view_selected(self) -> None:
        item = self.photos.currentItem()
        if item is not None:
            PhotoViewer(self.image_of(item), self).exec()

    def _add_item(self, data: bytes, key: tuple[str, int], text: str) -> None:
        image = QImage.fromData(data)
        item = QListWidgetItem(QIcon(QPixmap.fromImage(image.scaled(
            THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))), text)
        item.setData(KEY, key)
        self.photos.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.photos.currentItem() is not None
        self.remove_button.setEnabled(chosen)
        self.view_button.setEnabled(chosen)


class PhotoViewer(QDialog):
    """One photo, scaled to fit the screen."""

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photo"))
        picture = QLabel(objectName="photo_full")
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        screen = self.screen().availableGeometry().size() * 0.85
        pixmap = QPixmap.fromImage(QImage.fromData(data))
        if pixmap.width() > screen.width() or pixmap.height() > screen.height():  # never enlarged
            pixmap = pixmap.scaled(screen, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        picture.setPixmap(pixmap)
        layout = QVBoxLayout(self)
        layout.addWidget(picture)
