"""Sites, and their buildings and zones with the current heads, as workbooks. The heads
sheet has the columns the heads import reads (场所, 楼栋/市场片区, 负责人, 身份证号, 起始日期),
so an exported sheet can be corrected and brought back in."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import District, PlaceHead, Site, Volunteer
from redband_desktop.domain.coverage import gap_reason
from redband_desktop.domain.enums import SiteKind
from redband_desktop.domain.idnumber import mask_id_number
from redband_desktop.domain.phone import mask_phone
from redband_desktop.services.shared.coverage import load_facts

SITE_HEADERS = ("片区", "社区民警", "场所", "场所类型", "地址", "物业公司/经营单位/单位类型", "户数", "楼栋/市场片区数",
                "志愿者（在岗）", "负责人空缺")
HEAD_HEADERS = ("片区", "场所", "场所类型", "楼栋/市场片区", "负责人", "身份证号", "手机号", "起始日期", "任职备注",
                "覆盖情况")
HEAD_TEXT_COLUMNS = (5, 6)


def site_cells(s: Session) -> list[list[Any]]:
    facts = load_facts(s)
    places: dict[int, int] = {}
    gaps: dict[int, int] = {}
    for f in facts:
        places[f.site_id] = places.get(f.site_id, 0) + 1
        gaps[f.site_id] = gaps.get(f.site_id, 0) + (gap_reason(f) is not None)
    active = dict(s.execute(select(Volunteer.site_id, func.count()).where(Volunteer.status == "active")
                            .group_by(Volunteer.site_id)).all())
    q = select(Site, District).join(District).order_by(District.sort_order, District.id, Site.kind, Site.name)
    rows = []
    for site, d in s.execute(q):
        detail = {SiteKind.COMPOUND.value: site.property_company, SiteKind.MARKET.value: site.operator}.get(
            site.kind, site.org_type)
        rows.append([d.name, d.officer_name, site.name, SiteKind(site.kind).zh, site.address, detail,
                     site.households or None, places.get(site.id, 0), active.get(site.id, 0), gaps.get(site.id, 0)])
    return rows


def head_cells(s: Session, full: bool) -> list[list[Any]]:
    heads = {(h.building_id, h.zone_id): h for h in s.scalars(select(PlaceHead).where(PlaceHead.end_date.is_(None)))}
    people = {v.id: v for v in s.scalars(select(Volunteer).where(Volunteer.id.in_([h.volunteer_id for h in heads.values()])))}
    kinds = dict(s.execute(select(Site.id, Site.kind)).all())
    rows = []
    for f in load_facts(s):
        h = heads.get((f.place_id, None) if f.kind.value == "building" else (None, f.place_id))
        v = people.get(h.volunteer_id) if h else None
        gap = gap_reason(f)
        rows.append([
            f.district_name, f.site_name, SiteKind(kinds[f.site_id]).zh, f.label, v.name if v else "",
            (v.id_number if full else mask_id_number(v.id_number)) if v else "",
            ((v.phone if full else mask_phone(v.phone)) if v.phone else "") if v else "",
            h.start_date if h else None, h.role if h else "", gap.zh if gap else "已覆盖",
        ])
    return rows

