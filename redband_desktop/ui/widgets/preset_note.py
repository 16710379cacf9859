"""The yellow line over a list opened from a figure (home page, statistics): "Showing:
joined this month" and a "Show all" button that drops what the figure set."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class PresetNote(QWidget):
    cleared = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name)
        self.note = QLabel(objectName=f"{name}_text", wordWrap=True)
        self.note.setStyleSheet("background:#fff4d6;padding:4px")
        self.clear_button = QPushButton(self.tr("Show all"), objectName=f"{name}_clear")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.clear_button)
        self.clear_button.clicked.connect(self.cleared)
        self.hide()

    def show_label(self, label: str) -> None:
        """Show "Showing: label"; an empty label hides the line."""
        self.note.setText(self.tr("Showing: {what}").format(what=label))
        self.setVisible(bool(label))
