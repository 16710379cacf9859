"""The site page: the structure tree on the left (District → Site → Building/Zone) and
the details of what is selected on the right; add sites, buildings (in bulk) and zones,
remove empty ones, assign heads. `show_place(kind, id, assign=True)` is how the
coverage view jumps here with the assign dialog open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.coverage import PlaceKind
from redband_desktop.domain.enums import SiteKind
from redband_desktop.errors import RedbandError
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.changes import watch
from redband_desktop.ui.i18n import label
from redband_desktop.ui.sites.bulk_buildings_dialog import BulkBuildingsDialog
from redband_desktop.ui.sites.district_form import DistrictFormWidget
from redband_desktop.ui.sites.place_panel import PlacePanel
from redband_desktop.ui.sites.site_form import SiteFormWidget
from redband_desktop.ui.sites.site_tree_model import NODE_ROLE, Node, build_model, find
from redband_desktop.ui.widgets.exporting import save_export
from redband_desktop.ui.widgets.feedback import show_error

if TYPE_CHECKING:
    from redband_desktop.services import Services


SHOWS = Change.PLACES | Change.HEADS | Change.VOLUNTEERS


class SitePage(QWidget):

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.model = QStandardItemModel(self)
        self.shown = QSortFilterProxyModel(self)  # the tree as filtered by the search box
        self.shown.setSourceModel(self.model)
        self.shown.setRecursiveFilteringEnabled(True)  # a match keeps its district and site
        self.shown.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit(objectName="tree_search", placeholderText=self.tr("Find a site, building or zone"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeView(objectName="site_tree")
        self.tree.setModel(self.shown)
        self.tree.setUniformRowHeights(True)
        self.details = QStackedWidget()
        self.empty = QLabel(self.tr("Choose a district, site, building or zone on the left."))
        self.district_form = DistrictFormWidget(services.sites)
        self.site_form = SiteFormWidget(services.sites)
        self.place_panel = PlacePanel(services)
        for w in (self.empty, self.district_form, self.site_form, self.place_panel):
            self.details.addWidget(w)
        self.add_site_button = QPushButton(self.tr("Add site…"))
        self.add_buildings_button = QPushButton(self.tr("Add buildings…"))
        self.add_zone_button = QPushButton(self.tr("Add zone…"))
        self.export_button = self._export_button()
        self.export_note = QLabel(objectName="sites_export_note", wordWrap=True)
        self.export_note.hide()
        self._build()
        self._connect()
        self.reload()
        watch(self, services.changes, SHOWS, lambda _kinds: self.reload())

    def _build(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        for b in (self.add_site_button, self.add_buildings_button, self.add_zone_button):
            buttons.addWidget(b)
        column.addLayout(buttons)
        find = QHBoxLayout()
        find.addWidget(self.search, 1)
        find.addWidget(self.export_button)
        column.addLayout(find)
        column.addWidget(self.tree, 1)
        column.addWidget(self.export_note)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setSizes([380, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _export_button(self) -> QToolButton:
        """Export ▾: the sites, or every building and zone with its head."""
        button = QToolButton(objectName="export_sites", text=self.tr("Export"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.addAction(self.tr("Sites…"), lambda: self.export_sites())
        menu.addAction(self.tr("Buildings and zones with their heads…"), lambda: self.export_heads())
        button.setMenu(menu)
        button.setEnabled(self._services.access.can(Action.EXPORT))
        return button

    def export_sites(self, path: str | None = None) -> None:
        save_export(self, self.tr("Export the sites"), self.tr("sites.xlsx"), self._services.sites.export_sites,
                    self.export_note, path)

    def export_heads(self, path: str | None = None) -> None:
        """Numbers in full for the roles allowed, masked for the others."""
        full = self._services.access.can(Action.EXPORT_FULL)
        save_export(self, self.tr("Export buildings and heads"), self.tr("heads.xlsx"),
                    lambda: self._services.sites.export_heads(full), self.export_note, path)

    def _connect(self) -> None:
        self.tree.selectionModel().currentChanged.connect(lambda cur, _prev: self._open(cur.data(NODE_ROLE)))
        self.add_site_button.clicked.connect(self.add_site)
        self.add_buildings_button.clicked.connect(self.add_buildings)
        self.add_zone_button.clicked.connect(self.add_zone)
        self.site_form.remove_requested.connect(lambda i: self.remove("site", i))
        self.search.textChanged.connect(self._filter)
        self.place_panel.remove_requested.connect(self.remove)

    # -- the tree ----------------------------------------------------------------
    def reload(self, kind: str | None = None, ident: int | None = None) -> None:
        """Rebuild the tree from the service, keeping (or moving to) a selection."""
        if kind is None and (node := self.current_node()) is not None:
            kind, ident = node.kind, node.id
        build_model(self._services.sites.tree(), self.model)
        self._expand()
        if kind is None or ident is None or not self.select(kind, ident):
            self._open(None)
        self._enable_buttons()

    def _filter(self, text: str) -> None:
        self.shown.setFilterFixedString(text.strip())
        self._expand()

    def _expand(self) -> None:
        """Districts open (their sites in view); while searching, every match in view."""
        if self.search.text().strip():
            self.tree.expandAll()
            return
        for row in range(self.shown.rowCount()):
            self.tree.expand(self.shown.index(row, 0))

    def select(self, kind: str, ident: int) -> bool:
        index = self.shown.mapFromSource(find(self.model, kind, ident))
        if not index.isValid():  # unknown, or hidden by the search: show it
            if not find(self.model, kind, ident).isValid():
                return False
            self.search.clear()
            index = self.shown.mapFromSource(find(self.model, kind, ident))
        self.tree.scrollTo(index)
        self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._open(index.data(NODE_ROLE))
        return True

    def current_node(self) -> Node | None:
        return self.tree.currentIndex().data(NODE_ROLE)

    def _open(self, node: Node | None) -> None:
        try:
            if node is None:
                self.details.setCurrentWidget(self.empty)
            elif node.kind == "district":
                self.district_form.load(node.id)
                self.details.setCurrentWidget(self.district_form)
            elif node.kind == "site":
                self.site_form.load(node.id)
                self.details.setCurrentWidget(self.site_form)
            else:
                self.place_panel.load(PlaceKind(node.kind), node.id)
                self.details.setCurrentWidget(self.place_panel)
        except RedbandError as exc:
            show_error(self, exc)
        self._enable_buttons()

    def show_place(self, kind: str, ident: int, assign: bool = False) -> None:
        """Select a building or zone (from the coverage view) and optionally open the picker."""
        if self.select(kind, ident) and assign:
            self.place_panel.open_assign()

    def _site_of_current(self) -> tuple[int, str, str] | None:
        """(site id, kind, name) of the selected site or of the selected place's site."""
        index = self.tree.currentIndex()
        node = index.data(NODE_ROLE)
        if node is None or node.kind == "district":
            return None
        if node.kind != "site":
            index, node = index.parent(), index.parent().data(NODE_ROLE)
        return node.id, node.site_kind, node.name

    def _enable_buttons(self) -> None:
        node = self.current_node()
        site = self._site_of_current()
        compound = site is not None and site[1] == SiteKind.COMPOUND.value
        market = site is not None and site[1] == SiteKind.MARKET.value
        # A disabled button says what would enable it.
        for button, on, why in (
            (self.add_site_button, node is not None, self.tr("Choose the district the site belongs to first")),
            (self.add_buildings_button, compound, self.tr("Choose a residential compound (or one of its buildings)")),
            (self.add_zone_button, market, self.tr("Choose a market (or one of its zones)")),
        ):
            button.setEnabled(on)
            button.setToolTip("" if on else why)

    # -- actions -----------------------------------------------------------------
    def add_site(self) -> None:
        node = self.current_node()
        if node is None:
            return
        kinds = list(SiteKind)
        choice, ok = QInputDialog.getItem(self, self.tr("Add site"), self.tr("Kind"), [label(k) for k in kinds], 0, False)
        if not ok:
            return
        name, ok = QInputDialog.getText(self, self.tr("Add site"), self.tr("Name"))
        if not ok:
            return
        kind = kinds[[label(k) for k in kinds].index(choice)]
        try:
            site = self._services.structure.create_site(node.district_id, kind.value, name)
        except RedbandError as exc:
            show_error(self, exc)
            return
        self.select("site", site.id)  # the tree was reloaded by the change notice

    def add_buildings(self) -> BulkBuildingsDialog | None:
        site = self._site_of_current()
        if site is None:
            return None
        existing = {p.label for d in self._services.sites.tree() for x in d.sites if x.id == site[0] for p in x.places}
        dialog = BulkBuildingsDialog(self._services.places, site[0], site[2], existing, self)
        dialog.accepted.connect(lambda: self.select("site", site[0]))
        dialog.open()
        return dialog

    def add_zone(self) -> None:
        site = self._site_of_current()
        if site is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Add zone"), self.tr("Zone name"))
        if not ok:
            return
        try:
            zone = self._services.places.add_zone(site[0], name)
        except RedbandError as exc:
            show_error(self, exc)
            return
        self.select("zone", zone.id)

    def remove(self, kind: str, ident: int) -> None:
        """Remove an empty site, building or zone; a refusal says what holds it."""
        index = find(self.model, kind, ident)
        question = self.tr("Remove “{name}”?").format(name=index.data() if index.isValid() else "")
        if QMessageBox.question(self, self.tr("Remove"), question) != QMessageBox.StandardButton.Yes:
            return
        parent = index.parent().data(NODE_ROLE) if index.isValid() else None
        try:
            if kind == "site":
                self._services.sites.delete_site(ident)
            else:
                self._services.places.delete(PlaceKind(kind), ident)
        except RedbandError as exc:
            show_error(self, exc)
            return
        if parent is not None:
            self.select(parent.kind, parent.id)
