"""The mediation case book: numbering, the stages of a case, the refusal of an agreement
without both sides, the list filters and the audit trail."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest

from redband_desktop.domain.mediation import (
    CaseSource,
    CaseStatus,
    DisputeType,
    OutcomeKind,
    PartyRole,
    Performance,
)
from redband_desktop.errors import ConflictError, ValidationError
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.mediation.service import MediationService
from redband_desktop.services.mediation.types import (
    CaseForm,
    FollowUpForm,
    InvestigationForm,
    MediationFilter,
    OutcomeForm,
    PartyForm,
    PerformanceForm,
    SessionForm,
)

TODAY = date(2026, 11, 28)


def _case(svc, on: date = date(2026, 11, 2), kind: DisputeType = DisputeType.NEIGHBOUR):  # noqa: ANN001, ANN202
    return svc.mediation.register(CaseForm(on, CaseSource.APPLIED, kind, "楼上漏水纠纷", "楼上卫生间漏水，损坏楼下吊顶。"))


def _both_sides(svc, case_id: int) -> None:  # noqa: ANN001
    svc.mediation.add_party(case_id, PartyForm(PartyRole.APPLICANT, "李秀兰", "F", "汉族", 58, phone="13987654321"))
    svc.mediation.add_party(case_id, PartyForm(PartyRole.RESPONDENT, "王建国", "M", "彝族", 41))


def _agreement(on: date = date(2026, 10, 20)) -> OutcomeForm:
    return OutcomeForm(OutcomeKind.WRITTEN, on, "王建国赔偿李秀兰吊顶修复费用1200元。", "现金一次性支付",
                       date(2026, 10, 30), "社区调解室", Decimal("1200"), 3, True)


def test_numbers_count_per_year(services) -> None:  # noqa: ANN001
    first = _case(services)
    second = _case(services)
    other_year = _case(services, date(2027, 1, 3))
    assert [first.number, second.number, other_year.number] == [
        "(2026)人调字第1号", "(2026)人调字第2号", "(2027)人调字第1号"]
    assert first.deadline == date(2026, 12, 2) and first.status is CaseStatus.REGISTERED


def test_a_case_from_registration_to_closing(services) -> None:  # noqa: ANN001
    c = _case(services, date(2026, 10, 1))
    _both_sides(services, c.id)
    c = services.mediation.add_investigation(c.id, InvestigationForm(date(2026, 10, 3), "3栋502", "张明", "王建国", "确有渗漏"))
    assert c.status is CaseStatus.INVESTIGATING
    c = services.mediation.add_session(c.id, SessionForm(datetime(2026, 10, 10, 9, 30), "社区调解室", "张明、刘芳", (1,)))
    assert c.status is CaseStatus.MEDIATING and c.sessions[0].form.mediator_ids == (1,)
    c = services.mediation.extend(c.id, 15, "双方同意延长调解期限")
    assert c.extended and c.deadline == date(2026, 11, 16)
    c = services.mediation.record_outcome(c.id, _agreement())
    assert c.status is CaseStatus.AGREED and c.outcome.amount_yuan == Decimal("1200.00")
    c = services.mediation.record_performance(c.id, PerformanceForm(Performance.FULFILLED, date(2026, 10, 28), "收条"))
    assert c.status is CaseStatus.PERFORMING
    c = services.mediation.add_follow_up(c.id, FollowUpForm(date(2026, 11, 20), "李秀兰", "张明", True, "satisfied"))
    assert c.status is CaseStatus.FOLLOW_UP
    c = services.mediation.close(c.id, date(2026, 11, 21))
    assert c.status is CaseStatus.CLOSED and c.closed_on == date(2026, 11, 21)
    actions = services.audit.actions()
    for action in ("mediation.party", "mediation.outcome", "mediation.follow_up", "mediation.close", "extend"):
        assert action in actions
    assert services.audit.count(AuditFilter(entity="mediation", entity_id=str(c.id))) == 10
    # the closed file is kept as it was closed
    with pytest.raises(ConflictError):
        services.mediation.update(c.id, c.version, replace(c.form, summary="改过的简要"))
    with pytest.raises(ConflictError):
        services.mediation.add_party(c.id, PartyForm(PartyRole.RESPONDENT, "王建明", "M"))
    assert services.mediation.case(c.id).form.summary == "楼上漏水纠纷"


def test_parties_join_before_the_outcome_only(services) -> None:  # noqa: ANN001
    c = _case(services, date(2026, 10, 1))
    _both_sides(services, c.id)
    services.mediation.record_outcome(c.id, _agreement())
    with pytest.raises(ConflictError):
        services.mediation.add_party(c.id, PartyForm(PartyRole.RESPONDENT, "王建明", "M"))
    assert len(services.mediation.case(c.id).parties) == 2


def test_agreement_needs_both_sides_and_saves_nothing_otherwise(services) -> None:  # noqa: ANN001
    c = _case(services)
    services.mediation.add_party(c.id, PartyForm(PartyRole.APPLICANT, "李秀兰"))
    before = services.audit.count(AuditFilter())
    with pytest.raises(ValidationError) as err:
        services.mediation.record_outcome(c.id, OutcomeForm(OutcomeKind.WRITTEN, date(2026, 11, 5), ""))
    assert {p.field for p in err.value.problems} == {"terms", "parties"}
    assert "被申请人" in err.value.message()
    again = services.mediation.case(c.id)
    assert again.status is CaseStatus.REGISTERED and again.outcome is None
    assert services.audit.count(AuditFilter()) == before


def test_failure_needs_a_reason_and_stages_are_enforced(services) -> None:  # noqa: ANN001
    c = _case(services)
    with pytest.raises(ValidationError):
        services.mediation.record_outcome(c.id, OutcomeForm(OutcomeKind.NOT_REACHED, date(2026, 11, 5)))
    with pytest.raises(ConflictError):
        services.mediation.add_follow_up(c.id, FollowUpForm(date(2026, 11, 5)))
    c = services.mediation.record_outcome(c.id, OutcomeForm(
        OutcomeKind.NOT_REACHED, date(2026, 11, 5), failure_reason="双方分歧过大", referred_to="告知可向西山区人民法院起诉"))
    assert c.status is CaseStatus.FAILED
    with pytest.raises(ConflictError):
        services.mediation.add_session(c.id, SessionForm(datetime(2026, 11, 6, 9), mediators="张明"))
    assert services.mediation.close(c.id).status is CaseStatus.CLOSED


def test_party_fields_are_checked(services) -> None:  # noqa: ANN001
    c = _case(services)
    with pytest.raises(ValidationError) as err:
        services.mediation.add_party(c.id, PartyForm(PartyRole.APPLICANT, "", phone="12"))
    assert {p.field for p in err.value.problems} == {"name", "phone"}


def test_filters_and_counts(services) -> None:  # noqa: ANN001
    svc = MediationService(services.db, services.access, today=lambda: TODAY)
    old = _case(services, date(2026, 9, 1), DisputeType.LABOUR)
    _case(services, date(2026, 11, 20))
    agreed = _case(services, date(2026, 10, 1))
    _both_sides(services, agreed.id)
    services.mediation.record_outcome(agreed.id, _agreement())
    everything = svc.search(limit=10_000)
    assert everything.total == 3 and everything.totals.by_status["registered"] == 2
    assert [r.id for r in svc.search(MediationFilter(overdue=True), limit=10_000).first_page] == [old.id]
    assert [r.id for r in svc.search(MediationFilter(follow_up_due=True), limit=10_000).first_page] == [agreed.id]
    assert svc.search(MediationFilter(dispute_type=DisputeType.LABOUR), limit=0).total == 1
    assert svc.search(MediationFilter(date_from=date(2026, 10, 1), date_to=date(2026, 10, 31)), limit=0).total == 1
    assert svc.search(MediationFilter(text="王建国"), limit=10_000).first_page[0].parties == "李秀兰 — 王建国"
    only_agreed = svc.search(MediationFilter(status=CaseStatus.AGREED), limit=10_000)
    assert only_agreed.total == 1 and only_agreed.totals.by_status["registered"] == 2
    figures = services.stats.report()["mediation"]
    assert figures == {"total": 3, "by_status": everything.totals.by_status, "agreements": 1, "prevented_criminal": 1}


def test_registering_without_a_source_or_type_says_so_on_those_fields(services) -> None:  # noqa: ANN001
    from redband_desktop.errors import ValidationError
    from redband_desktop.services.mediation.types import CaseForm

    with pytest.raises(ValidationError) as caught:
        services.mediation.register(CaseForm(date(2026, 11, 20), None, "", "", ""))
    assert {p.field for p in caught.value.problems} == {"source", "dispute_type", "summary"}
    with pytest.raises(ValidationError) as wrong:
        services.mediation.register(CaseForm(date(2026, 11, 20), "carrier_pigeon", "neighbour", "纠纷", ""))
    assert [p.field for p in wrong.value.problems] == ["source"]
