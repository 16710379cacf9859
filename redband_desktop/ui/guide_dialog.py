"""Help → User guide (F1): the Chinese user guide shipped in `resources/guide/`, read
offline in a QTextBrowser (its links between sections work, its screenshots load from
`images/` beside it). It opens at the section of the page the user is on, and stays
open beside the main window while they work."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.paths import guide_path
from redband_desktop.ui.widgets.fitting import fit_to_screen


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.setObjectName("user_guide")
        self.browser = QTextBrowser(objectName="guide_text")
        self.browser.setOpenExternalLinks(False)  # the guide links only to itself
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        back = QPushButton(self.tr("Back"))
        back.setEnabled(False)
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        contents = QPushButton(self.tr("Contents"))
        contents.clicked.connect(lambda: self.show_section("contents"))
        buttons.addButton(back, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(contents, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1000, 700)

    def show_section(self, anchor: str) -> None:
        """Scroll to a section by its anchor (a page's title in the navigation list, in
        Chinese or English); an unknown one leaves the guide where it is."""
        self.browser.scrollToAnchor(anchor)
