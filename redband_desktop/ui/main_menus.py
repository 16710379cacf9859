"""The main window's menus (File, Account, Help) and the dialogs they open.

`MainMenus` is mixed into `MainWindow`: it builds the menu bar, enables each action for
the signed-in user's rights, and opens the import, settings, points, guide, about and
password dialogs. Its texts are translated in the "MainWindow" context (written as
`QCoreApplication.translate("MainWindow", …)` so that lupdate files them there), where
they were before the menus had a module of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from redband_desktop.domain.access import Action
from redband_desktop.ui.about_dialog import AboutDialog
from redband_desktop.ui.accounts.change_password_dialog import ChangePasswordDialog
from redband_desktop.ui.admin.database_dialog import DatabaseDialog
from redband_desktop.ui.admin.station_settings_dialog import StationSettingsDialog
from redband_desktop.ui.guide_dialog import GuideDialog
from redband_desktop.ui.importing.import_wizard import ImportWizard
from redband_desktop.ui.importing.portraits_dialog import PortraitsDialog
from redband_desktop.ui.sites.structure_dialog import StructureDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget

    from redband_desktop.services import Services
    from redband_desktop.ui.accounts.idle_lock import IdleLock
    from redband_desktop.ui.main_window import AppInfo


class MainMenus:
    """The menu bar of `MainWindow`: a QMainWindow with these attributes and `sign_out`."""

    _services: Services
    _info: AppInfo
    nav: QListWidget
    idle: IdleLock
    guide: GuideDialog | None

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
        self.import_action = QAction(QCoreApplication.translate("MainWindow", "Import…"), self,
                                     objectName="import")
        self.import_action.triggered.connect(self.import_sheet)
        file_menu.addAction(self.import_action)
        self.portraits_action = QAction(QCoreApplication.translate("MainWindow", "Import portraits…"), self,
                                        objectName="import_portraits")
        self.portraits_action.triggered.connect(self.import_portraits)
        file_menu.addAction(self.portraits_action)
        file_menu.addSeparator()
        self.structure_action = structure = QAction(
            QCoreApplication.translate("MainWindow", "Districts and sites…"), self)
        structure.triggered.connect(self.edit_structure)
        file_menu.addAction(structure)
        self.database_action = QAction(QCoreApplication.translate("MainWindow", "Database location…"), self)
        self.database_action.triggered.connect(lambda: DatabaseDialog(self._info.dirs, self).exec())
        file_menu.addAction(self.database_action)
        self.settings_action = QAction(QCoreApplication.translate("MainWindow", "Station settings…"), self,
                                       objectName="station_settings")
        self.settings_action.triggered.connect(self.edit_station)
        file_menu.addAction(self.settings_action)
        self.points_action = QAction(QCoreApplication.translate("MainWindow", "Points rules…"), self,
                                     objectName="point_rules")
        self.points_action.triggered.connect(self.edit_point_rules)
        file_menu.addAction(self.points_action)
        self.ranking_action = QAction(QCoreApplication.translate("MainWindow", "Points ranking…"), self,
                                      objectName="points_ranking")
        self.ranking_action.triggered.connect(self.show_points_ranking)
        file_menu.addAction(self.ranking_action)
        file_menu.addSeparator()
        quit_action = QAction(QCoreApplication.translate("MainWindow", "Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self._build_account_menu()
        self._build_help_menu()

    def _build_account_menu(self) -> None:
        menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Account"))
        for text, slot, name, shortcut in (
            (QCoreApplication.translate("MainWindow", "Change password…"), self.change_password,
             "change_password", None),
            (QCoreApplication.translate("MainWindow", "Lock screen"), lambda: self.idle.lock(),
             "lock_screen", "Ctrl+L"),
            (QCoreApplication.translate("MainWindow", "Sign out"), self.sign_out, "sign_out", None),
        ):
            action = QAction(text, self, objectName=name)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            menu.addAction(action)

    def _build_help_menu(self) -> None:
        help_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        self.guide_action = QAction(QCoreApplication.translate("MainWindow", "User guide"), self,
                                    objectName="user_guide")
        self.guide_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.guide_action.triggered.connect(self.show_guide)
        help_menu.addAction(self.guide_action)
        about = QAction(QCoreApplication.translate("MainWindow", "About 红袖标 Desktop"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _enable_menus(self) -> None:
        """Each File action for the rights of whoever is signed in now."""
        can = self._services.access.can
        self.structure_action.setEnabled(can(Action.STRUCTURE))
        self.import_action.setEnabled(can(Action.EDIT))
        self.portraits_action.setEnabled(can(Action.EDIT))
        self.database_action.setEnabled(can(Action.SETTINGS))
        self.settings_action.setEnabled(can(Action.SETTINGS))
        self.points_action.setEnabled(can(Action.SETTINGS))
        self.ranking_action.setEnabled(can(Action.STATS))

    def import_sheet(self) -> ImportWizard:
        """File → Import…; the pages refresh from the change notice, the status bar says
        what was written."""
        wizard = ImportWizard(self._services, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.accepted.connect(lambda: self.statusBar().showMessage(wizard.summary(), 30_000))
        wizard.open()
        return wizard

    def import_portraits(self) -> PortraitsDialog:
        dialog = PortraitsDialog(self._services.importer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(dialog.summary(), 30_000))
        dialog.open()
        return dialog

    def edit_structure(self) -> None:
        StructureDialog(self._services.structure, self).exec()

    def edit_station(self) -> None:
        StationSettingsDialog(self._services.station, self).exec()

    def edit_point_rules(self) -> None:
        from redband_desktop.ui.admin.point_rules_dialog import PointRulesDialog

        PointRulesDialog(self._services.points, self).exec()

    def show_points_ranking(self) -> None:
        from redband_desktop.ui.roster.points_ranking_dialog import PointsRankingDialog

        districts = [(d.id, d.name) for d in self._services.structure.districts()]
        PointsRankingDialog(self._services.points, districts, self).exec()

    def show_about(self) -> None:
        AboutDialog(self._info, self._services.station.settings().name, self).exec()

    def show_guide(self) -> GuideDialog:
        """The user guide at the section of the page on screen (its title is the anchor),
        beside the window: one guide, brought to the front when asked for again."""
        if self.guide is None:
            self.guide = GuideDialog(self)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()
        item = self.nav.currentItem()
        if item is not None:
            self.guide.show_section(item.text())
        return self.guide

    def change_password(self) -> None:
        ChangePasswordDialog(self._services.accounts, parent=self).exec()
