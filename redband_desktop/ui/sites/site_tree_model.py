"""The structure tree as a small item model: District → Site → Building/Zone.

Each item carries a `Node` key (what it is and its id) under NODE_ROLE, so the page can
find an item again after a reload and open the matching details. Buildings and zones
without an active head are shown in red with the reason in their tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from redband_desktop.services.sites.types import DistrictNode, PlaceNode, SiteNode
from redband_desktop.ui.i18n import bracketed, label

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
GAP_COLOR = QColor("#c62828")


@dataclass(frozen=True)
class Node:
    kind: str  # "district", "site", "building" or "zone"
    id: int
    district_id: int
    site_kind: str = ""  # for sites: compound / market / organization
    name: str = ""  # for sites: the site's own name (the item shows its kind too)


def _item(text: str, node: Node) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(node, NODE_ROLE)
    return item


def _place_item(p: PlaceNode, district_id: int) -> QStandardItem:
    text = f"{p.label}　{p.head_name}" if p.head_name else p.label
    item = _item(text, Node(p.kind.value, p.id, district_id))
    if p.gap is not None:
        item.setForeground(QBrush(GAP_COLOR))
        item.setToolTip(label(p.gap))
    return item


def _site_item(site: SiteNode) -> QStandardItem:
    item = _item(site.name + bracketed(label(site.kind)),
                 Node("site", site.id, site.district_id, site.kind.value, site.name))
    for p in site.places:
        item.appendRow(_place_item(p, site.district_id))
    return item


def build_model(nodes: list[DistrictNode], model: QStandardItemModel) -> None:
    """Fill `model` (cleared first) from the service's tree."""
    model.clear()
    model.setHorizontalHeaderLabels([QCoreApplication.translate("SiteTreeModel", "Structure")])
    for d in nodes:
        officer = (QCoreApplication.translate("SiteTreeModel", "officer {name}").format(name=d.officer_name)
                   if d.officer_name else "")
        text = f"{d.name}　{officer}" if officer else d.name
        item = _item(text, Node("district", d.id, d.id))
        for site in d.sites:
            item.appendRow(_site_item(site))
        model.appendRow(item)


def find(model: QStandardItemModel, kind: str, ident: int, parent: QModelIndex | None = None) -> QModelIndex:
    """The index of the item for (kind, id), or an invalid index."""
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        node = index.data(NODE_ROLE)
        if node is not None and node.kind == kind and node.id == ident:
            return index
        found = find(model, kind, ident, index)
        if found.isValid():
            return found
    return QModelIndex()
