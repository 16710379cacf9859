"""Mediation cases linked to the rest of the station: the committee's own name on printed
forms, a dispute incident referred to mediation in one step, and the cases a volunteer
mediated in."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from redband_desktop.domain.access import Role
from redband_desktop.domain.mediation import CaseSource, CaseStatus, DisputeType, PartyRole
from redband_desktop.errors import PermissionDenied, ValidationError
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.incidents.types import IncidentForm
from redband_desktop.services.mediation.types import CaseForm, PartyForm, SessionForm
from redband_desktop.services.shared.settings import write_setting

RECEIVED = datetime(2026, 11, 20, 19, 40)


@pytest.fixture
def place(services):  # noqa: ANN001, ANN201
    d = services.structure.create_district("金家河片区", officer_name="陈卿")
    other = services.structure.create_district("滨江片区")
    compound = services.structure.create_site(d.id, "compound", "金色家园")
    return {"district": d, "other": other, "compound": compound}


def _incident(services, place, **changes):  # noqa: ANN001, ANN202
    values = dict(received_at=RECEIVED, category="dispute", district_id=place["district"].id,
                  site_id=place["compound"].id, caller_name="李秀兰", caller_phone="13987654321",
                  location="3栋2单元", summary="楼上住户装修噪音扰民，双方发生口角。民警到场劝解。")
    values.update(changes)
    return services.incidents.create(IncidentForm(**values))


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler-utils")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.replace(" ", "")


# -- the committee's name ---------------------------------------------------------
def test_documents_carry_the_committee_setting_or_the_derived_name(services, tmp_path) -> None:  # noqa: ANN001
    services.station.initialise("金家河派出所")
    c = services.mediation.register(CaseForm(date(2026, 11, 2), CaseSource.APPLIED, DisputeType.NEIGHBOUR, "漏水纠纷"))
    assert "金家河派出所人民调解委员会" in _pdf_text(services.mediation.document(c.id, "sessions"), tmp_path)
    with services.db.write() as s:
        write_setting(s, "mediation.committee", "  金家河社区人民调解委员会 ")
    text = _pdf_text(services.mediation.document(c.id, "sessions"), tmp_path)
    assert "金家河社区人民调解委员会" in text and "金家河派出所人民调解委员会" not in text
    given = _pdf_text(services.mediation.document(c.id, "sessions", committee="西山区人民调解委员会"), tmp_path)
    assert "西山区人民调解委员会" in given  # an explicit name still wins over the setting


# -- a dispute incident becomes a case ---------------------------------------------
def test_register_from_a_dispute_incident(services, place) -> None:  # noqa: ANN001
    incident = _incident(services, place)
    c = services.mediation.register_from_incident(incident.id, date(2026, 11, 21))
    assert c.form.source is CaseSource.POLICE and c.form.incident_id == incident.id
    assert c.incident_number == incident.number
    assert (c.form.district_id, c.form.site_id) == (place["district"].id, place["compound"].id)
    assert c.form.summary == "楼上住户装修噪音扰民，双方发生口角"
    assert incident.number in c.form.facts and "金色家园，3栋2单元" in c.form.facts and "民警到场劝解" in c.form.facts
    assert c.form.registrar == "系统管理员" and c.status is CaseStatus.REGISTERED
    assert c.deadline == date(2026, 12, 21) and c.number.startswith("(2026)人调字第")
    [applicant] = c.parties
    assert applicant.form.role is PartyRole.APPLICANT and applicant.form.name == "李秀兰"
    assert applicant.form.phone == "13987654321"
    again = services.mediation.case(c.id)
    assert again.incident_number == incident.number and again == c
    assert services.audit.count(AuditFilter(entity="mediation", entity_id=str(c.id), action="create")) == 1


def test_a_confidential_caller_is_not_made_a_party(services, place) -> None:  # noqa: ANN001
    incident = _incident(services, place, caller_confidential=True, summary="")
    c = services.mediation.register_from_incident(incident.id, date(2026, 11, 21))
    assert c.parties == () and "李秀兰" not in c.form.facts + c.form.summary
    assert c.form.summary == f"3栋2单元矛盾纠纷（{incident.number}）"


def test_only_dispute_incidents_and_only_once(services, place) -> None:  # noqa: ANN001
    theft = _incident(services, place, category="criminal", summary="电动车被盗")
    with pytest.raises(ValidationError) as err:
        services.mediation.register_from_incident(theft.id, date(2026, 11, 21))
    assert [(p.field, p.code) for p in err.value.problems] == [("incident_id", "mediation_not_dispute")]
    assert "刑事" in err.value.message()
    dispute = _incident(services, place)
    with pytest.raises(ValidationError) as err:
        services.mediation.register_from_incident(dispute.id, date(2026, 11, 19))
    assert [p.field for p in err.value.problems] == ["registered_on"]
    first = services.mediation.register_from_incident(dispute.id, date(2026, 11, 21))
    with pytest.raises(ValidationError) as err:
        services.mediation.register_from_incident(dispute.id)
    assert err.value.problems[0].field == "incident_id" and first.number in err.value.message()
    other = services.mediation.register(CaseForm(date(2026, 11, 22), CaseSource.APPLIED, DisputeType.NEIGHBOUR, "另一起"))
    with pytest.raises(ValidationError):  # nor can an edit point a second case at it
        services.mediation.update(other.id, other.version, CaseForm(
            date(2026, 11, 22), CaseSource.POLICE, DisputeType.NEIGHBOUR, "另一起", incident_id=dispute.id))
    assert services.mediation.search(limit=0).total == 2


def test_an_officer_refers_only_incidents_of_their_district(services, place) -> None:  # noqa: ANN001
    from tests.ui.staff import ADMIN, STAFF_PASSWORD, add_staff

    ours = _incident(services, place)
    theirs = _incident(services, place, district_id=place["other"].id, site_id=None)
    add_staff(services, "chenq", Role.OFFICER.value, place["district"].id)
    services.accounts.sign_in("chenq", STAFF_PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            services.mediation.register_from_incident(theirs.id, date(2026, 11, 21))
        assert services.mediation.register_from_incident(ours.id, date(2026, 11, 21)).incident_number == ours.number
    finally:
        services.accounts.sign_in(*ADMIN)


# -- a volunteer's cases -----------------------------------------------------------
def test_cases_a_volunteer_mediated_match_ids_exactly(services) -> None:  # noqa: ANN001
    m = services.mediation

    def case(on: date, *sessions: tuple[int, ...]):  # noqa: ANN202
        c = m.register(CaseForm(on, CaseSource.APPLIED, DisputeType.NEIGHBOUR, f"纠纷{on:%m%d}"))
        for ids in sessions:
            m.add_session(c.id, SessionForm(datetime.combine(on, datetime.min.time()), mediators="张明", mediator_ids=ids))
        return c

    older = case(date(2026, 9, 1), (1, 40))
    newer = case(date(2026, 10, 1), (12,), (7, 1))
    only_eleven = case(date(2026, 11, 1), (11, 21, 10))
    case(date(2026, 11, 5))
    assert [r.id for r in m.for_volunteer(1)] == [newer.id, older.id]
    assert [r.id for r in m.for_volunteer(11)] == [only_eleven.id]
    assert [r.id for r in m.for_volunteer(40)] == [older.id]
    assert m.for_volunteer(4) == [] and m.for_volunteer(2) == []
    assert m.for_volunteer(1)[0].number == newer.number and m.for_volunteer(1)[0].summary == "纠纷1001"


def test_overdue_and_follow_up_flags_in_the_detail(services) -> None:  # noqa: ANN001
    from redband_desktop.services.mediation.service import MediationService

    svc = MediationService(services.db, services.access, today=lambda: date(2026, 11, 28))
    late = svc.register(CaseForm(date(2026, 10, 1), CaseSource.APPLIED, DisputeType.NEIGHBOUR, "超期"))
    soon = svc.register(CaseForm(date(2026, 11, 1), CaseSource.APPLIED, DisputeType.NEIGHBOUR, "将到期"))
    fresh = svc.register(CaseForm(date(2026, 11, 27), CaseSource.APPLIED, DisputeType.NEIGHBOUR, "新案"))
    assert (late.overdue, late.due_soon) == (True, False)
    assert (svc.case(soon.id).overdue, svc.case(soon.id).due_soon) == (False, True)
    assert (fresh.overdue, fresh.due_soon, fresh.follow_up_due) == (False, False, False)
    svc.add_party(late.id, PartyForm(PartyRole.APPLICANT, "甲"))
    assert svc.case(late.id).overdue


def test_demo_mediators_are_volunteers_with_their_cases(demo_services) -> None:  # noqa: ANN001
    m = demo_services.mediation
    sessions = [(r.id, e.form) for r in m.search(limit=10_000).first_page for e in m.case(r.id).sessions]
    assert sessions and all(len(f.mediator_ids) >= 1 for _, f in sessions)
    case_id, first = sessions[0]
    volunteer = demo_services.roster.get(first.mediator_ids[0])
    assert volunteer.name in first.mediators
    assert case_id in [r.id for r in m.for_volunteer(volunteer.id)]
