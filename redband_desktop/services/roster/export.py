"""The columns of the roster export and one row of cells per volunteer (personal numbers
masked unless `full`)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Building, District, MarketZone, Site, Volunteer
from redband_desktop.domain.enums import (
    Background,
    Gender,
    PoliticalStatus,
    SiteKind,
    VolunteerStatus,
)
from redband_desktop.domain.idnumber import mask_id_number
from redband_desktop.domain.phone import mask_phone
from redband_desktop.services.roster.query import filtered
from redband_desktop.services.roster.types import RosterFilter

VOLUNTEER_HEADERS = (
    "姓名", "性别", "身份证号", "出生日期", "手机号", "片区", "场所类型", "场所", "楼栋/市场片区",
    "人员类别", "政治面貌", "状态", "状态日期", "加入日期", "警民联动微信群",
)


def volunteer_rows(s: Session, f: RosterFilter, full: bool) -> list[list]:
    """One row of cells per volunteer of the filtered roster, in the station's order."""
    return [_volunteer_cells(r, full) for r in s.execute(_volunteer_query(f))]


def _volunteer_query(f: RosterFilter):  # noqa: ANN202 - SQL statement
    q = (
        select(
            Volunteer.name, Volunteer.gender, Volunteer.id_number, Volunteer.birth_date, Volunteer.phone,
            District.name, Site.kind, Site.name, func.coalesce(Building.label, MarketZone.name, ""),
            Volunteer.background, Volunteer.political_status, Volunteer.status, Volunteer.status_since,
            Volunteer.joined_on, Volunteer.in_wechat_group,
        )
        .select_from(Volunteer)
        .join(Site, Volunteer.site_id == Site.id)
        .join(District, Site.district_id == District.id)
        .outerjoin(Building, Volunteer.building_id == Building.id)
        .outerjoin(MarketZone, Volunteer.zone_id == MarketZone.id)
    )
    return filtered(q, f).order_by(District.sort_order, Site.name, Volunteer.name_pinyin, Volunteer.id)


def _volunteer_cells(r, full: bool) -> list:  # noqa: ANN001 - result row
    return [
        r[0], Gender(r[1]).zh, r[2] if full else mask_id_number(r[2]), r[3],
        (r[4] if full else mask_phone(r[4])) if r[4] else "", r[5], SiteKind(r[6]).zh, r[7], r[8],
        Background(r[9]).zh, PoliticalStatus(r[10]).zh, VolunteerStatus(r[11]).zh, r[12], r[13],
        "是" if r[14] else "否",
    ]
