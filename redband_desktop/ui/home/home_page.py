"""The home page (工作台), shown after sign-in: today's work at a glance. Each figure is a
button that opens the list behind it (the window knows the pages; this page only says
which list). Figures follow the user's district scope (the statistics service decides),
and the page refreshes when the data they count changes. The last backup's age turns red
when it is older than two days."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.changes import watch

if TYPE_CHECKING:
    from redband_desktop.services import Services
    from redband_desktop.services.stats.home import HomeFigures

SHOWS = (Change.VOLUNTEERS | Change.PLACES | Change.HEADS | Change.CARDS | Change.INCIDENTS | Change.CLUES
         | Change.MEDIATION | Change.SETTINGS)
STALE_BACKUP = timedelta(days=2)
BUTTON = ("QPushButton{border:1px solid #d8d2c8;border-radius:4px;background:white}"
          "QPushButton:hover{border-color:#c8102e}")


class FigureButton(QPushButton):
    """A figure in large type over what it counts, the whole tile a button to its list."""

    def __init__(self, caption: str, name: str) -> None:
        super().__init__(objectName=name)
        self.setStyleSheet(BUTTON)
        self.figure = QLabel(objectName="figure")
        self.caption = QLabel(caption, objectName="caption")
        self.caption.setStyleSheet("color:#555;font-size:13px")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        for label in (self.figure, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.setMinimumHeight(64)

    def show_figure(self, text: str, alarm: bool) -> None:
        self.figure.setText(text)
        self.figure.setStyleSheet(f"font-size:24px;font-weight:bold;color:{'#b00020' if alarm else '#222'}")
        self.setAccessibleName(f"{text} {self.caption.text()}")


class HomePage(QWidget):
    open_list = Signal(str)  # which list: a key of MainWindow.open_list

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.title = QLabel(objectName="home_title")
        self.title.setStyleSheet("font-size:18px;font-weight:bold")
        self.figures: dict[str, FigureButton] = {}
        self.figure_values: dict[str, int | float | None] = {}
        self.shown: HomeFigures | None = None  # the figures on show (their day and district scope)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        groups = [
            (self.tr("Volunteers"), [("active", self.tr("active volunteers")), ("joined", self.tr("joined this month")),
                               ("left", self.tr("left this month"))]),
            (self.tr("Coverage"), [("buildings", self.tr("buildings with a head")), ("zones", self.tr("market zones with a lead")),
                             ("heads_without_card", self.tr("heads without a valid card"))]),
            (self.tr("Incidents and clues"), [("open_incidents", self.tr("open incidents")),
                                        ("clues_to_verify", self.tr("clues waiting to be verified")),
                                        ("clues_feedback", self.tr("clues waiting for feedback"))]),
            (self.tr("Mediation"), [("cases_overdue", self.tr("cases overdue")), ("cases_due_soon", self.tr("cases due within 7 days")),
                              ("follow_ups", self.tr("follow-up visits due"))]),
            (self.tr("Cards and backups"), [("cards_expiring", self.tr("cards running out within 30 days")),
                                      ("backup", self.tr("last backup"))]),
        ]
        for title, items in groups:
            box = QGroupBox(title)
            grid = QGridLayout(box)
            for i, (key, label) in enumerate(items):
                button = FigureButton(label, f"home_{key}")
                button.clicked.connect(lambda _=False, k=key: self.open_list.emit(k))
                self.figures[key] = button
                grid.addWidget(button, 0, i)
            layout.addWidget(box)
        layout.addStretch(1)
        self.refresh()
        watch(self, services.changes, SHOWS, lambda _kinds: self.refresh())

    def refresh(self) -> None:
        h = self.shown = self._services.stats.home()
        scope = self.tr(" — {district}").format(district=h.scope) if h.scope else ""
        self.title.setText(self.tr("Today's work, {day}").format(day=f"{h.today:%Y-%m-%d}") + scope)
        for key, value in self._values(h).items():
            self._show(key, value)
        self._show_backup()

    def _values(self, h: HomeFigures) -> dict[str, int | float | None]:
        return {"active": h.active, "joined": h.joined_this_month, "left": h.left_this_month,
                "buildings": h.buildings_percent, "zones": h.zones_percent, "heads_without_card": h.heads_without_card,
                "open_incidents": h.open_incidents, "clues_to_verify": h.clues_to_verify,
                "clues_feedback": h.clues_awaiting_feedback, "cases_overdue": h.cases_overdue,
                "cases_due_soon": h.cases_due_soon, "follow_ups": h.follow_ups_due, "cards_expiring": h.cards_expiring}

    def _show(self, key: str, value: int | float | None, text: str | None = None, alarm: bool = False) -> None:
        self.figure_values[key] = value
        if text is None:
            text = "—" if value is None else f"{value:.1f}%" if isinstance(value, float) else f"{value:,}"
        self.figures[key].show_figure(text, alarm)

    def _show_backup(self) -> None:
        backups = self._services.backups
        found = backups.list() if backups.available else []
        newest = found[0].taken if found else None
        if newest is None:
            self._show("backup", None, self.tr("never"), alarm=True)
            return
        age = datetime.now() - newest
        days, hours = age.days, age.seconds // 3600
        if days:
            text = self.tr("{days} d {hours} h ago").format(days=days, hours=hours)
        elif hours:
            text = self.tr("{hours} h ago").format(hours=hours)
        else:
            text = self.tr("within the hour")
        self._show("backup", age.total_seconds(), text, alarm=age > STALE_BACKUP)
