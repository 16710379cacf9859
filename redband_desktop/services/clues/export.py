"""The columns of the clue export and one row of cells per clue report."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Building, District, Incident, MarketZone, Site, Volunteer
from redband_desktop.db.models.clues import Clue, ClueAttachment
from redband_desktop.domain.clues import ClueClosing, ClueStatus, ClueType, ClueUrgency
from redband_desktop.domain.phone import mask_phone
from redband_desktop.services.clues.types import ClueFilter

EXPORT_HEADERS = (
    "线索编号", "上报时间", "上报人", "上报人电话", "片区", "场所", "楼栋/市场片区", "地点", "线索类型", "紧急程度",
    "线索内容", "状态", "核实时间", "核实人", "核实情况", "移交时间", "移交对象", "办结时间", "办结方式", "关联警情",
    "反馈情况", "反馈时间", "照片数",
)


def export_rows(s: Session, filtered: Callable, f: ClueFilter, full: bool) -> list[list]:
    photos = (select(func.count()).where(ClueAttachment.clue_id == Clue.id).correlate(Clue).scalar_subquery())
    q = (filtered(select(Clue, Volunteer.name, Volunteer.phone, District.name, func.coalesce(Site.name, ""),
                         func.coalesce(Building.label, MarketZone.name, ""), func.coalesce(Incident.number, ""),
                         photos), f)
         .join(Volunteer, Clue.reporter_id == Volunteer.id)
         .join(District, Clue.district_id == District.id)
         .outerjoin(Site, Clue.site_id == Site.id)
         .outerjoin(Building, Clue.building_id == Building.id)
         .outerjoin(MarketZone, Clue.zone_id == MarketZone.id)
         .outerjoin(Incident, Clue.incident_id == Incident.id)
         .order_by(Clue.reported_at, Clue.id))
    return [_cells(*r, full=full) for r in s.execute(q)]


def _cells(c: Clue, reporter: str, phone: str, district: str, site: str, place: str, incident: str, photos: int,
           full: bool) -> list:
    return [
        c.number, c.reported_at, reporter, (phone if full else mask_phone(phone)) if phone else "", district, site,
        place, c.location, ClueType(c.clue_type).zh, ClueUrgency(c.urgency).zh, c.content, ClueStatus(c.status).zh,
        c.verified_at, c.verified_by, c.verify_note, c.transferred_at, c.transferred_to, c.closed_at,
        ClueClosing(c.closing).zh if c.closing else "", incident, c.feedback, c.feedback_at, photos,
    ]
