"""Issue #13 item 19: a mediation party's ID number is checked like a volunteer's (GB 11643)
unless another document type is chosen explicitly, and a case's site belongs to its
district, as an incident's does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from redband_desktop.domain.idnumber import check_character, make_id_number
from redband_desktop.domain.mediation import CaseSource, DisputeType, IdDocument, PartyRole
from redband_desktop.errors import ValidationError
from redband_desktop.services.mediation.types import CaseForm, PartyForm

VALID = make_id_number("530112", date(1968, 4, 9), 37)  # odd sequence: a man
WRONG_CHECK = VALID[:-1] + ("0" if VALID[-1] != "0" else "1")
FEB_30 = "53011219680230123" + check_character("53011219680230123")


def _problems(call) -> dict[str, str]:  # noqa: ANN001
    with pytest.raises(ValidationError) as caught:
        call()
    return {p.field: p.code for p in caught.value.problems}


@pytest.fixture
def case(services, place):  # noqa: ANN001, ANN201
    return services.mediation.register(CaseForm(date(2026, 11, 2), CaseSource.APPLIED, DisputeType.NEIGHBOUR,
                                                "漏水纠纷", district_id=place["district"].id))


@pytest.mark.parametrize(("number", "code"), [(WRONG_CHECK, "id_checksum"), ("12345", "id_length"),
                                              (FEB_30, "id_birth_date"), ("E12345678", "id_length")])
def test_a_party_id_number_is_checked_as_gb_11643(services, case, number, code) -> None:  # noqa: ANN001
    party = PartyForm(PartyRole.APPLICANT, "王建国", id_number=number)
    assert _problems(lambda: services.mediation.add_party(case.id, party)) == {"id_number": code}
    assert services.mediation.case(case.id).parties == ()


def test_a_valid_number_is_stored_normalised_and_its_gender_checked(services, case) -> None:  # noqa: ANN001
    typed = VALID[:-1] + VALID[-1].lower()
    typed = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in typed[:6]) + typed[6:]  # full-width
    saved = services.mediation.add_party(case.id, PartyForm(PartyRole.APPLICANT, "王建国", "M", id_number=typed))
    assert saved.parties[0].form.id_number == VALID
    assert saved.parties[0].form.id_type is IdDocument.RESIDENT_ID
    wrong_gender = PartyForm(PartyRole.RESPONDENT, "王建国", "F", id_number=VALID)
    assert _problems(lambda: services.mediation.add_party(case.id, wrong_gender)) == {"gender": "gender_mismatch"}


def test_another_document_passes_only_when_chosen(services, case) -> None:  # noqa: ANN001
    passport = PartyForm(PartyRole.RESPONDENT, "John Smith", id_type=IdDocument.PASSPORT, id_number=" e1234 5678 ")
    saved = services.mediation.add_party(case.id, passport)
    assert (saved.parties[0].form.id_number, saved.parties[0].form.id_type) == ("E12345678", IdDocument.PASSPORT)
    odd = replace(passport, id_type=IdDocument.OTHER, id_number="号码\x00<>")
    assert _problems(lambda: services.mediation.add_party(case.id, odd)) == {"id_number": "document_number_invalid"}
    assert _problems(lambda: services.mediation.add_party(case.id, replace(passport, id_type="driver"))) \
        == {"id_type": "invalid_choice"}


def test_a_case_site_belongs_to_its_district(services, place, case) -> None:  # noqa: ANN001
    far = CaseForm(date(2026, 11, 2), CaseSource.APPLIED, DisputeType.NEIGHBOUR, "漏水纠纷",
                   district_id=place["district"].id, site_id=place["far"].id)
    assert _problems(lambda: services.mediation.register(far)) == {"site_id": "site_district_mismatch"}
    assert _problems(lambda: services.mediation.update(case.id, case.version, far)) \
        == {"site_id": "site_district_mismatch"}
    assert _problems(lambda: services.mediation.register(replace(far, district_id=None))) \
        == {"district_id": "required"}
    assert _problems(lambda: services.mediation.register(replace(far, site_id=10**6))) \
        == {"site_id": "site_district_mismatch"}
    ok = services.mediation.register(replace(far, site_id=place["compound"].id))
    assert ok.site_name == "金色家园"
