"""The main window: a navigation list on the left and one page per capability.

Pages get the services through their constructors and refresh themselves from the
service layer's change notices (`ui.changes`): no page knows another, and the window
only follows the station settings it shows itself (title, idle-lock minutes).
Pages a role may not use are not built at all; signing out tears the pages down and
builds them again for whoever signs in next. An idle lock covers the window after the
station's idle minutes, and at once when the signed-in account turns out to have been
deactivated (an action refused for it, or the check every minute). The menus and the
dialogs they open are `ui.main_menus`, mixed in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from redband_desktop.domain.access import Action
from redband_desktop.paths import UserDirs
from redband_desktop.services.shared.changes import Change
from redband_desktop.ui.accounts.idle_lock import IdleLock
from redband_desktop.ui.accounts.lock_dialog import user_text
from redband_desktop.ui.accounts.sign_in_dialog import sign_in_interactively
from redband_desktop.ui.changes import watch
from redband_desktop.ui.main_menus import MainMenus
from redband_desktop.ui.widgets.lazy_pages import LazyPage, LazyPages

if TYPE_CHECKING:
    from redband_desktop.services import Services
    from redband_desktop.ui.activities.activities_page import ActivitiesPage
    from redband_desktop.ui.admin.audit_page import AuditPage
    from redband_desktop.ui.admin.backup_page import BackupPage
    from redband_desktop.ui.admin.users_page import UsersPage
    from redband_desktop.ui.cards.cards_page import CardsPage
    from redband_desktop.ui.cards.verify_page import VerifyPage
    from redband_desktop.ui.clues.clues_page import CluesPage
    from redband_desktop.ui.coverage.coverage_page import CoveragePage
    from redband_desktop.ui.guide_dialog import GuideDialog
    from redband_desktop.ui.home.home_page import HomePage
    from redband_desktop.ui.incidents.incidents_page import IncidentsPage
    from redband_desktop.ui.mediation.mediation_page import MediationPage
    from redband_desktop.ui.roster.roster_page import RosterPage
    from redband_desktop.ui.rota.rota_page import RotaPage
    from redband_desktop.ui.sites.site_page import SitePage
    from redband_desktop.ui.stats.stats_page import StatsPage


@dataclass(frozen=True)
class AppInfo:
    version: str
    database: str  # where the database is, as it may be shown: a path, or a URL without its password
    dirs: UserDirs


ACCOUNT_CHECK_MS = 60_000


class MainWindow(QMainWindow, MainMenus):
    # Emitted from whichever thread found the signed-in account deactivated.
    account_deactivated = Signal()
    # The pages, each built the first time it is shown or named (None: not for this role).
    home: HomePage = LazyPage()
    stats: StatsPage | None = LazyPage()
    roster: RosterPage = LazyPage()
    sites: SitePage = LazyPage()
    coverage: CoveragePage = LazyPage()
    cards: CardsPage = LazyPage()
    verify: VerifyPage = LazyPage()
    mediation: MediationPage = LazyPage()
    incidents: IncidentsPage = LazyPage()
    clues: CluesPage = LazyPage()
    rota: RotaPage = LazyPage()
    activities: ActivitiesPage = LazyPage()
    backups: BackupPage | None = LazyPage()
    users: UsersPage | None = LazyPage()
    audit: AuditPage | None = LazyPage()

    def __init__(
        self, services: Services, info: AppInfo, sign_in: Callable[[], bool] | None = None,
        idle_ms: int | None = None,
    ) -> None:
        """`sign_in` is asked after "Sign out" (default: the sign-in dialog) and returns
        whether someone signed in; `idle_ms` overrides the station's idle-lock minutes."""
        super().__init__()
        self._services = services
        self._info = info
        self._sign_in = sign_in or (lambda: sign_in_interactively(
            services.accounts, services.station.settings().name))
        self._idle_ms = idle_ms
        self.nav = QListWidget(objectName="navigation")
        self.pages = QStackedWidget()
        self.user_label = QLabel(objectName="signed_in_as")
        self.guide: GuideDialog | None = None
        self._build_pages()
        self._build_layout()
        self._build_menus()
        self._connect()
        self._show_station()
        self._show_user()
        self.idle = IdleLock(services.accounts, self, self._idle_interval(), self._who, self.sign_out)
        self.idle.start()
        self._watch_account()
        self.resize(1280, 800)

    def _watch_account(self) -> None:
        """Lock when the account is deactivated: told by the services when they refuse an
        action for it (queued: the lock comes after the refused action has unwound), and
        checked once a minute for a window left open."""
        self.account_deactivated.connect(self._lock_deactivated, Qt.ConnectionType.QueuedConnection)
        forget = self._services.access.on_deactivated(self.account_deactivated.emit)
        self.destroyed.connect(lambda *_: forget())
        self.account_check = QTimer(self, interval=ACCOUNT_CHECK_MS)
        self.account_check.timeout.connect(self.check_account)
        self.account_check.start()

    def check_account(self) -> None:
        if self._services.access.user is not None and not self.idle.locked:
            self._services.access.can(Action.READ)  # reads the account; tells us if deactivated

    def _lock_deactivated(self) -> None:
        self.idle.lock(deactivated=True)

    def _build_pages(self) -> None:
        """The pages the signed-in user's role may use, each built when first shown."""
        can = self._services.access.can
        self.lazy_pages = LazyPages(self.pages, self._services)
        self._add_page("home", self.tr("Home"), "home.home_page:HomePage",
                       lambda page: page.open_list.connect(self.open_list))
        if can(Action.STATS):
            self._add_page("stats", self.tr("Statistics"), "stats.stats_page:StatsPage", self._wire_stats)
        self._add_page("roster", self.tr("Volunteer roster"), "roster.roster_page:RosterPage",
                       lambda page: page.print_requested.connect(self.print_cards_for))
        self._add_page("sites", self.tr("Sites"), "sites.site_page:SitePage")
        self._add_page("coverage", self.tr("Coverage"), "coverage.coverage_page:CoveragePage",
                       lambda page: page.fix_requested.connect(self.fix_gap))
        self._add_page("cards", self.tr("ID cards"), "cards.cards_page:CardsPage")
        self._add_page("verify", self.tr("Verify card"), "cards.verify_page:VerifyPage")
        self._add_page("mediation", self.tr("Mediation"), "mediation.mediation_page:MediationPage")
        self._add_page("incidents", self.tr("Incidents"), "incidents.incidents_page:IncidentsPage")
        self._add_page("clues", self.tr("Clue reports"), "clues.clues_page:CluesPage")
        self._add_page("rota", self.tr("Duty rota"), "rota.rota_page:RotaPage")
        self._add_page("activities", self.tr("Activities"), "activities.activities_page:ActivitiesPage")
        if can(Action.STATS):
            self._add_page("recognition", self.tr("Recognition"), "records.recognition_page:RecognitionPage")
        if can(Action.SETTINGS):
            self._add_page("backups", self.tr("Backups"), "admin.backup_page:BackupPage")
        if can(Action.USERS):
            self._add_page("users", self.tr("Users"), "admin.users_page:UsersPage")
        if can(Action.AUDIT):
            self._add_page("audit", self.tr("Audit trail"), "admin.audit_page:AuditPage")
        self.nav.setCurrentRow(0)
        self.lazy_pages.show(0)

    def _wire_stats(self, page: StatsPage) -> None:
        """A statistics row opens the register behind it, filtered to what it counts."""
        page.open_incidents.connect(self.open_incidents)
        page.open_clues.connect(lambda preset, label: (self._go(self.clues), self.clues.show_preset(preset, label)))
        page.open_cases.connect(lambda preset, label: (self._go(self.mediation),
                                                       self.mediation.show_preset(preset, label)))

    def print_cards_for(self, volunteer_ids: list[int]) -> None:
        """The roster asked for these volunteers' cards: the ID cards page, print tab."""
        self.nav.setCurrentRow(self.pages.indexOf(self.cards))
        self.cards.print_for(volunteer_ids)

    def _clear_pages(self) -> None:
        """Drop every page (and the dialogs opened from them) of the user signing out."""
        self.lazy_pages.clear()  # first: the list moves its current row as it empties
        self.nav.clear()

    def _add_page(self, key: str, title: str, where: str, wire=None) -> None:  # noqa: ANN001 - page -> None
        item = QListWidgetItem(title)
        item.setSizeHint(QSize(0, 40))
        self.nav.addItem(item)
        self.lazy_pages.add(key, f"redband_desktop.ui.{where}", wire)

    def _build_layout(self) -> None:
        self.nav.setFixedWidth(170)
        self.nav.setCurrentRow(0)
        self.nav.setStyleSheet(
            "QListWidget{font-size:15px;border:none;background:#f4f1ec;padding-top:8px}"
            "QListWidget::item{padding-left:14px}"
            "QListWidget::item:selected{background:#c8102e;color:white}"
        )
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

    def _connect(self) -> None:
        self.nav.currentRowChanged.connect(lambda row: self.lazy_pages.show(row))
        watch(self, self._services.changes, Change.SETTINGS, self._settings_changed)

    def _show_station(self) -> None:
        self._show_title()
        where = QLabel(self._info.database.removeprefix("sqlite:///"))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(where)

    def _show_title(self) -> None:
        station = self._services.station.settings().name
        self.setWindowTitle(self.tr("{station} — 红袖标 Desktop").format(station=station))
        self.statusBar().showMessage(station)

    def _who(self) -> str:
        user = self._services.access.user
        return user_text(user.display_name, user.role) if user else ""

    def _show_user(self) -> None:
        self.user_label.setText(self.tr("Signed in as {user}").format(user=self._who()))
        self._enable_menus()

    def _idle_interval(self) -> int:
        return self._idle_ms or self._services.station.settings().idle_minutes * 60_000

    def _settings_changed(self, _kinds: Change) -> None:
        self._show_title()
        self.idle.set_interval(self._idle_interval())

    def _go(self, page: QWidget | None) -> None:
        if page is not None:
            self.nav.setCurrentRow(self.pages.indexOf(page))

    def open_incidents(self, preset: object, label: str) -> None:
        """From a statistics figure to the incident register filtered to what it counts."""
        self._go(self.incidents)
        self.incidents.show_preset(preset, label)

    def open_list(self, key: str) -> None:
        """From a home-page figure to the list behind it, filtered to exactly what the
        figure counts (in the home page's district scope)."""
        from datetime import date

        from redband_desktop.domain.coverage import GapReason
        from redband_desktop.services.clues.types import AWAITING_FEEDBACK, ClueFilter
        from redband_desktop.services.incidents.types import IncidentFilter
        from redband_desktop.services.roster.types import RosterFilter

        h = self.home.shown
        district = h.district_id if h is not None else None
        month = (h.today if h is not None else date.today()).replace(day=1)
        caption = self.home.figures[key].caption.text() if key in self.home.figures else ""
        if key == "open_incidents":
            self.open_incidents(IncidentFilter(status="open", district_id=district), self.tr("Open incidents"))
        elif key in ("clues_to_verify", "clues_feedback"):
            self._go(self.clues)
            status = "received" if key == "clues_to_verify" else AWAITING_FEEDBACK
            self.clues.show_preset(ClueFilter(status=status, district_id=district), caption)
        elif key in ("cases_overdue", "follow_ups", "cases_due_soon"):
            self._go(self.mediation)
            self.mediation.overdue.setChecked(key == "cases_overdue")
            self.mediation.follow_up_due.setChecked(key == "follow_ups")
        elif key in ("active", "joined", "left"):
            self._go(self.roster)
            preset = {"active": RosterFilter(status="active", district_id=district),
                      "joined": RosterFilter(district_id=district, joined_from=month),
                      "left": RosterFilter(status="left", district_id=district, status_since_from=month)}[key]
            self.roster.show_preset(preset, caption)
        elif key == "heads_without_card":
            self._go(self.coverage)
            self.coverage.show_gaps(GapReason.CARD_EXPIRED.value, district, caption)
        elif key in ("buildings", "zones"):
            self._go(self.coverage)
        elif key == "cards_expiring":
            self._go(self.cards)
            self.cards.tabs.setCurrentWidget(self.cards.register)
            self.cards.register.show_preset("expiring", district, caption)
        elif key == "backup":
            self._go(self.backups)

    def fix_gap(self, kind: str, ident: int) -> None:
        """From a gap in the coverage view to that building or zone, assign dialog open."""
        self.nav.setCurrentRow(self.pages.indexOf(self.sites))
        self.sites.show_place(kind, ident, assign=True)

    def sign_out(self) -> None:
        """Sign out, close this user's pages and dialogs, and let someone sign in (else quit)."""
        self.idle.stop()
        self._services.accounts.sign_out()
        self.hide()
        self._clear_pages()
        app = QApplication.instance()
        quit_on_close = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # closing the sign-in dialog must not end the program
        try:
            signed_in = self._sign_in()
        finally:
            app.setQuitOnLastWindowClosed(quit_on_close)
        if not signed_in:
            self.close()
            app.quit()
            return
        self._build_pages()
        self._show_user()
        self.show()
        self.idle.start()
