"""The first-run dialog: name the station and optionally load the demonstration station.

Loading the demo takes a few seconds, so it runs in the background behind a busy
progress dialog; the window stays responsive and errors are shown, never swallowed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.errors import ValidationError
from redband_desktop.ui.feedback import run_in_background, show_error
from redband_desktop.ui.i18n import ui_lang

if TYPE_CHECKING:
    from redband_desktop.services.setup import SetupService


class FirstRunDialog(QDialog):
    def __init__(self, setup: SetupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup = setup
        self._progress: QProgressDialog | None = None
        self.setWindowTitle(self.tr("Welcome to 红袖标 Desktop"))
        intro = QLabel(self.tr(
            "This is the first start. Enter the name of your police station to create its "
            "database on this computer. You can load a demonstration station (6 districts, "
            "43 compounds, 2 markets, 12 organisations and 1,100 fictitious volunteers) to try "
            "the program out."))
        intro.setWordWrap(True)
        self.station = QLineEdit(objectName="station_name")
        self.station.setPlaceholderText(self.tr("e.g. 金家河派出所"))
        self.error = QLabel(objectName="station_error")
        self.error.setStyleSheet("color:#c0392b")
        self.error.hide()
        self.demo = QCheckBox(self.tr("Load demonstration data"), objectName="demo")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create station"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Station name"), self.station)
        form.addRow("", self.error)
        form.addRow("", self.demo)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def create(self) -> None:
        name, demo = self.station.text(), self.demo.isChecked()
        self.buttons.setEnabled(False)
        self.error.hide()
        if demo:
            self._progress = QProgressDialog(self.tr("Loading the demonstration station…"), "", 0, 0, self)
            self._progress.setCancelButton(None)
            self._progress.setWindowModality(Qt.WindowModality.WindowModal)
            self._progress.setMinimumDuration(0)
            self._progress.show()
        run_in_background(lambda: self._setup.first_run(name, demo), self._done, self._failed)

    def _done(self, _result: object) -> None:
        self._close_progress()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.error.setText(exc.field_messages(ui_lang()).get("station_name", exc.message(ui_lang())))
            self.error.show()
            self.station.setFocus()
        else:
            show_error(self, exc)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None
