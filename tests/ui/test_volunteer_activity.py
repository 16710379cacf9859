"""A volunteer's page in the roster shows what they did for the station: the incidents
they reported or helped with, their clue reports and the mediation cases they sat on,
beside their status history."""

from __future__ import annotations

from datetime import datetime, timedelta

from redband_desktop.domain.mediation import CaseStatus
from redband_desktop.services.clues.types import ClueFilter
from redband_desktop.services.incidents.types import IncidentForm
from redband_desktop.services.mediation.types import MediationFilter, SessionForm
from redband_desktop.services.roster.types import RosterFilter
from redband_desktop.ui.roster.activity_tabs import ActivityTabs
from redband_desktop.ui.roster.volunteer_dialog import VolunteerDialog


def _cells(table) -> list[str]:  # noqa: ANN001
    return [table.item(r, 0).text() for r in range(table.rowCount())]


def test_the_volunteers_page_lists_incidents_clues_and_cases(qtbot, demo_services) -> None:  # noqa: ANN001
    s = demo_services
    clue = s.clues.search(ClueFilter(), limit=10_000).first_page[0]
    vid = clue.reporter_id
    volunteer = s.roster.get(vid)
    helped = s.incidents.create(IncidentForm(
        received_at=datetime.now().replace(second=0, microsecond=0) - timedelta(hours=1), category="dispute",
        district_id=volunteer.district_id, site_id=volunteer.site_id, summary="邻里噪音纠纷",
        volunteers=((vid, "assisted"),)))
    case = s.mediation.search(MediationFilter(status=CaseStatus.MEDIATING), limit=10_000).first_page[0]
    s.mediation.add_session(case.id, SessionForm(held_at=datetime.now().replace(microsecond=0) - timedelta(hours=2),
                                                 place="社区调解室", mediators=volunteer.name, mediator_ids=(vid,)))
    tabs = ActivityTabs(s, vid)
    dialog = VolunteerDialog(s.roster, s.structure, volunteer, None, tabs)
    qtbot.addWidget(dialog)
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert tabs.widget(0) is dialog.history and len(titles) == 8  # … duty, service record, points, ID cards
    assert tabs.widget(titles.index("Service record")) is tabs.record
    assert helped.number in _cells(tabs.incidents)
    assert clue.number in _cells(tabs.clues)
    mine = [c.number for c in s.clues.for_volunteer(vid)]
    assert _cells(tabs.clues) == mine and f"({len(mine)})" in titles[2]
    assert _cells(tabs.cases) == [case.number] and "(1)" in titles[3]
    assert s.incidents.for_volunteer(vid + 100_000) == [] and s.mediation.for_volunteer(vid + 100_000) == []


def test_the_records_can_take_the_whole_dialog_and_give_it_back(qtbot, demo_services) -> None:  # noqa: ANN001
    s = demo_services
    volunteer = s.roster.get(s.roster.search(RosterFilter(), limit=1).first_page[0].id)
    tabs = ActivityTabs(s, volunteer.id)
    dialog = VolunteerDialog(s.roster, s.structure, volunteer, None, tabs)
    qtbot.addWidget(dialog)
    dialog.resize(943, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    before, form = tabs.height(), dialog.form()
    assert before == 150 and dialog.name.isVisible()
    dialog.enlarge.click()
    qtbot.waitUntil(lambda: tabs.height() > 400)
    assert not dialog.name.isVisible() and dialog.enlarge.text() == "Restore"
    dialog.enlarge.click()
    qtbot.waitUntil(lambda: dialog.name.isVisible())
    assert tabs.height() == before and dialog.form() == form  # nothing typed is lost on the way


def test_the_card_tab_lists_their_cards_and_prints_theirs(qtbot, demo_without_cards) -> None:  # noqa: ANN001
    """The replacement after 换发新证 is printed from the volunteer's own page, not only
    with a whole site's batch; unsaved edits are not thrown away to get there. (From a
    station before its first batch: the test lists exactly the cards it issues.)"""
    from redband_desktop.services.roster.types import RosterFilter
    from redband_desktop.ui.roster.roster_page import RosterPage

    s = demo_without_cards
    first = s.roster.search(RosterFilter(), 1).first_page[0].id
    old = s.cards.issue(first)
    new = s.cards.reissue(old.card_no)
    page = RosterPage(s)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    asked: list[list[int]] = []
    page.print_requested.connect(asked.append)
    page.edit_selected()
    dialog = page.findChild(VolunteerDialog)
    tabs = dialog.activity
    assert _cells(tabs.cards) == [new.card_no, old.card_no] and "(2)" in tabs.tabText(tabs.count() - 1)
    dialog.phone.setText("13800000000")
    tabs.print_button.click()
    assert asked == [] and dialog.isVisible() and dialog.general_error.isVisible()
    dialog.phone.setText(s.roster.get(first).phone)
    tabs.print_button.click()
    assert asked == [[first]] and not dialog.isVisible()
