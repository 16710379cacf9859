"""A building or market zone: its details, its head (or lead) with the history of former
ones, and the volunteers who live or work there. "Assign or replace…" opens the picker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.domain.coverage import PlaceKind
from redband_desktop.errors import RedbandError, ValidationError
from redband_desktop.services.sites.types import BuildingForm, PlaceDetail
from redband_desktop.ui.i18n import bracketed, label, ui_lang
from redband_desktop.ui.sites.assign_dialog import AssignDialog
from redband_desktop.ui.sites.person_table import PersonTable
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from redband_desktop.services import Services

GAP_STYLE = "color:#c62828;font-weight:bold"
OK_STYLE = "color:#2e7d32;font-weight:bold"


class PlacePanel(QWidget):
    remove_requested = Signal(str, int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.detail: PlaceDetail | None = None
        self.title = QLabel(objectName="place_title")
        self.title.setStyleSheet("font-size:18px;font-weight:bold")
        self.label_edit = QLineEdit(objectName="label")
        self.units = QSpinBox(objectName="units", maximum=50)
        self.households = QSpinBox(objectName="households", maximum=2000)
        self.save_button = QPushButton(self.tr("Save"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.head = QLabel(objectName="head")
        self.assign_button = QPushButton(self.tr("Assign or replace…"), objectName="assign")
        self.history = QTableWidget(0, 5, objectName="history")
        self.people = PersonTable()
        self._errors = FieldErrors()
        self._form = QFormLayout()
        self._build()
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(
            lambda: self.detail and self.remove_requested.emit(self.detail.kind.value, self.detail.id))
        self.assign_button.clicked.connect(self.open_assign)

    def _build(self) -> None:
        self._form.addRow(self.tr("Label"), self.label_edit)
        self._errors.add_to_form("label", self._form, self.label_edit)
        self._form.addRow(self.tr("Units"), self.units)
        self._form.addRow(self.tr("Households"), self.households)
        self._errors.add_to_form("households", self._form, self.households)
        self.history.setHorizontalHeaderLabels([self.tr("Head"), self.tr("Background"), self.tr("From"),
                                                self.tr("To"), self.tr("Reason / status")])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        head = QHBoxLayout()
        head.addWidget(self.head, 1)
        head.addWidget(self.assign_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self._form)
        layout.addLayout(buttons)
        layout.addLayout(head)
        layout.addWidget(self.history, 1)
        layout.addWidget(QLabel(self.tr("Volunteers here")))
        layout.addWidget(self.people, 1)

    def load(self, kind: PlaceKind, place_id: int) -> None:
        self.show_detail(self._services.places.place(kind, place_id))

    def show_detail(self, d: PlaceDetail) -> None:
        self.detail = d
        building = d.kind is PlaceKind.BUILDING
        self.title.setText(f"{d.site_name} · {d.form.label}")
        self.label_edit.setText(d.form.label)
        self.units.setValue(d.form.units)
        self.households.setValue(d.form.households)
        self._form.setRowVisible(self.units, building)
        self._form.setRowVisible(self.households, building)
        self._errors.clear()
        self._show_head(d)
        self._show_history(d)
        self.people.set_people(d.volunteers)
        editable = self._services.access.can(Action.EDIT, d.district_id)
        for w in (self.save_button, self.assign_button):
            w.setEnabled(editable)
        self.remove_button.setEnabled(self._services.access.can(Action.DELETE, d.district_id))

    def _show_head(self, d: PlaceDetail) -> None:
        who = self.tr("Building head") if d.kind is PlaceKind.BUILDING else self.tr("Zone lead")
        name = d.current.volunteer_name if d.current else self.tr("none")
        text = f"{who}：{name}" if ui_lang() == "zh_CN" else f"{who}: {name}"
        if d.gap is not None:
            text += bracketed(label(d.gap))
        self.head.setText(text)
        self.head.setStyleSheet(GAP_STYLE if d.gap is not None else OK_STYLE)

    def _show_history(self, d: PlaceDetail) -> None:
        self.history.setRowCount(len(d.history))
        for r, h in enumerate(d.history):
            note = h.end_reason if h.end_date else label(h.volunteer_status)
            values = (h.volunteer_name, h.role, h.start_date.isoformat(),
                      h.end_date.isoformat() if h.end_date else self.tr("current"), note)
            for c, text in enumerate(values):
                self.history.setItem(r, c, QTableWidgetItem(text))

    def save(self) -> None:
        d = self.detail
        if d is None:
            return
        places = self._services.places
        try:
            if d.kind is PlaceKind.BUILDING:
                form = BuildingForm(self.label_edit.text(), self.units.value(), self.households.value())
                self.show_detail(places.update_building(d.id, d.version, form))
            else:
                self.show_detail(places.rename_zone(d.id, d.version, self.label_edit.text()))
        except ValidationError as exc:
            self._errors.show(exc.field_messages(ui_lang()))
            return
        except RedbandError as exc:
            show_error(self, exc)

    def open_assign(self) -> AssignDialog | None:
        """Open the picker (non-blocking); the panel reloads when it is accepted."""
        if self.detail is None:
            return None
        dialog = AssignDialog(self._services.roster, self._services.places, self.detail, self)
        dialog.accepted.connect(lambda: self._assigned(dialog))
        dialog.open()
        return dialog

    def _assigned(self, dialog: AssignDialog) -> None:
        if dialog.result_detail is not None:
            self.show_detail(dialog.result_detail)
