"""The week view's table model: one row per place, one column per day (Monday first).

A cell lists its shifts, one line each — time span, duty type and people assigned against
people needed ("19:00–21:00 巡逻防范 1/2"); a cell with a shift short of people is coloured
and carries the warning icon (so a gap is not told by colour alone), a skipped day says so.
The tooltip names who is on each shift. The model holds the service's plain values only.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from redband_desktop.domain.rota import DutyType
from redband_desktop.services.rota.types import ShiftInfo, WeekRow, WeekView
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.table_model import DANGER, flag_icon

GAP_COLOUR = "#fdecea"
SKIPPED_COLOUR = "#eeeeee"
ROLE = Qt.ItemDataRole


class WeekModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view: WeekView | None = None

    def show(self, view: WeekView) -> None:
        self.beginResetModel()
        self.view = view
        self.endResetModel()

    # -- what a cell holds -------------------------------------------------------------
    def row(self, index: int) -> WeekRow | None:
        rows = self.view.rows if self.view else ()
        return rows[index] if 0 <= index < len(rows) else None

    def day(self, column: int) -> date | None:
        return self.view.days[column] if self.view and 0 <= column < 7 else None

    def shifts(self, index: QModelIndex) -> tuple[ShiftInfo, ...]:
        row = self.row(index.row()) if index.isValid() else None
        return row.days[index.column()] if row else ()

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() or self.view is None else len(self.view.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = ROLE.DisplayRole):  # noqa: N802, ANN201
        if role != ROLE.DisplayRole or self.view is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            day = self.view.days[section]
            names = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                     self.tr("Sat"), self.tr("Sun"))
            return f"{names[section]} {day:%m-%d}"
        row = self.row(section)
        return row.place if row else None

    def data(self, index: QModelIndex, role: int = ROLE.DisplayRole):  # noqa: ANN201
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        shifts, skipped = row.days[index.column()], row.skipped[index.column()]
        short = any(sh.gap for sh in shifts)
        if role == ROLE.DisplayRole:
            lines = [_line(sh) for sh in shifts]
            if skipped is not None:
                lines.insert(0, self.tr("Skipped: {reason}").format(reason=skipped or "—"))
            return "\n".join(lines)
        if role == ROLE.ToolTipRole and shifts:
            return "\n".join(f"{_line(sh)}: {'、'.join(p.name for p in sh.people) or '—'}" for sh in shifts)
        if role == ROLE.BackgroundRole:
            if skipped is not None:
                return QColor(SKIPPED_COLOUR)
            return QColor(GAP_COLOUR) if short else None
        if role == ROLE.DecorationRole and short:
            return flag_icon(DANGER)
        return None


def _line(sh: ShiftInfo) -> str:
    duty = DutyType(sh.duty_type).label(ui_lang())
    return f"{sh.starts_at:%H:%M}–{sh.ends_at:%H:%M} {duty} {len(sh.people)}/{sh.needed}"
