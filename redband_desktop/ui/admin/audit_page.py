"""The audit trail page: who did what, when, from which PC, searchable and verifiable.

The trail grows with every action, so the table is fed page by page (ui.table_model).
"Verify trail" recomputes the hash chain, compares it with the chain heads kept outside
the database (the backups and the witness file beside them) and says plainly whether any
entry was changed, added behind the program's back or removed, naming the first one; "Export…" writes the filtered trail to .xlsx, and that export is itself
recorded in the trail.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.audit import action_label
from redband_desktop.services.audit.export import record_label, render_changes
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.shared.audit_log import ChainReport
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.admin.audit_filter_bar import AuditFilterBar
from redband_desktop.ui.changes import watch
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.table_model import Column, PagedTableModel
from redband_desktop.ui.widgets.feedback import run_in_background, show_error
from redband_desktop.ui.widgets.register_table import set_up_register_table

if TYPE_CHECKING:
    from redband_desktop.services import Services

OK_STYLE = "color:#2e7d32;font-weight:bold"
BAD_STYLE = "color:#c62828;font-weight:bold"


class AuditPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._audit = services.audit
        self.filters = AuditFilterBar(self.action_label)
        self.model = PagedTableModel(self._columns(), lambda _key, _desc: self.refresh(), parent=self,
                                     sort_order=("at", True))
        self.table = QTableView(objectName="audit_table")
        user = services.access.user
        self._widths = set_up_register_table(self.table, self.model, stretch=6,
                                             user=user.username if user else "", newest_column=0)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.count = QLabel(objectName="audit_count")
        self.verdict = QLabel(objectName="verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.hide()
        self.verify_button = QPushButton(self.tr("Verify trail"), objectName="verify")
        self.export_button = QPushButton(self.tr("Export…"), objectName="export")
        self._layout()
        self.filters.changed.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.export)
        self.reload()
        watch(self, services.changes, Change.AUDIT, lambda _kinds: self.reload())  # when it is seen

    def action_label(self, code: str) -> str:
        return action_label(code, ui_lang())

    def _columns(self) -> list[Column]:
        lang = ui_lang()
        return [
            Column(self.tr("Time"), lambda r: f"{r.at:%Y-%m-%d %H:%M:%S}", "at"),
            Column(self.tr("User"), lambda r: r.username, "user"),
            Column(self.tr("PC"), lambda r: r.host, "host"),
            Column(self.tr("Action"), lambda r: action_label(r.action, lang), "action"),
            Column(self.tr("Record"), lambda r: record_label(r, lang), "record"),
            Column(self.tr("Summary"), lambda r: r.summary),
            Column(self.tr("Changes"), lambda r: render_changes(r.changes, lang, r.entity).replace("\n", "; ")),
        ]

    def _layout(self) -> None:
        title = QLabel(self.tr("Audit trail"))
        title.setStyleSheet("font-size:16px;font-weight:bold")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.filters)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    # -- loading -----------------------------------------------------------------
    def reload(self) -> None:
        """New actions may have been recorded: refresh the action list and the table."""
        try:
            self.filters.set_actions(self._audit.actions())
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return
        self.refresh()

    def refresh(self) -> None:
        f = self.filters.current()
        try:
            total = self._audit.count(f)
        except Exception as exc:  # noqa: BLE001 - shown to the user (or as a crash)
            show_error(self, exc)
            return
        key, descending = self.model.sort_order
        self.model.reset(total, lambda offset, limit: self._audit.page(f, offset, limit, key or "at", descending))
        self.count.setText(self.tr("{count} entries").format(count=f"{total:,}"))

    # -- verify ------------------------------------------------------------------
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self._say(self.tr("Checking every entry of the trail…"), "")
        run_in_background(self._audit.verify, self._verified, self._verify_failed)

    def _verified(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        if report.ok:
            text = self.tr("The audit trail is intact: all {count} entries are unchanged and "
                           "none is missing.").format(count=f"{report.entries:,}")
            if report.anchors:
                text += " " + self.tr("It agrees with the {n} backups and witness records kept outside "
                                      "the database.").format(n=report.anchors)
            self._say(text, OK_STYLE)
            return
        head = self.tr("The audit trail has been tampered with: {n} problem(s), first bad entry #{first}.").format(
            n=len(report.problems), first=report.first_bad_id if report.first_bad_id is not None else "?")
        self._say("\n".join([head, *(f"· {p}" for p in report.problems[:20])]), BAD_STYLE)

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.verdict.hide()
        show_error(self, exc)

    def _say(self, text: str, style: str) -> None:
        self.verdict.setText(text)
        self.verdict.setStyleSheet(style)
        self.verdict.show()

    # -- export ------------------------------------------------------------------
    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export audit trail"), str(Path.home() / "audit.xlsx"), self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        f = self.filters.current()
        self.export_button.setEnabled(False)
        run_in_background(lambda: self._write_export(f, Path(path)), self._exported, self._export_failed)

    def _write_export(self, f: AuditFilter, path: Path) -> int:
        """Runs in the background: the service checks, records and builds the export; we save it."""
        export = self._audit.export(f)
        path.write_bytes(export.data)
        return export.rows

    def _exported(self, count: int) -> None:
        self.export_button.setEnabled(True)
        self._say(self.tr("Exported {count} entries.").format(count=f"{count:,}"), OK_STYLE)
        self.reload()

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        if isinstance(exc, OSError):
            self._say(self.tr("The file could not be written: {error}").format(error=exc), BAD_STYLE)
        else:
            show_error(self, exc)

