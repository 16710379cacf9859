"""Demo mediation cases: two years of closed cases referred from the dispute incidents
(about one in four becomes a formal case) or brought by the parties, and a case in every
open stage, dated from `today`.

Deterministic (seeded, derived from `today` only). Mediators are volunteers of the
case's district; police referrals point at their dispute incident. Cases are numbered per
year in registration order, as the service numbers them.
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
from redband_desktop.demo.names import random_name
from redband_desktop.domain.enums import Gender
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

# The closed history: what a dispute was about and what was agreed, per dispute type
# ({a} applicant, {r} respondent, {amount} yuan), with how often the type comes up.
HISTORY = {
    "neighbour": (30, [("楼上漏水致楼下天花板受损", "{r}负责维修{a}家受损天花板，并赔偿损失{amount}元。"),
                       ("装修噪音扰民", "{r}承诺每日12时至14时、20时以后不进行装修作业，并向{a}赔礼道歉。"),
                       ("楼道堆放杂物引发争吵", "{r}三日内清理楼道杂物，双方今后共同维护楼道整洁。")]),
    "marriage_family": (15, [("子女赡养老人费用分担", "{r}每月5日前支付{a}赡养费{amount}元。"),
                             ("夫妻因家庭琐事争吵", "双方同意冷静处理家庭矛盾，{r}每月负担家庭生活费{amount}元。")]),
    "property_mgmt": (15, [("物业费收缴与维修纠纷", "{a}补缴物业费{amount}元，{r}十五日内维修单元门禁。"),
                           ("固定车位被占用", "{r}不再占用{a}的固定车位，物业加强巡查。")]),
    "housing": (10, [("房屋租赁押金退还纠纷", "{r}于七日内退还{a}押金{amount}元。"),
                     ("相邻通行通道纠纷", "{r}拆除占用通道的围挡，双方共同保持通道畅通。")]),
    "damage": (12, [("高空抛物砸坏车窗", "{r}赔偿{a}车窗维修费{amount}元，并书面道歉。"),
                    ("宠物狗咬伤行人", "{r}赔偿{a}医药费、疫苗费共计{amount}元，今后遛狗拴绳。")]),
    "consumer": (6, [("市场摊位退货纠纷", "{r}为{a}办理退货并退还货款{amount}元。")]),
    "labour": (5, [("拖欠务工人员工资", "{r}于十日内一次性支付{a}工资{amount}元。")]),
    "contract": (4, [("装修工程尾款纠纷", "{a}验收合格后三日内支付{r}剩余工程款{amount}元。")]),
    "traffic": (3, [("电动车剐蹭赔偿", "{r}赔偿{a}修车费{amount}元。")]),
}
REFERRED_SHARE = 0.25  # dispute incidents that became a formal mediation case
APPLIED_PER_MONTH = 1.5  # parties who came to the committee themselves


def add_mediation(s: Session, rng: random.Random, today: date) -> list[MediationCase]:
    """Add the demo case book: the closed history, then a case in every stage."""
    districts = list(s.scalars(select(District).order_by(District.sort_order, District.id)))
    disputes = list(s.execute(select(Incident.id, Incident.received_at, Incident.district_id, Incident.site_id)
                              .where(Incident.category == "dispute").order_by(Incident.id)))
    cases = history(s, rng, today, districts, disputes)
    referrals = [d.id for d in disputes if d.id not in {c.incident_id for c in cases}]
    for i, spec in enumerate(CASES):
        district = districts[i % len(districts)] if districts else None
        c = _case(s, rng, today, spec, district)
        if c.source == "police" and referrals:
            c.incident_id = referrals.pop()
            _same_story(s, c)
        cases.append(c)
    for year_cases in _by_year(cases).values():
        for seq, c in enumerate(year_cases, 1):
            c.year, c.seq, c.number = c.registered_on.year, seq, case_number(c.registered_on.year, seq)
    s.add_all(cases)
    return cases


def history(s: Session, rng: random.Random, today: date, districts: list[District], disputes: list) -> list:
    """Closed cases of the past two years: a share of the dispute incidents referred by the
    police (linked, same district and site), and cases the parties brought themselves."""
    settled = today - timedelta(days=60)  # older cases are closed by now
    by_id = {d.id: d for d in districts}
    cases = []
    for d in disputes:
        if d.received_at.date() <= settled and rng.random() < REFERRED_SHARE:
            on = d.received_at.date() + timedelta(days=rng.choice((0, 0, 1, 2)))
            c = _closed_case(s, rng, today, on, by_id.get(d.district_id), "police")
            c.incident_id, c.site_id = d.id, d.site_id
            _same_story(s, c)
            cases.append(c)
    days = (settled - (today - timedelta(days=730))).days
    for _ in range(round(APPLIED_PER_MONTH * days / 30)) if districts else ():
        on = settled - timedelta(days=rng.randrange(days))
        cases.append(_closed_case(s, rng, today, on, rng.choice(districts), rng.choice(("applied", "initiative"))))
    return cases


def _same_story(s: Session, case: MediationCase) -> None:
    """The dispute incident a case was referred from says what the case is about."""
    incident = s.get(Incident, case.incident_id)
    parties = "与".join(p.name for p in case.parties[:2])
    incident.summary = f"{incident.location}{parties}因{case.summary}发生争执，民警到场后引导申请人民调解"
    case.district_id, case.site_id = incident.district_id, incident.site_id


def _closed_case(s: Session, rng: random.Random, today: date, on: date, district: District | None,
                 source: str) -> MediationCase:
    kinds = list(HISTORY)
    kind = rng.choices(kinds, weights=[HISTORY[k][0] for k in kinds])[0]
    summary, terms = rng.choice(HISTORY[kind][1])
    people = []
    for _ in range(2):
        gender = rng.choice((Gender.MALE, Gender.FEMALE))
        people.append((random_name(rng, gender, rng.randint(1950, 1998))[0], "M" if gender is Gender.MALE else "F"))
    if kind == "property_mgmt":
        people[1] = ("金家河物业服务中心", "")
    outcome = rng.choices((OutcomeKind.WRITTEN, OutcomeKind.ORAL, OutcomeKind.NOT_REACHED), weights=(85, 8, 7))[0]
    amount = Decimal(rng.choice((300, 500, 800, 1200, 1500, 2000, 2600, 3800, 5000)))
    text = terms.format(a=people[0][0], r=people[1][0], amount=amount)
    c = _case(s, rng, today, (S.CLOSED, outcome, 0, kind, source, summary, *people, text), district, on)
    if outcome.is_agreement:
        c.amount_yuan = amount if "{amount}" in terms else None
        c.prevented_criminal = kind in ("neighbour", "damage", "marriage_family") and rng.random() < 0.15
    return c


def _by_year(cases: list[MediationCase]) -> dict[int, list[MediationCase]]:
    out: dict[int, list[MediationCase]] = {}
    for c in sorted(cases, key=lambda c: c.registered_on):
        out.setdefault(c.registered_on.year, []).append(c)
    return out


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
          on: date | None = None) -> MediationCase:
    status, outcome, ago, kind, source, summary, applicant, respondent, terms = spec
    on = on or today - timedelta(days=ago)
    mediators, mediator_ids = _mediators(s, rng, district)
    c = MediationCase(
        registered_on=on,
        source=source, dispute_type=kind, summary=summary, facts=f"{applicant[0]}与{respondent[0]}因{summary}发生争执，"
        "双方多次协商未果，申请人请求调解。", district_id=district.id if district else None, registrar="赵丽",
        mediators=mediators, deadline=deadline(on), status=status.value,
    )
    home = f"西山区{district.name.removesuffix('片区')}社区" if district else ""
    person = bool(respondent[1])  # an organisation has no gender, age or ethnicity
    c.parties = [MediationParty(role="applicant", name=applicant[0], gender=applicant[1], ethnicity="汉族",
                                age=rng.randint(28, 75), phone=f"139{rng.randint(10**7, 10**8 - 1)}", address=home),
                 MediationParty(role="respondent", name=respondent[0], gender=respondent[1],
                                ethnicity=rng.choice(("汉族", "彝族", "白族")) if person else "",
                                age=rng.randint(25, 78) if person else None,
                                phone=f"137{rng.randint(10**7, 10**8 - 1)}", address=home)]
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
        c.failure_reason, c.referred_to = "双方对赔偿金额分歧过大，经多次调解未能达成一致。", "已告知当事人可向西山区人民法院起诉。"
    agreed = outcome.is_agreement  # only an agreement is carried out and visited afterwards
    if agreed and status in (S.PERFORMING, S.FOLLOW_UP, S.CLOSED):
        c.performances = [MediationPerformance(status="fulfilled" if status is not S.PERFORMING else "partly",
                                               checked_on=on + timedelta(days=10), proof="当事人出具收条。")]
    if agreed and status in (S.FOLLOW_UP, S.CLOSED):
        c.follow_ups = [MediationFollowUp(party=c.parties[0].name, visited_on=min(on + timedelta(days=30), today),
                                          visitor=c.mediators.split("、")[0], performed=True, satisfaction="satisfied",
                                          escalation_signs="无", notes="协议已履行，双方关系缓和。")]
    if status is S.CLOSED:
        c.closed_on = min(on + timedelta(days=45), today)
