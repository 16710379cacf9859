"""The card register: every card with its status, filters, warnings (cards running out,
active volunteers without a valid card) and the actions on one card: re-issue, revoke,
report lost. Revoking needs the "delete" right, so clerks see those buttons disabled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.services.cards.types import CardFilter
from redband_desktop.ui.table_model import DANGER, WARNING, flag_icon
from redband_desktop.ui.widgets.exporting import save_export
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.preset_note import PresetNote

if TYPE_CHECKING:
    from redband_desktop.services.cards.service import CardService
    from redband_desktop.services.cards.types import CardRow

ROW = Qt.ItemDataRole.UserRole
FLAGS = {"expired": WARNING, "revoked": DANGER, "lost": DANGER}  # an icon as well as the colour
STATUS_COLOURS = {"valid": "#1b7f3b", "expired": "#b26a00", "revoked": "#c8102e", "lost": "#c8102e",
                  "replaced": "#666666"}


class CardRegisterPanel(QWidget):

    def __init__(self, cards: CardService, parent: QWidget | None = None, can_export: bool = True) -> None:
        super().__init__(parent)
        self._cards = cards
        self.rows: list[CardRow] = []
        self.search = QLineEdit(objectName="card_search", placeholderText=self.tr("Card number or name"))
        self.status = QComboBox(objectName="card_status_filter")
        for code, text in self._status_texts():
            self.status.addItem(text, code)
        self.warnings = QLabel(objectName="card_warnings", wordWrap=True)
        self.table = QTableWidget(0, 8, objectName="card_register")
        self.count = QLabel(objectName="card_count")
        self.reissue_button = QPushButton(self.tr("Re-issue"), objectName="reissue")
        self.revoke_button = QPushButton(self.tr("Revoke…"), objectName="revoke")
        self.lost_button = QPushButton(self.tr("Report lost…"), objectName="report_lost")
        self.export_button = QPushButton(self.tr("Export…"), objectName="export_cards")
        self.export_button.setEnabled(can_export)
        self.export_note = QLabel(objectName="card_export_note")
        self.district_id: int | None = None  # set with a home-page figure, until "Show all"
        self.preset_note = PresetNote("card_preset")
        self._timer = QTimer(self, singleShot=True, interval=200, timeout=self.refresh)
        self._build()
        self.refresh()

    def _status_texts(self) -> list[tuple[str | None, str]]:
        return [(None, self.tr("All statuses")), ("valid", self.tr("Valid")), ("expired", self.tr("Expired")),
                ("revoked", self.tr("Revoked")), ("lost", self.tr("Lost")), ("replaced", self.tr("Replaced")),
                ("expiring", self.tr("Running out within 30 days"))]

    def _build(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Card number"), self.tr("Name"), self.tr("District"), self.tr("Site"), self.tr("Issued on"),
            self.tr("Valid until"), self.tr("Status"), self.tr("Reason"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Sized once after each fill: "resize to contents" as a mode re-measures every row at
        # every cell set, which made filling 1,000 cards take minutes.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setMinimumSectionSize(90)  # readable headers on an empty register
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)  # a header click sorts (dates are ISO, so they sort as text)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status)
        bar.addStretch()
        for button in (self.reissue_button, self.revoke_button, self.lost_button, self.export_button):
            bar.addWidget(button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.export_note)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.warnings)
        layout.addWidget(self.preset_note)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.search.textChanged.connect(self._timer.start)
        self.status.currentIndexChanged.connect(self.refresh)
        self.preset_note.cleared.connect(lambda: self.show_preset(None, None, ""))
        self.reissue_button.clicked.connect(self.reissue)
        self.revoke_button.clicked.connect(lambda: self.revoke(lost=False))
        self.lost_button.clicked.connect(lambda: self.revoke(lost=True))
        self.export_button.clicked.connect(lambda: self.export())
        self.table.itemSelectionChanged.connect(self._enable)
        self._enable()

    def current_filter(self) -> CardFilter:
        return CardFilter(text=self.search.text(), status=self.status.currentData(), district_id=self.district_id)

    def show_preset(self, status: str | None, district_id: int | None, label: str) -> None:
        """From a home-page figure: the cards in `status` of the district (the search emptied)."""
        self.district_id = district_id
        for w in (self.search, self.status):
            w.blockSignals(True)
        self.search.clear()
        self.status.setCurrentIndex(max(0, self.status.findData(status)))
        for w in (self.search, self.status):
            w.blockSignals(False)
        self.preset_note.show_label(label)
        self.refresh()

    def refresh(self) -> None:
        self.rows = self._cards.register(self.current_filter())
        self.table.setSortingEnabled(False)  # rows stay where they are put while filling
        self.table.setRowCount(len(self.rows))
        texts = dict(self._status_texts())
        for i, r in enumerate(self.rows):
            cells = [r.card_no, r.name, r.district, r.site, r.issued_on.isoformat(), r.valid_until.isoformat(),
                     texts[r.shown_status], r.reason]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if j == 0:
                    item.setData(ROW, i)  # which record, whatever the sort order
                if j == 6:
                    item.setData(Qt.ItemDataRole.ForegroundRole, _colour(r.shown_status))
                    if (flag := FLAGS.get(r.shown_status)) is not None:
                        item.setIcon(flag_icon(flag))
                self.table.setItem(i, j, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("{n} cards shown").format(n=f"{len(self.rows):,}"))
        self._show_warnings()
        self._enable()

    def export(self, path: str | None = None) -> None:
        """The cards the register shows, in the order it shows them."""
        f = self.current_filter()
        order = [self.table.item(r, 0).text() for r in range(self.table.rowCount())]
        save_export(self, self.tr("Export the card register"), self.tr("cards.xlsx"),
                    lambda: self._cards.export(f, order), self.export_note, path)

    def _show_warnings(self) -> None:
        w = self._cards.warnings()
        parts = []
        if w.expiring:
            parts.append(self.tr("{n} card(s) run out within {days} days.").format(n=len(w.expiring), days=w.days))
        if w.without_card:
            parts.append(self.tr("{n} active volunteer(s) have no valid card.").format(n=w.without_card))
        self.warnings.setText(" ".join(parts))
        self.warnings.setStyleSheet("color:#b26a00;font-weight:bold" if parts else "")

    def selected(self) -> CardRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[self.table.item(rows[0].row(), 0).data(ROW)] if rows else None

    def _enable(self) -> None:
        row = self.selected()
        valid = row is not None and row.status.value == "valid"
        self.reissue_button.setEnabled(row is not None and self._cards.can(Action.EDIT))
        for button in (self.revoke_button, self.lost_button):
            button.setEnabled(valid and self._cards.can(Action.DELETE))

    def reissue(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            self._cards.reissue(row.card_no)  # the cards page refreshes from the change notice
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)

    def revoke(self, lost: bool) -> None:
        row = self.selected()
        if row is None:
            return
        title = self.tr("Report card lost") if lost else self.tr("Revoke card")
        reason, ok = QInputDialog.getText(self, title, self.tr("Reason for {card}:").format(card=row.card_no))
        if not ok:
            return
        try:
            self._cards.revoke(row.card_no, reason, lost=lost)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)


def _colour(status: str):  # noqa: ANN202 - QColor
    from PySide6.QtGui import QColor

    return QColor(STATUS_COLOURS.get(status, "#000000"))
