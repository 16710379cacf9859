"""Recording a follow-up visit (回访): which party was visited, when and by whom, whether
the agreement has been carried out, how satisfied they are, any sign that the dispute
is flaring up again (矛盾激化迹象), and notes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from redband_desktop.domain.mediation import Satisfaction
from redband_desktop.services.mediation.types import CaseDetail, FollowUpForm
from redband_desktop.ui.mediation.form_dialog import FormDialog, date_edit, text_box
from redband_desktop.ui.widgets.combos import enum_combo


class FollowUpDialog(FormDialog):
    def __init__(self, save: Callable[[FollowUpForm], CaseDetail], parties: list[str], visitor: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a follow-up visit"), save, parent)
        self.party = QComboBox(objectName="party", editable=True)
        self.party.addItems(parties)
        self.visited_on = date_edit("visited_on")
        self.visitor = QLineEdit(visitor, objectName="visitor")
        self.performed = QCheckBox(self.tr("The agreement has been carried out"), objectName="performed")
        self.satisfaction = enum_combo(Satisfaction, "satisfaction", self.tr("(not asked)"))
        self.escalation = text_box("escalation_signs", 2)
        self.escalation.setPlaceholderText(self.tr("None, or what was seen or heard"))
        self.notes = text_box("notes", 3)
        self.build([
            (self.tr("Party visited"), self.party, "party"), (self.tr("Visited on"), self.visited_on, "visited_on"),
            (self.tr("Visitor"), self.visitor, "visitor"), ("", self.performed, None),
            (self.tr("Satisfaction"), self.satisfaction, "satisfaction"),
            (self.tr("Signs of escalation"), self.escalation, "escalation_signs"),
            (self.tr("Notes"), self.notes, "notes"),
        ], 520)

    def form(self) -> FollowUpForm:
        return FollowUpForm(self.visited_on.date().toPython(), self.party.currentText(), self.visitor.text(),
                            self.performed.isChecked(), self.satisfaction.currentData() or "",
                            self.escalation.toPlainText(), self.notes.toPlainText())
