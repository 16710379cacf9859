"""The columns of the incident export and one row of cells per incident."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import District, Site, Volunteer
from redband_desktop.db.models.incidents import Incident, IncidentVolunteer
from redband_desktop.domain.incidents import (
    SUBTYPES,
    FraudMethod,
    IncidentCategory,
    IncidentChannel,
    IncidentOutcome,
    IncidentStatus,
)
from redband_desktop.services.incidents.query import caller_text
from redband_desktop.services.incidents.types import IncidentFilter

EXPORT_HEADERS = (
    "警情编号", "接警时间", "发案时间", "来源", "报警人", "片区", "场所", "地点", "类别", "细类",
    "损失金额（元）", "诈骗手法", "简要情况", "处置民警", "处置结果", "状态", "办结时间", "志愿者",
)


def export_rows(s: Session, filtered: Callable, f: IncidentFilter, full: bool) -> list[list]:
    q = (filtered(select(Incident, District.name, func.coalesce(Site.name, "")), f)
         .join(District, Incident.district_id == District.id)
         .outerjoin(Site, Incident.site_id == Site.id)
         .order_by(Incident.received_at, Incident.id))
    found = s.execute(q).all()
    helpers = _helpers(s, [i.id for i, _d, _s in found])
    return [_cells(i, d, site, helpers.get(i.id, ""), full) for i, d, site in found]


def _helpers(s: Session, ids: list[int]) -> dict[int, str]:
    out: dict[int, list[str]] = {}
    for start in range(0, len(ids), 500):
        q = (select(IncidentVolunteer.incident_id, Volunteer.name, IncidentVolunteer.role)
             .join(Volunteer, IncidentVolunteer.volunteer_id == Volunteer.id)
             .where(IncidentVolunteer.incident_id.in_(ids[start:start + 500])))
        for incident_id, name, role in s.execute(q):
            out.setdefault(incident_id, []).append(f"{name}（{'报告' if role == 'reported' else '协助'}）")
    return {k: "、".join(v) for k, v in out.items()}


def _cells(i: Incident, district: str, site: str, helpers: str, full: bool) -> list:
    category = IncidentCategory(i.category)
    kind = SUBTYPES.get(category)
    return [
        i.number, i.received_at, i.occurred_at, IncidentChannel(i.channel).zh, caller_text(i, not full),
        district, site, i.location, category.zh, kind(i.subcategory).zh if kind and i.subcategory else "",
        float(i.loss_yuan) if i.loss_yuan is not None else None,
        FraudMethod(i.fraud_method).zh if i.fraud_method else "", i.summary, i.handling_officer,
        IncidentOutcome(i.outcome).zh if i.outcome else "", IncidentStatus(i.status).zh, i.closed_at, helpers,
    ]
