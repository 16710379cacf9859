"""Demo mediation cases: a small case book with a case in every stage, dated from `today`.

Deterministic (seeded, derived from `today` only). Mediators are volunteers of the
case's district; police referrals point at a dispute incident when the register has one.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import (
    District,
    Incident,
    MediationCase,
    MediationFollowUp,
    MediationInvestigation,
    MediationParty,
    MediationPerformance,
    MediationSession,
    Site,
    Volunteer,
)
from redband_desktop.domain.mediation import CaseStatus, OutcomeKind, case_number, deadline

S = CaseStatus
# (status, outcome, days ago registered, dispute type, source, summary, applicant, respondent, terms)
CASES = [
    (S.REGISTERED, None, 3, "neighbour", "applied", "楼上装修噪音扰民", ("李秀兰", "F"), ("王建国", "M"), ""),
    (S.INVESTIGATING, None, 9, "property_mgmt", "applied", "物业费与停车位纠纷", ("陈志强", "M"), ("金家河物业公司", ""), ""),
    (S.MEDIATING, None, 38, "housing", "initiative", "相邻房屋滴水檐纠纷", ("杨德福", "M"), ("杨德寿", "M"), ""),
    (S.AGREED, OutcomeKind.WRITTEN, 52, "damage", "police", "电动车碰撞赔偿", ("赵丽华", "F"), ("孙浩", "M"),
     "孙浩赔偿赵丽华医药费、误工费共计2800元，于协议签订之日起十日内付清。"),
    (S.PERFORMING, OutcomeKind.ORAL, 30, "consumer", "applied", "市场摊位退货纠纷", ("周敏", "F"), ("马文才", "M"),
     "马文才为周敏办理退货并退还货款360元。"),
    (S.FOLLOW_UP, OutcomeKind.WRITTEN, 75, "marriage_family", "applied", "赡养老人费用分担", ("何桂芳", "F"), ("何建华", "M"),
     "何建华、何建明兄弟每月各支付母亲何桂芳生活费800元，每月5日前支付。"),
    (S.CLOSED, OutcomeKind.WRITTEN, 120, "labour", "police", "拖欠装修工人工资", ("普云华", "M"), ("刘成装饰工作室", ""),
     "刘成装饰工作室于十日内一次性支付普云华工资6500元。"),
    (S.FAILED, OutcomeKind.NOT_REACHED, 60, "contract", "other_body", "房屋租赁押金纠纷", ("段玉梅", "F"), ("李强", "M"), ""),
    (S.WITHDRAWN, OutcomeKind.WITHDRAWN, 25, "neighbour", "applied", "宠物狗伤人纠纷", ("张海燕", "F"), ("罗斌", "M"), ""),
]
AMOUNTS = {S.AGREED: Decimal("2800"), S.PERFORMING: Decimal("360"), S.FOLLOW_UP: Decimal("1600"),
           S.CLOSED: Decimal("6500")}


def add_mediation(s: Session, rng: random.Random, today: date) -> list[MediationCase]:
    """Add the demo case book (numbered per year in registration order)."""
    districts = list(s.scalars(select(District).order_by(District.sort_order, District.id)))
    referrals = list(s.scalars(select(Incident.id).where(Incident.category == "dispute").order_by(Incident.id).limit(5)))
    seqs: dict[int, int] = {}
    cases = []
    for i, spec in enumerate(sorted(CASES, key=lambda c: -c[2])):
        district = districts[i % len(districts)] if districts else None
        c = _case(s, rng, today, spec, district, seqs)
        if c.source == "police" and referrals:
            c.incident_id = referrals.pop(0)
        cases.append(c)
    s.add_all(cases)
    return cases


def _mediators(s: Session, rng: random.Random, district: District | None) -> tuple[str, str]:
    """Two volunteers of the district as mediators: their names, and their ids as a
    session stores them ("12,40"), so a volunteer's page can list the cases."""
    if district is None:
        return "张明", ""
    q = (select(Volunteer.name, Volunteer.id).join(Site)
         .where(Site.district_id == district.id, Volunteer.status == "active",
                Volunteer.background.in_(("retired_cadre", "party_member")))
         .order_by(Volunteer.id).limit(20))
    people = [tuple(r) for r in s.execute(q)]
    if not people:
        return "张明", ""
    chosen = sorted(set(rng.sample(people, min(2, len(people)))))
    return "、".join(dict.fromkeys(n for n, _ in chosen)), ",".join(str(i) for _, i in chosen)


def _case(s: Session, rng: random.Random, today: date, spec: tuple, district: District | None,
          seqs: dict[int, int]) -> MediationCase:
    status, outcome, ago, kind, source, summary, applicant, respondent, terms = spec
    on = today - timedelta(days=ago)
    seqs[on.year] = seqs.get(on.year, 0) + 1
    mediators, mediator_ids = _mediators(s, rng, district)
    c = MediationCase(
        year=on.year, seq=seqs[on.year], number=case_number(on.year, seqs[on.year]), registered_on=on,
        source=source, dispute_type=kind, summary=summary, facts=f"{applicant[0]}与{respondent[0]}因{summary}发生争执，"
        "双方多次协商未果，申请人请求调解。", district_id=district.id if district else None, registrar="赵丽",
        mediators=mediators, deadline=deadline(on), status=status.value,
    )
    c.parties = [MediationParty(role="applicant", name=applicant[0], gender=applicant[1], ethnicity="汉族",
                                age=rng.randint(28, 75), phone=f"139{rng.randint(10**7, 10**8 - 1)}",
                                address=f"{district.name if district else ''}片区"),
                 MediationParty(role="respondent", name=respondent[0], gender=respondent[1],
                                ethnicity=rng.choice(("汉族", "彝族", "白族")) if respondent[1] else "")]
    if status is not S.REGISTERED:
        c.investigations = [MediationInvestigation(on=on + timedelta(days=2), place="当事人住处", investigator=mediators,
                                                   interviewed=f"{applicant[0]}、{respondent[0]}", findings="情况基本属实。")]
    if status not in (S.REGISTERED, S.INVESTIGATING):
        c.sessions = [MediationSession(held_at=datetime.combine(on + timedelta(days=7), time(9, 30)), place="社区调解室",
                                       mediators=mediators, mediator_ids=mediator_ids, participants=f"{applicant[0]}、{respondent[0]}", recorder="赵丽",
                                       statements="双方各自陈述了诉求。", facts_checked="争议事实清楚。",
                                       result="达成协议。" if outcome and outcome.is_agreement else "未达成一致。")]
    if outcome is not None:
        _outcome(c, status, outcome, on + timedelta(days=8), terms, today)
    return c


def _outcome(c: MediationCase, status: CaseStatus, outcome: OutcomeKind, on: date, terms: str, today: date) -> None:
    c.outcome_kind, c.outcome_on = outcome.value, on
    if outcome.is_agreement:
        c.terms, c.perform_method, c.perform_by = terms, "现金或转账支付", on + timedelta(days=10)
        c.amount_yuan, c.prevented_criminal = AMOUNTS.get(status), status in (S.CLOSED, S.AGREED)
    elif outcome is OutcomeKind.NOT_REACHED:
        c.failure_reason, c.referred_to = "双方对押金扣除金额分歧过大。", "已告知当事人可向西山区人民法院起诉。"
    if status in (S.PERFORMING, S.FOLLOW_UP, S.CLOSED):
        c.performances = [MediationPerformance(status="fulfilled" if status is not S.PERFORMING else "partly",
                                               checked_on=on + timedelta(days=10), proof="当事人出具收条。")]
    if status in (S.FOLLOW_UP, S.CLOSED):
        c.follow_ups = [MediationFollowUp(party=c.parties[0].name, visited_on=min(on + timedelta(days=30), today),
                                          visitor=c.mediators.split("、")[0], performed=True, satisfaction="satisfied",
                                          escalation_signs="无", notes="协议已履行，双方关系缓和。")]
    if status is S.CLOSED:
        c.closed_on = min(on + timedelta(days=45), today)
