"""Issue #13, item 11: an officer's write is checked against the district of the record as
it is now *and* as it would be saved, in every service — a card of another district can
not be revoked, reissued or printed, and a case, incident, clue or volunteer of the
officer's own district cannot be moved into another district (or out of every district).
The administrator sets things up; the officer of the first district then tries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.domain.mediation import CaseSource, DisputeType, PartyRole
from redband_desktop.errors import PermissionDenied
from redband_desktop.services.cards.types import CardFilter, CardSelection
from redband_desktop.services.clues.types import ClueForm
from redband_desktop.services.incidents.types import IncidentForm
from redband_desktop.services.mediation.types import CaseForm, PartyForm
from redband_desktop.services.roster.types import VolunteerForm
from tests.ui.staff import ADMIN, sign_in_as

WHEN = datetime.now().replace(microsecond=0) - timedelta(days=1)


@pytest.fixture
def far_volunteer(services, place) -> int:  # noqa: ANN001
    """A volunteer of the other district's compound."""
    v = services.roster.create(VolunteerForm(
        name="李梅", id_number=make_id_number("530112", date(1970, 5, 6), 31), phone="13908715555",
        background="resident", political_status="masses", site_id=place["far"].id, joined_on=date(2022, 1, 1)))
    return v.volunteer.id


def _officer(services, place) -> None:  # noqa: ANN001
    sign_in_as(services, "officer", place["district"].id)


def _card(services, volunteer_id: int) -> str:  # noqa: ANN001
    return services.cards.issue(volunteer_id).card_no


def _status(services, number: str) -> str:  # noqa: ANN001
    return next(r for r in services.cards.register(CardFilter()) if r.card_no == number).status.value


def test_officer_cannot_revoke_or_reissue_a_card_of_another_district(services, place, far_volunteer) -> None:  # noqa: ANN001
    theirs, mine = _card(services, far_volunteer), _card(services, place["volunteer"])
    _officer(services, place)
    with pytest.raises(PermissionDenied) as caught:
        services.cards.revoke(theirs, "丢失")
    assert caught.value.code == "outside_district"
    with pytest.raises(PermissionDenied):
        services.cards.revoke(theirs, "丢失", lost=True)
    with pytest.raises(PermissionDenied):
        services.cards.reissue(theirs)
    assert _status(services, theirs) == "valid"
    assert services.cards.revoke(mine, "退出").status.value == "revoked"


def test_officer_cannot_print_cards_of_another_district(services, place, far_volunteer) -> None:  # noqa: ANN001
    theirs = _card(services, far_volunteer)  # valid already: printing it would only count the print
    _officer(services, place)
    with pytest.raises(PermissionDenied):
        services.cards.print_batch(CardSelection("ids", ids=(far_volunteer,)), "cr80")
    with pytest.raises(PermissionDenied):
        services.cards.print_batch(CardSelection("all"), "cr80")
    printed = next(r for r in services.cards.register(CardFilter()) if r.card_no == theirs)
    assert printed.printed_count == 0
    assert services.cards.print_batch(CardSelection("district", district_id=place["district"].id), "cr80").cards == 1


def _case(services, place, district_id):  # noqa: ANN001, ANN202
    return services.mediation.register(CaseForm(
        date.today() - timedelta(days=3), CaseSource.APPLIED, DisputeType.NEIGHBOUR, "楼上漏水纠纷",
        district_id=district_id, site_id=None))


def test_officer_cannot_move_their_mediation_case_to_another_district(services, place) -> None:  # noqa: ANN001
    _officer(services, place)
    case = _case(services, place, place["district"].id)
    for elsewhere in (place["other"].id, None):
        with pytest.raises(PermissionDenied) as caught:
            services.mediation.update(case.id, case.version, replace(case.form, district_id=elsewhere))
        assert caught.value.code == "outside_district"
    assert services.mediation.case(case.id).form.district_id == place["district"].id
    moved = services.mediation.update(case.id, case.version, replace(case.form, summary="楼上漏水纠纷（已核实）"))
    assert moved.form.summary == "楼上漏水纠纷（已核实）"


def test_officer_cannot_touch_another_districts_case(services, place) -> None:  # noqa: ANN001
    theirs = _case(services, place, place["other"].id)
    _officer(services, place)
    with pytest.raises(PermissionDenied):
        services.mediation.update(theirs.id, theirs.version, replace(theirs.form, district_id=place["district"].id))
    with pytest.raises(PermissionDenied):
        services.mediation.add_party(theirs.id, PartyForm(PartyRole.APPLICANT, "王芳"))
    with pytest.raises(PermissionDenied):
        services.mediation.extend(theirs.id, 10, "双方同意")


def test_administrator_may_move_a_case_between_districts(services, place) -> None:  # noqa: ANN001
    case = _case(services, place, place["district"].id)
    moved = services.mediation.update(case.id, case.version, replace(case.form, district_id=place["other"].id))
    assert moved.form.district_id == place["other"].id


def test_officer_cannot_move_an_incident_or_a_clue_out_of_their_district(services, place) -> None:  # noqa: ANN001
    _officer(services, place)
    incident = services.incidents.create(IncidentForm(
        received_at=WHEN, occurred_at=WHEN - timedelta(hours=1), category="criminal", subcategory="burglary",
        district_id=place["district"].id, site_id=place["compound"].id, channel="110", caller_name="李华",
        caller_phone="13912345678", summary="家中被盗", loss_yuan=Decimal("2000")))
    with pytest.raises(PermissionDenied):
        services.incidents.update(incident.id, incident.version,
                                  replace(incident.form, district_id=place["other"].id, site_id=place["far"].id))
    clue = services.clues.create(ClueForm(
        reporter_id=place["volunteer"], reported_at=WHEN, district_id=place["district"].id,
        site_id=place["compound"].id, clue_type="suspicious_person", urgency="urgent", content="陌生人查看充电桩"))
    with pytest.raises(PermissionDenied):
        services.clues.update(clue.id, clue.version, replace(clue.form, district_id=place["other"].id,
                                                             site_id=place["far"].id))
    assert services.incidents.get(incident.id).form.district_id == place["district"].id
    assert services.clues.get(clue.id).form.district_id == place["district"].id


def test_officer_cannot_move_a_volunteer_to_another_districts_site(services, place) -> None:  # noqa: ANN001
    _officer(services, place)
    v = services.roster.get(place["volunteer"])
    form = VolunteerForm(name=v.name, id_number=None, phone="13808712345", background="resident",
                         political_status="masses", site_id=place["far"].id, joined_on=v.joined_on)
    with pytest.raises(PermissionDenied):
        services.roster.update(v.id, v.version, form)
    services.accounts.sign_in(*ADMIN)
    assert services.roster.get(v.id).site_id == place["compound"].id
