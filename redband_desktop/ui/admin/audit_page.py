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
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.services.audit.export import render_changes
from redband_desktop.services.audit.types import AuditFilter, AuditRow
from redband_desktop.services.shared.audit_log import ChainReport
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.admin.audit_filter_bar import AuditFilterBar
from redband_desktop.ui.changes import watch
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.table_model import Column, PagedTableModel
from redband_desktop.ui.widgets.feedback import run_in_background, show_error

if TYPE_CHECKING:
    from redband_desktop.services import Services

OK_STYLE = "color:#2e7d32;font-weight:bold"
BAD_STYLE = "color:#c62828;font-weight:bold"


class AuditPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._audit = services.audit
        self._labels = self._action_labels()
        self._entities = self._entity_labels()
        self.filters = AuditFilterBar(self.action_label)
        self.model = PagedTableModel(self._columns(), lambda _key, _desc: None, parent=self)
        self.table = self._make_table()
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

    def _action_labels(self) -> dict[str, str]:
        return {
            "sign_in": self.tr("Sign in"), "sign_in.failed": self.tr("Failed sign-in"),
            "sign_in.locked": self.tr("Sign-in while locked"), "sign_out": self.tr("Sign out"),
            "user.create": self.tr("Create user"), "user.update": self.tr("Edit user"),
            "user.password": self.tr("Change own password"), "user.reset_password": self.tr("Reset password"),
            "user.unlock": self.tr("Unlock user"), "create": self.tr("Create"), "update": self.tr("Edit"),
            "rename": self.tr("Rename"), "status": self.tr("Change status"),
            "reveal": self.tr("See full personal data"), "export": self.tr("Export"),
            "purge": self.tr("Purge personal data"), "settings": self.tr("Change settings"),
            "backup": self.tr("Back up"), "restore": self.tr("Restore a backup"),
        }

    def action_label(self, code: str) -> str:
        return self._labels.get(code, code)

    def _entity_labels(self) -> dict[str, str]:
        return {
            "user": self.tr("user"), "volunteer": self.tr("volunteer"), "district": self.tr("district"),
            "site": self.tr("site"), "station": self.tr("station settings"), "audit": self.tr("audit trail"),
            "backup": self.tr("backup"), "card": self.tr("ID card"),
        }

    def _record(self, r: AuditRow) -> str:
        entity = self._entities.get(r.entity, r.entity)
        return f"{entity} #{r.entity_id}" if r.entity_id else entity

    def _columns(self) -> list[Column]:
        lang = ui_lang()
        return [
            Column(self.tr("Time"), lambda r: f"{r.at:%Y-%m-%d %H:%M:%S}"),
            Column(self.tr("User"), lambda r: r.username),
            Column(self.tr("PC"), lambda r: r.host),
            Column(self.tr("Action"), lambda r: self.action_label(r.action)),
            Column(self.tr("Record"), self._record),
            Column(self.tr("Summary"), lambda r: r.summary),
            Column(self.tr("Changes"), lambda r: render_changes(r.changes, lang).replace("\n", "; ")),
        ]

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="audit_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for col, width in enumerate((150, 90, 170, 110, 110, 200)):
            table.setColumnWidth(col, width)
        table.horizontalHeader().setStretchLastSection(True)
        return table

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
        self.model.reset(total, lambda offset, limit: self._audit.page(f, offset, limit))
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

