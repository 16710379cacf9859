"""Suspending a volunteer, marking them as left, or reactivating them.

Volunteers are never deleted: a change of status is recorded with its date and reason and
kept in the history. The dialog offers only the statuses the volunteer can move to, a
date that defaults to today (never in the future, never before the current status began)
and a reason, with the common ones offered in an editable list. It calls
`RosterService.change_status` itself and emits `changed(Volunteer)` on success; problems
appear in red under their fields, as in the volunteer dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.services.roster.types import Volunteer
from redband_desktop.ui.i18n import label
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.form_inputs import date_edit

if TYPE_CHECKING:
    from redband_desktop.services.roster.service import RosterService

# Stored as typed, in the station's working language, like any other reason (data, not UI).
COMMON_REASONS = ("搬离辖区", "身体原因", "工作调动", "个人原因", "恢复参加活动")


class StatusDialog(QDialog):
    """Change `volunteer`'s status; emits `changed(Volunteer)` with the updated record."""

    changed = Signal(object)

    def __init__(
        self, roster: RosterService, volunteer: Volunteer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._roster = roster
        self._volunteer = volunteer
        self._errors = FieldErrors()
        self.setObjectName("status_dialog")
        self.setWindowTitle(self.tr("Change status: {name}").format(name=volunteer.name))
        self._make_inputs()
        self._build()
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.reason.currentTextChanged.connect(lambda _t: self._errors.set("reason", ""))
        self.resize(440, 0)
        self.status.setFocus()

    def _make_inputs(self) -> None:
        v = self._volunteer
        self.status = QComboBox(self)
        self.status.setObjectName("status")
        actions = {
            VolunteerStatus.SUSPENDED: self.tr("Suspend ({status})"),
            VolunteerStatus.LEFT: self.tr("Mark as left ({status})"),
            VolunteerStatus.ACTIVE: self.tr("Reactivate ({status})"),
        }
        for status, text in actions.items():
            if status is not v.status:
                self.status.addItem(text.format(status=label(status)), status.value)
        today = QDate.currentDate()
        # Not before the current status began: the history must stay in order.
        self.date = date_edit(self, "status_date", today, min(QDate(v.status_since), today))
        self.reason = QComboBox(self)
        self.reason.setObjectName("reason")
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.addItems(COMMON_REASONS)
        self.reason.setCurrentIndex(-1)
        self.reason.lineEdit().setPlaceholderText(self.tr("Choose or type a reason"))
        self.reason.lineEdit().setMaxLength(200)
        self.general_error = FieldErrors.make_label("form")
        self.general_error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setObjectName("save")
        ok.setText(self.tr("Change status"))
        ok.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        cancel.setText(self.tr("Cancel"))

    def _build(self) -> None:
        v = self._volunteer
        current = QLabel(self.tr("{name} is now “{status}” (since {date}).").format(
            name=v.name, status=label(v.status), date=v.status_since.isoformat()), self)
        current.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget, field in (
            (self.tr("New status"), self.status, "status"),
            (self.tr("Date of change"), self.date, "status_date"),
            (self.tr("Reason"), self.reason, "reason"),
        ):
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            self._errors.add_to_form(field, form, widget)
        layout = QVBoxLayout(self)
        layout.addWidget(current)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        """Record the change; stay open with the problems shown if it is refused."""
        v = self._volunteer

        def save() -> None:
            self._volunteer = self._roster.change_status(
                v.id, v.version, self.status.currentData() or "", self.date.date().toPython(),
                self.reason.currentText())

        if self._errors.attempt(self, self.general_error, save):
            self.changed.emit(self._volunteer)
            self.accept()
