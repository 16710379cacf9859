"""Issue #13 item 18: dates and numbers have ranges. A date before 1990 (or year 1, or
`date.max`), a volunteer born in 1900, NaN / Infinity / "abc" / 10**30 as money and ids
that are not ids are each a validation error naming the field — never a raw exception,
never a saved record."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from redband_desktop.db.models import Incident, MediationCase, Volunteer
from redband_desktop.db.models.clues import Clue
from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.domain.mediation import CaseSource, DisputeType, OutcomeKind, PartyRole
from redband_desktop.errors import ValidationError
from redband_desktop.services.clues.types import ClueForm
from redband_desktop.services.incidents.types import IncidentForm
from redband_desktop.services.mediation.types import CaseForm, OutcomeForm, PartyForm
from redband_desktop.services.roster.types import VolunteerForm

AT = datetime(2026, 3, 8, 21, 15)
BAD_NUMBERS = [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity"), Decimal("1e30"),
               10**30, "abc", "1e30", "Infinity", float("nan"), float("inf"), Decimal("0.001"), Decimal("-1")]
BAD_IDS = ["abc", 10**30, -1, 0, 1.5, True, 2**31]


def _count(services, model) -> int:  # noqa: ANN001
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def _fields(call) -> set[str]:  # noqa: ANN001
    with pytest.raises(ValidationError) as caught:
        call()
    return {p.field for p in caught.value.problems}


def _incident(place, **changes) -> IncidentForm:  # noqa: ANN001
    return replace(IncidentForm(received_at=AT, category="fraud", district_id=place["district"].id,
                                summary="冒充客服", loss_yuan=Decimal("1200.50")), **changes)


def _case(place, on: date = date(2026, 11, 2), **changes) -> CaseForm:  # noqa: ANN001
    return replace(CaseForm(on, CaseSource.APPLIED, DisputeType.NEIGHBOUR, "漏水纠纷", district_id=place["district"].id),
                   **changes)


@pytest.mark.parametrize("when", [datetime(1900, 1, 1), datetime(1, 1, 1), datetime(1989, 12, 31, 23, 59), "abc",
                                  date(2026, 3, 8)])
def test_incident_times_out_of_range_are_refused(services, place, when) -> None:  # noqa: ANN001
    assert _fields(lambda: services.incidents.create(_incident(place, received_at=when))) == {"received_at"}
    assert _fields(lambda: services.incidents.create(_incident(place, occurred_at=when))) == {"occurred_at"}
    assert _count(services, Incident) == 0


@pytest.mark.parametrize("loss", BAD_NUMBERS)
def test_incident_loss_must_be_money(services, place, loss) -> None:  # noqa: ANN001
    assert _fields(lambda: services.incidents.create(_incident(place, loss_yuan=loss))) == {"loss_yuan"}
    assert _count(services, Incident) == 0


def test_incident_loss_as_typed_text_and_the_totals(services, place) -> None:  # noqa: ANN001
    from redband_desktop.services.incidents.types import IncidentFilter

    saved = services.incidents.create(_incident(place, loss_yuan="9,999,999,999.99"))
    assert services.incidents.get(saved.id).form.loss_yuan == Decimal("9999999999.99")
    assert services.incidents.search(IncidentFilter()).totals.loss_yuan == Decimal("9999999999.99")


@pytest.mark.parametrize("ident", BAD_IDS)
def test_ids_that_are_not_ids_are_refused(services, place, ident) -> None:  # noqa: ANN001
    for name in ("district_id", "site_id", "building_id", "zone_id"):
        assert name in _fields(lambda n=name: services.incidents.create(_incident(place, **{n: ident})))
    assert _fields(lambda: services.incidents.create(_incident(place, volunteers=((ident, "reported"),)))) \
        == {"volunteers"}
    clue = ClueForm(reporter_id=ident, reported_at=AT, district_id=place["district"].id, clue_type="other",
                    content="x")
    assert _fields(lambda: services.clues.create(clue)) == {"reporter_id"}
    assert "district_id" in _fields(lambda: services.mediation.register(_case(place, district_id=ident)))
    assert "incident_id" in _fields(lambda: services.mediation.register(_case(place, incident_id=ident)))
    assert (_count(services, Incident), _count(services, Clue), _count(services, MediationCase)) == (0, 0, 0)


def test_clue_time_before_1990_is_refused(services, place) -> None:  # noqa: ANN001
    clue = ClueForm(reporter_id=place["volunteer"], reported_at=datetime(1900, 1, 1), district_id=place["district"].id,
                    clue_type="other", content="x")
    assert _fields(lambda: services.clues.create(clue)) == {"reported_at"}


@pytest.mark.parametrize("on", [date(1900, 1, 1), date(2100, 1, 1), date(1, 1, 1), date.max, date.min, "abc"])
def test_mediation_registration_out_of_range_is_refused(services, place, on) -> None:  # noqa: ANN001
    assert _fields(lambda: services.mediation.register(_case(place, on))) == {"registered_on"}
    assert _count(services, MediationCase) == 0


def test_registration_up_to_a_year_ahead_is_taken(services, place) -> None:  # noqa: ANN001
    assert services.mediation.register(_case(place, date.today() + timedelta(days=300))).number


@pytest.mark.parametrize("amount", BAD_NUMBERS)
def test_agreement_amount_must_be_money(services, place, amount) -> None:  # noqa: ANN001
    case = services.mediation.register(_case(place))
    services.mediation.add_party(case.id, PartyForm(PartyRole.APPLICANT, "李秀兰"))
    services.mediation.add_party(case.id, PartyForm(PartyRole.RESPONDENT, "王建国"))
    outcome = OutcomeForm(OutcomeKind.WRITTEN, date(2026, 11, 20), "赔偿", amount_yuan=amount)
    assert _fields(lambda: services.mediation.record_outcome(case.id, outcome)) == {"amount_yuan"}
    assert services.mediation.case(case.id).outcome is None


@pytest.mark.parametrize("value", ["abc", 10**30, float("nan")])
def test_counts_and_ages_must_be_numbers(services, place, value) -> None:  # noqa: ANN001
    case = services.mediation.register(_case(place))
    assert _fields(lambda: services.mediation.add_party(case.id, PartyForm(PartyRole.APPLICANT, "李", age=value))) \
        == {"age"}
    assert _fields(lambda: services.mediation.extend(case.id, value, "双方同意")) == {"days"}


def _volunteer(place, birth: date) -> VolunteerForm:  # noqa: ANN001
    return VolunteerForm(name="王芳", id_number=make_id_number("530112", birth, 22), phone="13908719999",
                         background="resident", political_status="masses", site_id=place["compound"].id,
                         joined_on=date(2024, 5, 1))


@pytest.mark.parametrize("birth", [date(1900, 1, 1), date(1919, 12, 31), date.today() - timedelta(days=365 * 10)])
def test_volunteers_are_adults_born_after_1920(services, place, birth) -> None:  # noqa: ANN001
    assert _fields(lambda: services.roster.create(_volunteer(place, birth))) == {"id_number"}
    assert _count(services, Volunteer) == 1  # the fixture's volunteer only


@pytest.mark.parametrize("joined", [date(1900, 1, 1), date.min, "abc"])
def test_joining_date_out_of_range_is_refused(services, place, joined) -> None:  # noqa: ANN001
    form = replace(_volunteer(place, date(1960, 1, 2)), joined_on=joined)
    assert _fields(lambda: services.roster.create(form)) == {"joined_on"}
