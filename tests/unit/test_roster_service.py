"""The roster service: adding, editing, status changes and searching volunteers, with
every rule a clerk would notice (clear field errors, nothing half-saved)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from redband_desktop.db.models import Building, MarketZone, Volunteer
from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.errors import ConflictError, ValidationError
from redband_desktop.services.roster.types import RosterFilter, VolunteerForm

ZHANG_JIE_ID = make_id_number("510104", date(1988, 3, 8), 24)  # even sequence: female


@pytest.fixture
def place(services):  # noqa: ANN001, ANN201
    d = services.structure.create_district("金家河片区", officer_name="陈卿")
    compound = services.structure.create_site(d.id, "compound", "金色家园")
    market = services.structure.create_site(d.id, "market", "大商汇")
    with services.db.write() as s:
        s.add_all([Building(site_id=compound.id, label=f"{n}栋") for n in (1, 2, 10)])
        s.add(MarketZone(site_id=market.id, name="卫浴建材区"))
    buildings = services.structure.buildings(compound.id)
    zone = services.structure.zones(market.id)[0]
    return {"district": d, "compound": compound, "market": market, "building": buildings[0], "zone": zone}


def form(place, **changes) -> VolunteerForm:  # noqa: ANN001
    base = VolunteerForm(
        name="张洁", id_number=ZHANG_JIE_ID, phone="138 0871 2345", background="merchant",
        political_status="masses", site_id=place["market"].id, zone_id=place["zone"].id,
        joined_on=date(2021, 7, 1),
    )
    return replace(base, **changes)


def count(services) -> int:  # noqa: ANN001
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(Volunteer))


def problems(exc: ValidationError) -> dict[str, str]:
    return {p.field: p.code for p in exc.problems}


def test_create_normalises_and_derives(services, place) -> None:  # noqa: ANN001
    saved = services.roster.create(form(place, id_number=ZHANG_JIE_ID.lower().replace("x", "x")))
    v = saved.volunteer
    assert v.name == "张洁" and v.phone == "13808712345"
    assert v.birth_date == date(1988, 3, 8) and v.gender.value == "F"
    assert v.status.value == "active" and v.status_since == date(2021, 7, 1)
    assert [h.new_status.value for h in v.history] == ["active"]
    assert v.site == "大商汇" and v.place == "卫浴建材区" and v.district == "金家河片区"


def test_full_width_digits_are_accepted(services, place) -> None:  # noqa: ANN001
    wide = ZHANG_JIE_ID.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    v = services.roster.create(form(place, id_number=wide)).volunteer
    assert v.id_number == ZHANG_JIE_ID[:6] + "*" * 8 + ZHANG_JIE_ID[-4:]  # shown masked
    assert services.roster.reveal(v.id, "id_number", "核实身份") == ZHANG_JIE_ID


def test_every_bad_field_is_reported_and_nothing_saved(services, place) -> None:  # noqa: ANN001
    bad_id = ZHANG_JIE_ID[:-1] + ("0" if ZHANG_JIE_ID[-1] != "0" else "1")
    with pytest.raises(ValidationError) as caught:
        services.roster.create(form(place, name="", id_number=bad_id, phone="12345", site_id=None,
                                    zone_id=None, joined_on=date(2999, 1, 1)))
    assert problems(caught.value) == {
        "name": "required", "id_number": "id_checksum", "phone": "phone_invalid",
        "site_id": "required", "joined_on": "date_in_future",
    }
    messages = caught.value.field_messages("zh_CN")
    assert "校验码" in messages["id_number"]
    assert count(services) == 0


def test_typed_birth_date_and_gender_are_cross_checked(services, place) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as caught:
        services.roster.create(form(place, gender="M", birth_date=date(1988, 3, 9)))
    assert problems(caught.value) == {"gender": "gender_mismatch", "birth_date": "birth_mismatch"}
    assert "1988-03-08" in caught.value.field_messages()["birth_date"]


def test_old_cadre_from_before_region_code_existed_is_accepted(services, place) -> None:  # noqa: ANN001
    number = make_id_number("530112", date(1946, 2, 1), 31)  # 西山区 code dates from 1983
    v = services.roster.create(form(place, name="李建国", id_number=number, phone="13908710001",
                                     background="retired_cadre", site_id=place["compound"].id,
                                     zone_id=None, building_id=place["building"].id)).volunteer
    assert v.birth_date.year == 1946 and v.place == "1栋"


def test_unknown_region_code_is_a_warning_not_an_error(services, place) -> None:  # noqa: ANN001
    number = make_id_number("539999", date(1970, 1, 1), 12)
    saved = services.roster.create(form(place, id_number=number))
    assert [w.code for w in saved.warnings] == ["id_region_unknown"]


def test_duplicate_id_number_names_the_existing_volunteer(services, place) -> None:  # noqa: ANN001
    first = services.roster.create(form(place)).volunteer
    with pytest.raises(ValidationError) as caught:
        services.roster.create(form(place, name="张杰", phone="13900000000"))
    message = caught.value.field_messages("zh_CN")["id_number"]
    assert "张洁" in message and str(first.id) in message
    assert count(services) == 1


def test_building_must_belong_to_the_site(services, place) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as caught:
        services.roster.create(form(place, site_id=place["market"].id, zone_id=None,
                                    building_id=place["building"].id))
    assert problems(caught.value) == {"building_id": "building_needs_compound"}


def test_edit_bumps_version_and_stale_edit_is_refused(services, place) -> None:  # noqa: ANN001
    v = services.roster.create(form(place)).volunteer
    edited = services.roster.update(v.id, v.version, form(place, address="大商汇 A 区 12 号")).volunteer
    assert edited.version == v.version + 1 and edited.address == "大商汇 A 区 12 号"
    with pytest.raises(ConflictError) as caught:
        services.roster.update(v.id, v.version, form(place, address="另一个地址"))
    assert caught.value.code == "stale_edit"
    assert services.roster.get(v.id).address == "大商汇 A 区 12 号"


def test_status_changes_need_a_reason_and_are_kept(services, place) -> None:  # noqa: ANN001
    v = services.roster.create(form(place)).volunteer
    with pytest.raises(ValidationError) as caught:
        services.roster.change_status(v.id, v.version, "left", date(2024, 1, 1), "  ")
    assert problems(caught.value) == {"reason": "reason_required"}
    left = services.roster.change_status(v.id, v.version, "left", date(2024, 1, 1), "搬离辖区")
    assert left.status.value == "left" and left.status_since == date(2024, 1, 1)
    back = services.roster.change_status(left.id, left.version, "active", date(2024, 6, 1), "恢复参加活动")
    assert [(h.old_status and h.old_status.value, h.new_status.value) for h in back.history] == [
        (None, "active"), ("active", "left"), ("left", "active")]


def test_photo_is_cropped_to_portrait_with_thumbnail(services, place) -> None:  # noqa: ANN001
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (800, 600), "red").save(buf, "PNG")
    v = services.roster.create(form(place, photo=buf.getvalue())).volunteer
    assert v.has_photo
    image = Image.open(io.BytesIO(services.roster.photo(v.id)))
    assert image.size == (300, 400)
    assert list(services.roster.thumbnails([v.id])) == [v.id]
    with pytest.raises(ValidationError) as caught:
        services.roster.update(v.id, v.version, form(place, photo=b"not an image"))
    assert problems(caught.value) == {"photo": "photo_unreadable"}


def test_search_by_pinyin_initials_phone_and_id(demo_services) -> None:  # noqa: ANN001
    roster = demo_services.roster
    for text in ("zj", "zhangjie", "张洁"):
        names = {r.name for r in roster.page(RosterFilter(text=text), 0, 500)}
        assert "张洁" in names, text
    zhang = next(r for r in roster.page(RosterFilter(text="张洁"), 0, 50) if r.name == "张洁")
    detail = roster.get(zhang.id)
    assert zhang.id in {r.id for r in roster.page(RosterFilter(text=detail.phone[-6:]), 0, 50)}
    full_id = roster.reveal(zhang.id, "id_number", "核实身份")
    assert zhang.id in {r.id for r in roster.page(RosterFilter(text=full_id[-8:]), 0, 50)}
    assert "*" in zhang.phone_masked


def test_filters_counts_and_sorting(demo_services) -> None:  # noqa: ANN001
    roster = demo_services.roster
    everyone = roster.search(RosterFilter(), limit=0).totals
    assert everyone.total == 1220 and sum(everyone.by_status.values()) == 1220
    left = roster.search(RosterFilter(status="left"), limit=0).totals
    assert left.total == everyone.by_status["left"] > 0
    markets = roster.page(RosterFilter(site_kind="market", sort="age"), 0, 1000)
    assert markets and all(r.site_kind.value == "market" for r in markets)
    ages = [r.age for r in markets]
    assert ages == sorted(ages)
    names = [r.name for r in roster.page(RosterFilter(sort="name", descending=True), 0, 50)]
    assert len(names) == 50
    assert roster.search(RosterFilter(text="zj 不存在的名字"), limit=0).total == 0


def test_conflict_names_who_changed_what(services, place) -> None:  # noqa: ANN001
    """Two PCs open the same volunteer; the second save is refused with who/when/what."""
    v = services.roster.create(form(place)).volunteer
    services.roster.update(v.id, v.version, form(place, address="大商汇 A 区 12 号", phone="13900001111"))
    with pytest.raises(ConflictError) as caught:
        services.roster.update(v.id, v.version, form(place, notes="我的修改"))
    text = caught.value.message("zh_CN")
    assert "admin" in text and "住址" in text and "手机号" in text and "未保存" in text
    assert "Address" in caught.value.message("en")
    assert services.roster.get(v.id).notes == ""


@pytest.mark.parametrize("sort", ["name", "age", "district", "joined_on"])
def test_many_matches_are_sorted_by_the_database_the_same_way(demo_services, monkeypatch, sort) -> None:  # noqa: ANN001
    """Above the id-list cap (e.g. the first digits of an ID number match everyone) the
    database sorts the page; both paths must give the same counts and the same order."""
    from redband_desktop.services.roster import service as roster_module

    roster = demo_services.roster
    f = RosterFilter(text="53", sort=sort, descending=sort == "joined_on")
    small = roster.search(f, 100)
    assert small.ids is not None and small.total > 40
    monkeypatch.setattr(roster_module, "ID_LIST_CAP", 40)
    large = roster.search(f, 100)
    assert large.ids is None
    assert large.totals == small.totals
    assert [r.id for r in large.first_page] == list(small.ids[:100])
    assert [r.id for r in roster.page(f, 100, 50)] == list(small.ids[100:150])
