"""A dispute incident (矛盾纠纷警情) handed to the mediation committee (公安机关移交): the
case form and the applicant party taken from the incident, and the reasons to refuse.

The clerk gets a case that already says where, what and who called; the dispute type
is left as "other" because the incident register does not record it, and the clerk
picks it on the case's registration tab.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Incident, MediationCase
from redband_desktop.domain.incidents import IncidentCategory
from redband_desktop.domain.mediation import CaseSource, DisputeType, PartyRole
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.mediation.rules import LIMITS, check_party
from redband_desktop.services.mediation.types import CaseForm, PartyForm

_SENTENCE_END = re.compile(r"[。！？!?\n]")


def check_referable(s: Session, incident: Incident, registered_on: date) -> None:
    """Only a dispute, only once, and not registered before the call came in."""
    problems = []
    if incident.category != IncidentCategory.DISPUTE.value:
        problems.append(Problem("incident_id", "mediation_not_dispute",
                                {"category": IncidentCategory(incident.category).zh,
                                 "category_en": IncidentCategory(incident.category).en}))
    linked = s.scalar(select(MediationCase.number).where(MediationCase.incident_id == incident.id).limit(1))
    if linked is not None:
        problems.append(Problem("incident_id", "mediation_incident_linked", {"number": linked}))
    if registered_on < incident.received_at.date():
        problems.append(Problem("registered_on", "mediation_before_incident",
                                {"date": f"{incident.received_at:%Y-%m-%d}"}))
    if problems:
        raise ValidationError(problems)


def case_form(incident: Incident, site_name: str, registered_on: date, registrar: str) -> CaseForm:
    """Where, what and when from the incident; its number stays in the facts as well."""
    where = "，".join(x for x in (site_name, incident.location) if x)
    lead = f"{incident.received_at:%Y-%m-%d %H:%M} 接警（{incident.number}）" + (f"，地点：{where}" if where else "")
    facts = f"{lead}。\n{incident.summary.strip()}".strip()[:LIMITS["facts"]]
    return CaseForm(registered_on, CaseSource.POLICE, DisputeType.OTHER, summary_of(incident), facts,
                    incident.district_id, incident.site_id, registrar[:LIMITS["registrar"]], "", incident.id)


def summary_of(incident: Incident) -> str:
    """The first sentence of the incident's summary, cut to fit; else the place and number."""
    first = _SENTENCE_END.split(incident.summary.strip(), maxsplit=1)[0].strip()
    text = " ".join(first.split()) or f"{incident.location or ''}矛盾纠纷（{incident.number}）".strip()
    return text[:LIMITS["summary"]]


def caller_party(incident: Incident, today: date) -> PartyForm | None:
    """The caller as the applicant, unless they asked to stay confidential or gave no name."""
    name = " ".join(incident.caller_name.split())
    if incident.caller_confidential or not name:
        return None
    party = PartyForm(PartyRole.APPLICANT, name[:LIMITS["name"]], phone=incident.caller_phone)
    try:
        return check_party(party, today)
    except ValidationError:  # a number the incident register took but a party form does not
        return check_party(replace(party, phone=""), today)
