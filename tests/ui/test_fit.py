"""Everything fits a 1366×768 station laptop (1366×728 once the taskbar and the title bar
are taken off), in Chinese and in English: the main window on every page, and every
dialog opens at most 1366×700 with its buttons in sight (the form scrolls instead)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QWidget

from redband_desktop.paths import UserDirs
from redband_desktop.services.incidents.types import IncidentFilter
from redband_desktop.services.mediation.types import MediationFilter
from redband_desktop.services.roster.types import RosterFilter
from redband_desktop.ui.i18n import install_language

SCREEN_W, SCREEN_H, DIALOG_H = 1366, 728, 700


@pytest.fixture(params=["zh_CN", "en"])
def lang(request, qapp) -> Iterator[str]:  # noqa: ANN001
    translators = install_language(qapp, request.param)
    yield request.param
    for t in translators:
        qapp.removeTranslator(t)
    install_language(qapp, "en")


def _fits(widget: QWidget, height: int) -> tuple[int, int]:
    hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    return hint.width(), hint.height()


def test_main_window_fits_on_every_page(qtbot, demo_services, tmp_path: Path, lang: str) -> None:  # noqa: ANN001
    from redband_desktop.ui.main_window import AppInfo, MainWindow

    window = MainWindow(demo_services, AppInfo("t", demo_services.db.url, UserDirs.under(tmp_path)))
    qtbot.addWidget(window)
    window.resize(SCREEN_W, SCREEN_H)
    window.show()
    too_big = {}
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        width, height = _fits(window, SCREEN_H)
        if width > SCREEN_W or height > SCREEN_H:
            too_big[window.nav.item(row).text()] = (width, height)
    assert too_big == {}, f"pages wider or taller than a 1366×728 screen ({lang}): {too_big}"


def test_every_statistics_tab_and_chart_fits(qtbot, demo_services, tmp_path: Path, lang: str) -> None:  # noqa: ANN001
    """The statistics page's tabs and charts (titles, axis titles, a two-entry legend) and
    the home page, each at 1366×728."""
    from redband_desktop.ui.main_window import AppInfo, MainWindow

    window = MainWindow(demo_services, AppInfo("t", demo_services.db.url, UserDirs.under(tmp_path)))
    qtbot.addWidget(window)
    window.resize(SCREEN_W, SCREEN_H)
    window.show()
    assert window.pages.currentWidget() is window.home
    width, height = _fits(window, SCREEN_H)
    assert width <= SCREEN_W and height <= SCREEN_H, (lang, "home", width, height)
    window.nav.setCurrentRow(window.pages.indexOf(window.stats))
    tabs = window.stats.tabs
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        width, height = _fits(window, SCREEN_H)
        assert width <= SCREEN_W and height <= SCREEN_H, (lang, tabs.tabText(i), width, height)
    for i in range(tabs.chart_choice.count()):
        tabs.chart_choice.setCurrentIndex(i)
        chart = tabs.chart_view.chart()
        assert chart.title() and len(chart.legend().markers()) == 2
        assert all(axis.titleText() for axis in chart.axes())


def _dialogs(s):  # noqa: ANN001, ANN202 - the services, then name -> factory
    from redband_desktop.ui.accounts.change_password_dialog import ChangePasswordDialog
    from redband_desktop.ui.activities.activity_dialog import ActivityDialog
    from redband_desktop.ui.admin.first_run_dialog import FirstRunDialog
    from redband_desktop.ui.admin.passphrase_dialog import PassphraseDialog
    from redband_desktop.ui.admin.point_rules_dialog import PointRulesDialog
    from redband_desktop.ui.admin.station_settings_dialog import StationSettingsDialog
    from redband_desktop.ui.admin.user_dialog import UserDialog
    from redband_desktop.ui.clues.clue_dialog import ClueDialog
    from redband_desktop.ui.guide_dialog import GuideDialog
    from redband_desktop.ui.importing.import_wizard import ImportWizard
    from redband_desktop.ui.importing.portraits_dialog import PortraitsDialog
    from redband_desktop.ui.incidents.incident_dialog import IncidentDialog
    from redband_desktop.ui.mediation.case_window import CaseWindow
    from redband_desktop.ui.mediation.register_dialog import RegisterDialog
    from redband_desktop.ui.records.award_dialog import AwardDialog
    from redband_desktop.ui.records.certificate_dialog import CertificateDialog
    from redband_desktop.ui.records.evaluation_dialog import EvaluationDialog
    from redband_desktop.ui.roster.activity_tabs import ActivityTabs
    from redband_desktop.ui.roster.points_ranking_dialog import PointsRankingDialog
    from redband_desktop.ui.roster.points_tab import RedeemDialog
    from redband_desktop.ui.roster.status_dialog import StatusDialog
    from redband_desktop.ui.roster.volunteer_dialog import VolunteerDialog
    from redband_desktop.ui.rota.attendance_dialog import AttendanceDialog
    from redband_desktop.ui.rota.generate_dialog import GenerateDialog
    from redband_desktop.ui.rota.patrol_log_dialog import PatrolLogDialog
    from redband_desktop.ui.rota.skipped_dialog import SkippedDaysDialog
    from redband_desktop.ui.rota.template_dialog import TemplateDialog
    from redband_desktop.ui.rota.templates_dialog import TemplatesDialog
    from redband_desktop.ui.sites.structure_dialog import StructureDialog

    incident = s.incidents.search(IncidentFilter(), 1).first_page[0]
    volunteer = s.roster.search(RosterFilter(status="active"), 1).first_page[0]
    case = s.mediation.search(MediationFilter(), 1).first_page[0]
    tree = s.sites.tree()
    return {
        "first run": lambda: FirstRunDialog(s.setup, s.accounts, station_name=""),
        "station settings": lambda: StationSettingsDialog(s.station),
        "change password": lambda: ChangePasswordDialog(s.accounts),
        "new user": lambda: UserDialog(s.accounts, s.structure, None),
        "new incident": lambda: IncidentDialog(s.incidents, s.roster, tree, None),
        "edit incident": lambda: IncidentDialog(s.incidents, s.roster, tree, s.incidents.get(incident.id)),
        "new clue": lambda: ClueDialog(s, None),
        "new activity": lambda: ActivityDialog(s, None),
        "new volunteer": lambda: VolunteerDialog(s.roster, s.structure, None),
        "edit volunteer": lambda: VolunteerDialog(s.roster, s.structure, s.roster.get(volunteer.id), None,
                                                  ActivityTabs(s, volunteer.id)),
        "status": lambda: StatusDialog(s.roster, s.roster.get(volunteer.id)),
        "points rules": lambda: PointRulesDialog(s.points),
        "points ranking": lambda: PointsRankingDialog(s.points, [(d.id, d.name) for d in s.structure.districts()]),
        "redeem points": lambda: RedeemDialog(s.points, s.points.account(volunteer.id), "陈卿"),
        "case window": lambda: CaseWindow(s, case.id),
        "register dispute": lambda: RegisterDialog(s.mediation, [(d.id, d.name) for d in tree], "赵丽"),
        "districts and sites": lambda: StructureDialog(s.structure),
        "export passphrase": lambda: PassphraseDialog(s.backups.check_passphrase),
        "restore passphrase": lambda: PassphraseDialog(None, "redband-backup-20261130.rbk"),
        "user guide": GuideDialog,
        "import": lambda: ImportWizard(s),
        "import portraits": lambda: PortraitsDialog(s.importer),
        "new shift template": lambda: TemplateDialog(s),
        "generate shifts": lambda: GenerateDialog(s.rota, date.today(), None),
        "shift templates": lambda: TemplatesDialog(s, None),
        "skipped days": lambda: SkippedDaysDialog(s),
        "attendance": lambda: AttendanceDialog(s, date.today(), None),
        "patrol log": lambda: PatrolLogDialog(s, _served_shift(s, volunteer.id)),
        "commendation": lambda: AwardDialog(s.records, volunteer.id),
        "yearly evaluation": lambda: EvaluationDialog(s.records, volunteer.id, ()),
        "service certificate": lambda: CertificateDialog(s.records, volunteer.id, volunteer.name),
    }


def _served_shift(s, volunteer_id: int):  # noqa: ANN001, ANN202 - the services; a ShiftInfo
    """Yesterday's patrol at a volunteer's site with them on it and a long patrol log entry."""
    from datetime import time, timedelta

    from redband_desktop.services.rota.types import PatrolLogForm, TemplateForm

    v = s.roster.get(volunteer_id)
    day = date.today() - timedelta(days=1)
    s.rota.create_template(TemplateForm(v.site_id, "patrol", time(8), time(10), weekdays=(day.weekday(),)))
    s.rota.generate(day, day)
    view = s.rota.week(day)
    shift = next(sh for row in view.rows if row.site_id == v.site_id for sh in row.days[view.days.index(day)])
    s.rota.assign(shift.id, volunteer_id)
    s.rota.add_patrol_log(shift.id, PatrolLogForm(route="1–6栋、东门、地下车库", note="东门外一辆无牌面包车停了两个多小时，"
                                                  "车内有人；已拍照并告知物业保安。" * 3, volunteer_id=volunteer_id))
    return s.rota.shift(shift.id)


def _first_start(tmp_path: Path):  # noqa: ANN202 - a dialog factory
    """The very first start: a new database with no station and no administrator yet."""
    from redband_desktop.db.engine import Database, database_url
    from redband_desktop.db.migrate import migrate
    from redband_desktop.services import build_services
    from redband_desktop.ui.admin.first_run_dialog import FirstRunDialog

    url = database_url(tmp_path / "new.sqlite3")
    migrate(url, None)
    fresh = build_services(Database(url))
    return lambda: FirstRunDialog(fresh.setup, fresh.accounts)


def test_every_dialog_opens_within_a_laptop_screen(qtbot, demo_services, tmp_path, lang: str) -> None:  # noqa: ANN001
    too_big, buttons_hidden, clipped = {}, [], []
    dialogs = {"first start": _first_start(tmp_path), **_dialogs(demo_services)}
    for name, make in dialogs.items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(10)  # let wrapped labels take their height at their final width
        for label in dialog.findChildren(QLabel):
            if label.isVisible() and label.wordWrap() and label.text() and \
                    label.height() < label.heightForWidth(label.width()):
                clipped.append(f"{name}: {label.text()[:30]}")
        if dialog.width() > SCREEN_W or dialog.height() > DIALOG_H or _fits(dialog, DIALOG_H)[1] > DIALOG_H:
            too_big[name] = (dialog.width(), dialog.height(), *_fits(dialog, DIALOG_H))
        for button in dialog.findChildren(QPushButton):
            box = button.parent()
            if isinstance(box, QDialogButtonBox) and button.isVisible():
                bottom = button.mapTo(dialog, button.rect().bottomLeft()).y()
                if bottom > dialog.height():
                    buttons_hidden.append(f"{name}: {button.text()}")
        dialog.close()
    assert too_big == {}, f"dialogs larger than 1366×700 ({lang}): {too_big}"
    assert buttons_hidden == []
    assert clipped == [], f"help texts cut off ({lang}): {clipped}"


def test_an_unticked_date_range_looks_and_is_off(qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import QDate

    from redband_desktop.ui.widgets.date_range import DateRange

    dates = DateRange("Received from")
    qtbot.addWidget(dates)
    told: list[int] = []
    dates.changed.connect(lambda: told.append(1))
    assert not dates.date_from.isEnabled() and not dates.date_to.isEnabled()
    dates.date_from.setDate(QDate(2025, 1, 1))  # nothing to refresh: the range is off
    assert told == [] and dates.bounds() == (None, None)
    dates.use_dates.setChecked(True)
    assert dates.date_from.isEnabled() and told == [1] and dates.bounds()[0].year == 2025
