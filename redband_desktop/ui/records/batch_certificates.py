"""Batch certificates from the hours ranking (item 7): everyone ranked with at least N hours
in the shown period (50 by default) gets a 志愿服务证明, all in one PDF, one page each. The
certificates are numbered and registered at once; the PDF is laid out on a worker with a
progress dialog (the window stays usable), then written where the user chose. Each
certificate is in the register and the audit trail like a single one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog, QWidget

from redband_desktop.ui.widgets.feedback import run_in_background, show_error

if TYPE_CHECKING:
    from redband_desktop.services.records.service import RecordsService
    from redband_desktop.services.records.types import Batch, Ranking


class _Progress(QObject):
    stepped = Signal(int, int)  # emitted on the worker, delivered on the GUI thread


class BatchCertificates(QObject):
    finished = Signal(object)  # the Batch, or None when nothing was made

    def __init__(self, records: RecordsService, ranking: Ranking, parent: QWidget) -> None:
        super().__init__(parent)
        self._records, self._ranking, self._parent = records, ranking, parent
        self.dialog: QProgressDialog | None = None

    def start(self, hours: int | None = None, path: str | None = None) -> bool:
        """Ask for the hours and the file (unless given) and start; False when cancelled."""
        parent, r = self._parent, self._ranking
        if hours is None:
            hours, ok = QInputDialog.getInt(parent, self.tr("Batch certificates"),
                                            self.tr("Certificates for everyone ranked with at least this many "
                                                    "hours from {first} to {last}:").format(
                                                first=f"{r.first:%Y-%m-%d}", last=f"{r.last:%Y-%m-%d}"),
                                            50, 1, 10000)
            if not ok:
                return False
        ids = [row.volunteer_id for row in r.rows if row.minutes >= hours * 60]
        if not ids:
            QMessageBox.information(parent, self.tr("Batch certificates"),
                                    self.tr("Nobody in the ranking has {hours} hours or more.").format(hours=hours))
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                parent, self.tr("Save the certificates"),
                str(Path.home() / f"志愿服务证明-{r.first:%Y%m%d}-{r.last:%Y%m%d}.pdf"), self.tr("PDF (*.pdf)"))
            if not path:
                return False
        self._path = Path(path)
        progress = _Progress(self)
        self.dialog = QProgressDialog(self.tr("Issuing {count} certificates…").format(count=len(ids)), "", 0,
                                      len(ids), parent)
        self.dialog.setCancelButton(None)  # numbered and registered at once: nothing to take back
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        progress.stepped.connect(lambda done, _total: self.dialog.setValue(done), Qt.ConnectionType.QueuedConnection)
        first, last = r.first, r.last
        run_in_background(lambda: self._records.issue_batch(ids, first, last, progress=progress.stepped.emit),
                          self._done, self._failed)
        return True

    def _done(self, batch: Batch) -> None:
        self.dialog.close()
        try:
            self._path.write_bytes(batch.pdf)
        except OSError as exc:
            QMessageBox.warning(self._parent, self.tr("Batch certificates"),
                                self.tr("The file could not be written: {error}").format(error=exc))
            self.finished.emit(batch)
            return
        text = self.tr("{count} certificates ({first}–{last}) saved to {file}.").format(
            count=len(batch.certificates), first=batch.certificates[0].number, last=batch.certificates[-1].number,
            file=self._path.name)
        if batch.skipped:
            text += "\n" + self.tr("Without service in the period: {names}").format(names="、".join(batch.skipped))
        QMessageBox.information(self._parent, self.tr("Batch certificates"), text)
        self.finished.emit(batch)

    def _failed(self, exc: BaseException) -> None:
        self.dialog.close()
        show_error(self._parent, exc)
        self.finished.emit(None)
