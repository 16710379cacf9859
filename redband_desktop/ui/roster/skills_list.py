"""The volunteer's skills (特长) as a compact grid of check boxes.

Skills are a short list kept by the station (first aid, mediation, dialects…), so they
wrap in rows instead of scrolling one per line.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from redband_desktop.services.roster.types import SkillRow

CHECK_AND_GAP = 30  # px: the check box indicator and some space before the next column


class SkillsList(QListWidget):
    """Checkable skills; `checked_ids()` and `set_checked()` by skill id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skills")
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(0)
        # Checking is the only action; a selection highlight would look like a check.
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setMinimumHeight(52)

    def set_skills(self, skills: list[SkillRow]) -> None:
        self.clear()
        # A grid as wide as the longest name lines the boxes up in columns.
        if skills:
            widest = max(self.fontMetrics().horizontalAdvance(k.name) for k in skills)
            self.setGridSize(QSize(widest + CHECK_AND_GAP, self.fontMetrics().height() + 8))
        else:
            self.setGridSize(QSize())  # the "none yet" note needs the whole width
        for skill in skills:
            item = QListWidgetItem(skill.name, self)
            item.setData(Qt.ItemDataRole.UserRole, skill.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        if not skills:
            item = QListWidgetItem(self.tr("No skills have been set up yet"), self)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        """A click on the name toggles the box too, not only a click on the box."""
        item = self.itemAt(event.position().toPoint())
        before = item.checkState() if item is not None else None
        super().mouseReleaseEvent(event)
        if (
            item is not None
            and event.button() == Qt.MouseButton.LeftButton
            and item.flags() & Qt.ItemFlag.ItemIsUserCheckable
            and item.checkState() == before
        ):
            checked = before == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _items(self) -> list[QListWidgetItem]:
        return [self.item(i) for i in range(self.count())]

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
            and item.data(Qt.ItemDataRole.UserRole) is not None
        )

    def set_checked(self, ids: tuple[int, ...]) -> None:
        for item in self._items():
            if item.data(Qt.ItemDataRole.UserRole) is not None:
                on = item.data(Qt.ItemDataRole.UserRole) in ids
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
