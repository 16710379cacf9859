"""The wizard's places step: every district, site and building or zone the sheet names that
the station lacks, with how many rows use it; for each, create it (a site with its kind) or
use an existing one. Rows are checked against these choices in the preview."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from redband_desktop.domain.enums import SiteKind
from redband_desktop.services.importing.types import PlaceChoice, UnknownPlace
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.widgets.field_errors import FieldErrors

CREATE = "create"


class PlacesPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Places"))
        self.setSubTitle(self.tr("These names are not among the station's places. Create each one or use an existing one."))
        self.none_label = QLabel(self.tr("Every place the sheet names exists."), objectName="no_unknown_places")
        self.table = QTableWidget(0, 5, objectName="unknown_places")
        self.table.setHorizontalHeaderLabels([self.tr("Level"), self.tr("Name in the sheet"), self.tr("Belongs to"),
                                              self.tr("Rows"), self.tr("What to do")])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.error = FieldErrors.make_label("places")
        self.error.hide()
        self._unknown: list[UnknownPlace] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.none_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)

    def say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def show_places(self, unknown: list[UnknownPlace], existing: dict[str, list[tuple[int, str]]]) -> None:
        """`existing`: for "district" and "site" (and "place:<site name>"), the (id, name) to offer."""
        self._unknown = unknown
        self.none_label.setVisible(not unknown)
        self.table.setVisible(bool(unknown))
        self.table.setRowCount(len(unknown))
        levels = {"district": self.tr("District"), "site": self.tr("Site"), "place": self.tr("Building / zone")}
        for r, u in enumerate(unknown):
            for c, text in enumerate((levels[u.level], u.name, u.parent, str(u.rows))):
                self.table.setItem(r, c, QTableWidgetItem(text))
            self.table.setCellWidget(r, 4, self._choices(u, existing))
        self.table.resizeColumnsToContents()

    def _choices(self, u: UnknownPlace, existing: dict[str, list[tuple[int, str]]]) -> QComboBox:
        combo = QComboBox(objectName=f"choice_{u.level}")
        if u.level == "site":
            kinds = [SiteKind(u.kind)] + [k for k in SiteKind if k.value != u.kind] if u.kind else list(SiteKind)
            for kind in kinds:
                combo.addItem(self.tr("Create as {kind}").format(kind=kind.label(ui_lang())), (CREATE, kind.value))
        else:
            combo.addItem(self.tr("Create"), (CREATE, ""))
        key = u.level if u.level != "place" else f"place:{u.parent}"
        for ident, name in existing.get(key, []):
            combo.addItem(self.tr("Use {name}").format(name=name), ("use", ident))
        combo.addItem(self.tr("Leave out (those rows stay invalid)"), ("skip", None))
        return combo

    def choices(self) -> list[PlaceChoice]:
        out = []
        for r, u in enumerate(self._unknown):
            action, value = self.table.cellWidget(r, 4).currentData()
            if action == CREATE:
                out.append(PlaceChoice(u.level, u.name, u.parent, create=True, kind=value, district=u.parent))
            elif action == "use":
                out.append(PlaceChoice(u.level, u.name, u.parent, existing_id=value))
        return out
