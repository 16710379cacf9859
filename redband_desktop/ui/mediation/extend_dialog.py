"""Extending a case's deadline (延长调解期限): how many days and why. The law allows it
only when both parties agree, so Save stays disabled until the clerk confirms that."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QSpinBox, QWidget

from redband_desktop.domain.mediation import EXTENSION_DAYS
from redband_desktop.services.mediation.types import CaseDetail
from redband_desktop.ui.mediation.form_dialog import FormDialog, text_box


class ExtendDialog(FormDialog):
    def __init__(self, save: Callable[[tuple[int, str]], CaseDetail], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Extend the deadline"), save, parent)
        self.days = QSpinBox(objectName="days", minimum=1, maximum=90, value=EXTENSION_DAYS,
                             suffix=self.tr(" days"))
        self.reason = text_box("extension_reason", 3)
        self.agreed = QCheckBox(self.tr("Both parties agreed to the extension"), objectName="agreed")
        # the service checks the reason as a note ("notes"); its message goes under the reason
        self.build([(self.tr("Extend by"), self.days, "days"), (self.tr("Reason"), self.reason, "notes"),
                    ("", self.agreed, None)], 460)
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setEnabled(False)
        self.agreed.toggled.connect(save_button.setEnabled)

    def form(self) -> tuple[int, str]:
        return self.days.value(), self.reason.toPlainText()

    def accept(self) -> None:
        if self.agreed.isChecked():  # Save is disabled until then; Enter must not get round it
            super().accept()
