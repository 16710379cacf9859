"""The main window: a navigation list on the left and one page per capability.

Pages get the services through their constructors. After a page writes something it
emits `data_changed(kind)`; the window re-broadcasts it so other pages can reload.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from redband_desktop.paths import UserDirs
from redband_desktop.ui.about_dialog import AboutDialog
from redband_desktop.ui.admin.backup_page import BackupPage
from redband_desktop.ui.roster.roster_page import RosterPage
from redband_desktop.ui.structure_dialog import StructureDialog

if TYPE_CHECKING:
    from redband_desktop.services import Services


@dataclass(frozen=True)
class AppInfo:
    version: str
    database: str
    dirs: UserDirs


class MainWindow(QMainWindow):
    data_changed = Signal(str)

    def __init__(self, services: Services, info: AppInfo) -> None:
        super().__init__()
        self._services = services
        self._info = info
        self.nav = QListWidget(objectName="navigation")
        self.pages = QStackedWidget()
        self.roster = RosterPage(services)
        self._add_page(self.tr("Volunteer roster"), self.roster)
        self.backups = BackupPage(services)
        self._add_page(self.tr("Backups"), self.backups)
        self._build_layout()
        self._build_menus()
        self._connect()
        self._show_station()
        self.resize(1280, 800)

    def _add_page(self, title: str, page: QWidget) -> None:
        item = QListWidgetItem(title)
        item.setSizeHint(QSize(0, 40))
        self.nav.addItem(item)
        self.pages.addWidget(page)
        if hasattr(page, "data_changed"):
            page.data_changed.connect(self.data_changed)

    def _build_layout(self) -> None:
        self.nav.setFixedWidth(170)
        self.nav.setCurrentRow(0)
        self.nav.setStyleSheet(
            "QListWidget{font-size:15px;border:none;background:#f4f1ec;padding-top:8px}"
            "QListWidget::item{padding-left:14px}"
            "QListWidget::item:selected{background:#c8102e;color:white}"
        )
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        structure = QAction(self.tr("Districts and sites…"), self)
        structure.triggered.connect(self.edit_structure)
        file_menu.addAction(structure)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("About 红袖标 Desktop"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _connect(self) -> None:
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.data_changed.connect(self._on_data_changed)

    def _show_station(self) -> None:
        station = self._services.station.settings().name
        self.setWindowTitle(self.tr("{station} — 红袖标 Desktop").format(station=station))
        where = QLabel(self._info.database.removeprefix("sqlite:///"))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(where)
        self.statusBar().showMessage(station)

    def _on_data_changed(self, kind: str) -> None:
        if kind in ("districts", "sites", "all"):  # "all": a backup was restored
            self.roster.filters.reload_choices()
            self.roster.refresh()

    def edit_structure(self) -> None:
        dialog = StructureDialog(self._services.structure, self)
        dialog.changed.connect(self.data_changed)
        dialog.exec()

    def show_about(self) -> None:
        AboutDialog(self._info, self._services.station.settings().name, self).exec()
