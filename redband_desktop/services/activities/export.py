"""The columns of the activity export and one row of cells per activity (participants
listed by name, volunteer number and hours; no personal data beyond names)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Building, District, Incident, MarketZone, Site, Volunteer
from redband_desktop.db.models.activities import Activity, ActivityIncident, ActivityParticipant
from redband_desktop.domain.activities import ActivityType, OrganiserKind, hours_text
from redband_desktop.services.activities.types import ActivityFilter

EXPORT_HEADERS = (
    "日期", "开始", "结束", "活动类型", "活动主题", "片区", "场所", "楼栋/市场片区", "地点", "组织方", "组织单位",
    "参加人数", "服务时长合计（小时）", "参加人（志愿者编号，小时）", "受众人数", "发放宣传资料（份）", "所用真实案例（警情）",
    "所用案例说明", "户数", "收集诉求（条）", "培训科目", "计入培训记录", "备注",
)


def export_rows(s: Session, filtered: Callable, f: ActivityFilter) -> list[list]:
    q = (filtered(select(Activity, District.name, func.coalesce(Site.name, ""),
                         func.coalesce(Building.label, MarketZone.name, "")), f)
         .join(District, Activity.district_id == District.id)
         .outerjoin(Site, Activity.site_id == Site.id)
         .outerjoin(Building, Activity.building_id == Building.id)
         .outerjoin(MarketZone, Activity.zone_id == MarketZone.id)
         .order_by(Activity.starts_at, Activity.id))
    found = list(s.execute(q))
    ids = [r[0].id for r in found]
    people: dict[int, list[str]] = {}
    total: dict[int, int] = {}
    cases: dict[int, list[str]] = {}
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        for aid, name, number, minutes in s.execute(
                select(ActivityParticipant.activity_id, Volunteer.name, Volunteer.volunteer_no,
                       ActivityParticipant.minutes)
                .join(Volunteer, Volunteer.id == ActivityParticipant.volunteer_id)
                .where(ActivityParticipant.activity_id.in_(part)).order_by(ActivityParticipant.id)):
            people.setdefault(aid, []).append(f"{name}（{number}，{hours_text(minutes)}）")
            total[aid] = total.get(aid, 0) + minutes
        for aid, number in s.execute(select(ActivityIncident.activity_id, Incident.number)
                                     .join(Incident, Incident.id == ActivityIncident.incident_id)
                                     .where(ActivityIncident.activity_id.in_(part))):
            cases.setdefault(aid, []).append(number)
    return [_cells(*r, people.get(r[0].id, []), total.get(r[0].id, 0), cases.get(r[0].id, [])) for r in found]


def _cells(a: Activity, district: str, site: str, place: str, people: list[str], minutes: int,
           cases: list[str]) -> list:
    return [
        a.day, f"{a.starts_at:%H:%M}", f"{a.ends_at:%H:%M}", ActivityType(a.activity_type).zh, a.theme, district,
        site, place, a.location, OrganiserKind(a.organiser_kind).zh, a.organiser, len(people),
        round(minutes / 60, 2), "、".join(people), a.audience, a.leaflets,
        "、".join(sorted(cases)), a.cases_note, a.households, a.needs_raised, a.subject,
        "是" if a.counts_as_training else "", a.notes,
    ]
