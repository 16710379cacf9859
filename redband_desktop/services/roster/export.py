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
from redband_desktop.services.roster.query import _descending, _sort_key, filtered
from redband_desktop.services.roster.types import RosterFilter
from redband_desktop.services.shared.settings import read_settings

VOLUNTEER_HEADERS = (
    "姓名", "性别", "身份证号", "出生日期", "手机号", "片区", "场所类型", "场所", "楼栋/市场片区",
    "人员类别", "政治面貌", "状态", "状态日期", "加入日期", "警民联动微信群",
)
TEXT_COLUMNS = (2, 4)  # ID number and phone stay text when the sheet is edited


def filter_words(s: Session, f: RosterFilter) -> list[str]:
    """The filter as the title row names it."""
    words = [f"搜索：{f.text.strip()}"] if f.text.strip() else []
    if f.district_id is not None:
        words.append(f"片区：{s.get(District, f.district_id).name if s.get(District, f.district_id) else f.district_id}")
    if f.site_kind:
        words.append(f"场所类型：{SiteKind(f.site_kind).zh}")
    if f.site_id is not None:
        words.append(f"场所：{s.get(Site, f.site_id).name if s.get(Site, f.site_id) else f.site_id}")
    if f.status:
        words.append(f"状态：{VolunteerStatus(f.status).zh}")
    if f.background:
        words.append(f"人员类别：{Background(f.background).zh}")
    if f.joined_from or f.joined_to:
        words.append(f"加入日期：{f.joined_from or ''}—{f.joined_to or ''}")
    if f.status_since_from or f.status_since_to:
        words.append(f"状态起始：{f.status_since_from or ''}—{f.status_since_to or ''}")
    return words


def station_name(s: Session) -> str:
    return str(read_settings(s)["station.name"] or "")


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
    keys = [*_sort_key(f), Volunteer.id]  # the page's order: its sort column, then the id
    return filtered(q, f).order_by(*(k.desc() if _descending(f) else k.asc() for k in keys))


def _volunteer_cells(r, full: bool) -> list:  # noqa: ANN001 - result row
    return [
        r[0], Gender(r[1]).zh, r[2] if full else mask_id_number(r[2]), r[3],
        (r[4] if full else mask_phone(r[4])) if r[4] else "", r[5], SiteKind(r[6]).zh, r[7], r[8],
        Background(r[9]).zh, PoliticalStatus(r[10]).zh, VolunteerStatus(r[11]).zh, r[12], r[13],
        "是" if r[14] else "否",
    ]
