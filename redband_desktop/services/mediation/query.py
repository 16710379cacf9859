"""Finding mediation cases: the filters of the case list (dates, type, source, status,
district, overdue, follow-up due, free text, a volunteer among a session's mediators) as
SQL, with counts by status."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import exists, func, literal, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import (
    District,
    MediationCase,
    MediationFollowUp,
    MediationParty,
    MediationSession,
)
from redband_desktop.domain.mediation import (
    FOLLOW_UP_AFTER_DAYS,
    OPEN_STATUSES,
    CaseSource,
    CaseStatus,
    DisputeType,
    PartyRole,
    follow_up_due,
    is_overdue,
)
from redband_desktop.services.mediation.types import CaseRow, CaseTotals, MediationFilter
from redband_desktop.services.shared.search import contains, search_text

_AGREED = (CaseStatus.AGREED.value, CaseStatus.PERFORMING.value)


def conditions(f: MediationFilter, today: date) -> list:
    """SQL conditions on MediationCase for everything in `f` but the status."""
    c = MediationCase
    out = []
    if f.date_from:
        out.append(c.registered_on >= f.date_from)
    if f.date_to:
        out.append(c.registered_on <= f.date_to)
    if f.dispute_type:
        out.append(c.dispute_type == DisputeType(f.dispute_type).value)
    if f.source:
        out.append(c.source == CaseSource(f.source).value)
    if f.district_id is not None:
        out.append(c.district_id == f.district_id)
    if f.site_id is not None:
        out.append(c.site_id == f.site_id)
    if f.overdue:
        out += [c.status.in_([s.value for s in OPEN_STATUSES]), c.deadline < today]
    if f.follow_up_due:
        visited = exists().where(MediationFollowUp.case_id == c.id)
        out += [c.status.in_(_AGREED), c.outcome_on <= today - timedelta(days=FOLLOW_UP_AFTER_DAYS), ~visited]
    if f.volunteer_id is not None:
        out.append(mediated_by(f.volunteer_id))
    if f.volunteer_mediated:
        out.append(exists().where(MediationSession.case_id == c.id, MediationSession.mediator_ids != ""))
    if f.agreed:
        out.append(c.outcome_kind.in_(("written", "oral")))
    if f.prevented_criminal:
        out.append(c.prevented_criminal.is_(True))
    if text := search_text(f.text):
        named = exists().where(MediationParty.case_id == c.id, contains(MediationParty.name, text))
        out.append(contains(c.number, text) | contains(c.summary, text) | contains(c.facts, text) | named)
    return out


def mediated_by(volunteer_id: int):  # noqa: ANN201 - an SQL condition
    """A session of the case lists the volunteer in `mediator_ids` ("12,40"): the list is
    wrapped in commas and searched for ",12," so that 1 does not match 11 or 21."""
    wrapped = literal(",") + func.replace(MediationSession.mediator_ids, " ", "") + literal(",")
    return exists().where(MediationSession.case_id == MediationCase.id,
                          wrapped.like(f"%,{int(volunteer_id)},%"))


# Sort keys of the case list's columns; registration (then id) breaks ties.
SORTS = {
    "number": lambda: (MediationCase.year, MediationCase.seq), "registered_on": lambda: (MediationCase.registered_on,),
    "dispute_type": lambda: (MediationCase.dispute_type,), "status": lambda: (MediationCase.status,),
    "district": lambda: (District.sort_order,), "summary": lambda: (MediationCase.summary,),
    "deadline": lambda: (MediationCase.deadline,),
}


def _order(f: MediationFilter) -> list:
    keys = SORTS.get(f.sort, SORTS["registered_on"])()
    ties = (MediationCase.registered_on.desc(), MediationCase.id.desc())
    return [k.desc() if f.descending else k.asc() for k in keys] + list(ties)


def totals(s: Session, f: MediationFilter, today: date) -> CaseTotals:
    """How many cases match, and how many of them are in each stage (the stage filter
    itself left out of the by-stage counts, so the list shows what choosing one gives)."""
    where = conditions(f, today)
    by_status = dict(s.execute(select(MediationCase.status, func.count()).where(*where)
                               .group_by(MediationCase.status)).all())
    total = by_status.get(CaseStatus(f.status).value, 0) if f.status else sum(by_status.values())
    return CaseTotals(total, {st.value: by_status.get(st.value, 0) for st in CaseStatus})


def matching_ids(s: Session, f: MediationFilter, today: date) -> list[int]:
    """Every matching case's id in the chosen order (default: newest registered first)."""
    where = conditions(f, today)
    if f.status:
        where.append(MediationCase.status == CaseStatus(f.status).value)
    q = select(MediationCase.id).where(*where).order_by(*_order(f))
    if f.sort == "district":
        q = q.outerjoin(District, District.id == MediationCase.district_id)
    return list(s.scalars(q))


def rows_by_id(s: Session, ids: list[int], today: date) -> list[CaseRow]:
    visited = exists().where(MediationFollowUp.case_id == MediationCase.id)  # one query, not one per row
    q = (select(MediationCase, District.name, visited).outerjoin(District, District.id == MediationCase.district_id)
         .where(MediationCase.id.in_(ids)))
    found = {case.id: (case, district, seen) for case, district, seen in s.execute(q)}
    names = _party_names(s, list(found))
    return [_row(case, district or "", names.get(case.id, ""), seen, today)
            for case, district, seen in (found[i] for i in ids if i in found)]


def _party_names(s: Session, ids: list[int]) -> dict[int, str]:
    sides: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    if ids:
        q = select(MediationParty.case_id, MediationParty.role, MediationParty.name).where(
            MediationParty.case_id.in_(ids)).order_by(MediationParty.id)
        for case_id, role, name in s.execute(q):
            sides[case_id][role].append(name)
    return {k: "、".join(v[PartyRole.APPLICANT.value]) + " — " + "、".join(v[PartyRole.RESPONDENT.value])
            for k, v in sides.items()}


def _row(c: MediationCase, district: str, parties: str, visited: bool, today: date) -> CaseRow:
    status = CaseStatus(c.status)
    visits = 1 if visited else 0
    return CaseRow(
        c.id, c.number, c.registered_on, DisputeType(c.dispute_type), CaseSource(c.source), status, district,
        c.summary, parties, c.deadline, is_overdue(status, c.deadline, today),
        follow_up_due(status, c.outcome_on, visits, today), c.version,
    )
