"""Site management as a clerk and an officer use it: details per kind, buildings in bulk,
assign or replace a head with history, removal refused while something holds a record,
renames everywhere, rights and the audit trail, and coverage in `stats`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from redband_desktop.domain.coverage import GapReason, PlaceKind
from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.errors import ConflictError, PermissionDenied, ValidationError
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.roster.types import VolunteerForm
from redband_desktop.services.sites.types import BuildingForm, DistrictForm
from tests.ui.staff import sign_in_as

B, Z = PlaceKind.BUILDING, PlaceKind.ZONE


@pytest.fixture
def world(services):  # noqa: ANN001, ANN201
    d = services.structure.create_district("金家河片区", officer_name="陈卿")
    other = services.structure.create_district("梁家河片区")
    compound = services.structure.create_site(d.id, "compound", "金色家园")
    market = services.structure.create_site(d.id, "market", "大商汇")
    added = services.places.add_buildings(compound.id, "1-3栋", units=2, households=48)
    buildings = services.structure.buildings(compound.id)
    return {"district": d, "other": other, "compound": compound, "market": market,
            "added": added, "b1": buildings[0]}


def volunteer(services, site_id: int, name: str, seq: int, building_id: int | None = None) -> int:  # noqa: ANN001
    form = VolunteerForm(
        name=name, id_number=make_id_number("530112", date(1960, 1, 2), seq), phone=f"1390871{seq:04d}",
        background="resident", site_id=site_id, building_id=building_id, joined_on=date(2022, 1, 1),
    )
    return services.roster.create(form).volunteer.id


def errors(exc: pytest.ExceptionInfo) -> dict[str, str]:
    return {p.field: p.code for p in exc.value.problems}


def test_bulk_add_buildings_skips_existing(services, world) -> None:  # noqa: ANN001
    assert world["added"] == ["1栋", "2栋", "3栋"]
    assert services.places.add_buildings(world["compound"].id, "2–5栋") == ["4栋", "5栋"]
    labels = [p.label for p in services.structure.buildings(world["compound"].id)]
    assert labels == ["1栋", "2栋", "3栋", "4栋", "5栋"]
    with pytest.raises(ValidationError) as caught:
        services.places.add_buildings(world["compound"].id, "9-3栋")
    assert errors(caught) == {"range": "range_invalid"}
    with pytest.raises(ValidationError) as caught:
        services.places.add_buildings(world["market"].id, "1-3栋")
    assert errors(caught) == {"site_id": "building_needs_compound"}


def test_details_per_kind_and_officer(services, world) -> None:  # noqa: ANN001
    site = services.sites.site(world["compound"].id)
    form = replace(site.form, property_company="金色物业", households=860, address="昆明市西山区前兴路8号")
    saved = services.sites.update_site(site.id, site.version, form)
    assert (saved.form.property_company, saved.form.households) == ("金色物业", 860)
    with pytest.raises(ConflictError):  # a second PC still holds the old version
        services.sites.update_site(site.id, site.version, replace(form, households=1))
    market = services.sites.site(world["market"].id)
    with pytest.raises(ValidationError) as caught:
        services.sites.update_site(market.id, market.version, replace(market.form, contact_phone="12ab"))
    assert errors(caught) == {"contact_phone": "phone_invalid"}
    d = services.sites.district(world["district"].id)
    d2 = services.sites.update_district(d.id, d.version, DistrictForm("金家河片区", "陈卿", "530123", "139 0871 0001"))
    assert (d2.form.officer_police_no, d2.form.officer_phone) == ("530123", "13908710001")


def test_assign_or_replace_keeps_history(services, world) -> None:  # noqa: ANN001
    b1, site = world["b1"], world["compound"].id
    first = volunteer(services, site, "王建国", 11, b1.id)
    second = volunteer(services, site, "李秀英", 13, b1.id)
    assert services.places.place(B, b1.id).gap is GapReason.NO_HEAD
    services.places.assign(B, b1.id, first, "退休干部", date(2023, 1, 1))
    detail = services.places.assign(B, b1.id, second, "物业人员", date(2024, 3, 1), "搬离小区")
    assert detail.current.volunteer_name == "李秀英" and detail.gap is None
    old = detail.history[1]
    assert (old.volunteer_name, old.end_date, old.end_reason) == ("王建国", date(2024, 3, 1), "搬离小区")
    with pytest.raises(ValidationError) as caught:
        services.places.assign(B, b1.id, second, "", date(2024, 5, 1))
    assert errors(caught) == {"volunteer_id": "already_head"}
    entries = services.audit.page(AuditFilter(action="assign"), 0, 10)
    assert len(entries) == 2 and "李秀英" in entries[0].summary


def test_a_suspended_head_leaves_a_gap_until_replaced(services, world) -> None:  # noqa: ANN001
    b1, site = world["b1"], world["compound"].id
    head = volunteer(services, site, "王建国", 11, b1.id)
    services.places.assign(B, b1.id, head, "热心居民", date(2023, 1, 1))
    v = services.roster.get(head)
    services.roster.change_status(head, v.version, "suspended", date(2025, 1, 1), "外出务工")
    detail = services.places.place(B, b1.id)
    assert detail.gap is GapReason.HEAD_SUSPENDED and detail.current.volunteer_name == "王建国"
    with pytest.raises(ValidationError) as caught:  # only active volunteers can take over
        services.places.assign(B, b1.id, head, "", date(2025, 2, 1))
    assert errors(caught) == {"volunteer_id": "head_not_active"}
    figures = services.stats.report()["coverage"]
    assert figures["buildings"] == {"total": 3, "covered": 0}
    assert figures["by_district"]["金家河片区"]["percent"] == 0.0
    assert figures["by_district"]["梁家河片区"]["percent"] is None


def test_only_volunteers_of_the_site_can_head(services, world) -> None:  # noqa: ANN001
    trader = volunteer(services, world["compound"].id, "张洁", 21)
    zone = services.places.add_zone(world["market"].id, "卫浴洁具区")
    with pytest.raises(ValidationError) as caught:
        services.places.assign(Z, zone.id, trader, "商户", date(2023, 1, 1))
    assert errors(caught) == {"volunteer_id": "head_other_site"}


def test_removal_refused_while_something_holds_it(services, world) -> None:  # noqa: ANN001
    b1, site = world["b1"], world["compound"]
    head = volunteer(services, site.id, "王建国", 11, b1.id)
    services.places.assign(B, b1.id, head, "", date(2023, 1, 1))
    with pytest.raises(ConflictError) as caught:
        services.places.delete(B, b1.id)
    assert "1 名志愿者、1 条" in caught.value.message()
    with pytest.raises(ConflictError) as caught:
        services.sites.delete_site(site.id)
    assert "金色家园" in caught.value.message() and "1 名志愿者" in caught.value.message()
    empty = services.structure.buildings(site.id)[-1]
    services.places.delete(B, empty.id)
    services.sites.delete_site(world["market"].id)  # empty: removed with nothing to keep
    assert [s.name for s in services.structure.sites()] == ["金色家园"]


def test_rename_shows_everywhere(services, world) -> None:  # noqa: ANN001
    b1, site = world["b1"], world["compound"]
    head = volunteer(services, site.id, "王建国", 11, b1.id)
    services.places.assign(B, b1.id, head, "", date(2023, 1, 1))
    detail = services.sites.site(site.id)
    services.sites.update_site(site.id, detail.version, replace(detail.form, name="金色家园（一期）"))
    assert services.roster.get(head).site == "金色家园（一期）"
    assert services.places.place(B, b1.id).site_name == "金色家园（一期）"
    tree = services.sites.tree()
    assert [s.name for s in tree[0].sites] == ["金色家园（一期）", "大商汇"] or \
        {s.name for s in tree[0].sites} == {"金色家园（一期）", "大商汇"}


def test_officers_edit_only_their_own_district(services, world) -> None:  # noqa: ANN001
    sign_in_as(services, "officer", world["other"].id)
    with pytest.raises(PermissionDenied):
        services.places.add_buildings(world["compound"].id, "7-8栋")
    with pytest.raises(PermissionDenied):
        services.sites.update_district(world["district"].id, 1, DistrictForm("金家河片区"))
    d = services.sites.district(world["other"].id)
    services.sites.update_district(d.id, d.version, replace(d.form, officer_name="李警官"))
    with pytest.raises(PermissionDenied):  # renaming a district is for administrators
        services.sites.update_district(d.id, d.version + 1, replace(d.form, name="新片区"))
    with pytest.raises(PermissionDenied):
        services.places.update_building(world["b1"].id, 1, BuildingForm("1栋", 3, 50))


def test_a_head_whose_card_lapsed_is_a_gap(demo_services) -> None:  # noqa: ANN001
    """Coverage counts cards once they exist: revoking a head's card opens a gap; a head
    who never had a card is not a gap (the cards page lists who still needs one)."""
    from redband_desktop.services.shared.coverage import load_facts

    svc = demo_services
    before = svc.coverage.report()
    gaps = {(g.place.kind, g.place.place_id) for g in before.gaps}
    with svc.db.read() as s:
        covered = next(p for p in load_facts(s) if p.head_id and (p.kind, p.place_id) not in gaps)
    card = svc.cards.issue(covered.head_id)
    assert svc.coverage.report().station.covered == before.station.covered
    svc.cards.revoke(card.card_no, "遗失")
    after = svc.coverage.report()
    gap = next(g for g in after.gaps if (g.place.kind, g.place.place_id) == (covered.kind, covered.place_id))
    assert gap.reason is GapReason.CARD_EXPIRED
    assert after.station.covered == before.station.covered - 1
