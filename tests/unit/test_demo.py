"""The demo station looks like 金家河派出所 and holds together: every ID number is valid
and agrees with the stored birth date and gender, people live in buildings of their own
compound, statuses have their history, the same seed gives the same station, and a
database that already has a structure is never filled."""

from __future__ import annotations

import io
import re
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from redband_desktop.db.engine import Database, database_url
from redband_desktop.db.migrate import migrate
from redband_desktop.db.models import District, Site, Volunteer, VolunteerPhoto
from redband_desktop.demo.station import DEMO_SEED, FIRST_JOIN, VOLUNTEERS, DemoSummary, load_demo
from redband_desktop.domain.idnumber import parse_id_number
from redband_desktop.domain.names import name_pinyin
from redband_desktop.errors import ConflictError

TODAY = date(2025, 9, 10)
SMALL = 300
KIND_BACKGROUNDS = {
    "compound": {"retired_cadre", "party_member", "resident", "property_staff"},
    "market": {"merchant", "property_staff"},
    "organization": {"organ_staff", "enterprise_security"},
}


def _fresh_db(folder: Path) -> Database:
    url = database_url(folder / "demo.sqlite3")
    migrate(url, backups_dir=None)
    return Database(url)


def _volunteers(db: Database) -> list[Volunteer]:
    with db.read() as s:
        query = (
            select(Volunteer)
            .options(
                selectinload(Volunteer.site),
                selectinload(Volunteer.building),
                selectinload(Volunteer.zone),
                selectinload(Volunteer.status_history),
                selectinload(Volunteer.skills),
            )
            .order_by(Volunteer.id)
        )
        return list(s.scalars(query))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Database, DemoSummary]:
    db = _fresh_db(tmp_path_factory.mktemp("demo_small"))
    summary = load_demo(db, volunteers=SMALL, today=TODAY)
    yield db, summary
    db.dispose()


@pytest.fixture(scope="module")
def people(small: tuple[Database, DemoSummary]) -> list[Volunteer]:
    return _volunteers(small[0])


def test_structure_matches_the_station(small: tuple[Database, DemoSummary]) -> None:
    db, summary = small
    assert (summary.districts, summary.compounds, summary.markets, summary.organizations) == (
        6,
        43,
        2,
        17,
    )
    with db.read() as s:
        districts = list(s.scalars(select(District)))
        sites = list(
            s.scalars(select(Site).options(selectinload(Site.buildings), selectinload(Site.zones)))
        )
    assert "陈卿" in {d.officer_name for d in districts}
    for d in districts:
        assert re.fullmatch(r"[0-9]{6}", d.officer_police_no)
        assert re.fullmatch(r"1[3-9][0-9]{9}", d.officer_phone)
    kinds = Counter(site.kind for site in sites)
    assert kinds == {"compound": 43, "market": 2, "organization": 17}
    assert sorted(len(site.zones) for site in sites if site.kind == "market") == [2, 5]
    assert {d.id for d in districts} == {site.district_id for site in sites}


def test_compounds_have_numbered_buildings(small: tuple[Database, DemoSummary]) -> None:
    db, summary = small
    with db.read() as s:
        compounds = list(
            s.scalars(
                select(Site).where(Site.kind == "compound").options(selectinload(Site.buildings))
            )
        )
    for site in compounds:
        assert site.address.startswith("昆明市西山区") and site.address.endswith("号")
        labels = sorted(site.buildings, key=lambda b: b.id)
        assert 4 <= len(labels) <= 24
        assert [b.label for b in labels] == [f"{n}栋" for n in range(1, len(labels) + 1)]
        assert all(1 <= b.units <= 4 and 20 <= b.households <= 120 for b in labels)
    assert summary.buildings == sum(len(site.buildings) for site in compounds)


def test_id_numbers_are_valid_and_agree_with_the_record(people: list[Volunteer]) -> None:
    assert len(people) == SMALL
    for v in people:
        info = parse_id_number(v.id_number, today=TODAY)
        assert info.birth_date == v.birth_date, v.name
        assert info.gender.value == v.gender, v.name
        assert info.warnings == (), f"unknown region in {v.id_number}"
        assert 1945 <= v.birth_date.year <= 2002


def test_id_numbers_and_phones_are_unique(people: list[Volunteer]) -> None:
    ids = [v.id_number for v in people]
    phones = [v.phone for v in people]
    assert len(set(ids)) == len(ids)
    assert len(set(phones)) == len(phones)
    assert all(re.fullmatch(r"1[3-9][0-9]{9}", p) for p in phones)


def test_volunteers_are_placed_within_their_site(people: list[Volunteer]) -> None:
    for v in people:
        kind = v.site.kind
        assert v.background in KIND_BACKGROUNDS[kind], (v.name, kind, v.background)
        if kind == "compound":
            assert v.building is not None and v.building.site_id == v.site_id
            assert v.zone_id is None
            assert v.address.startswith(f"{v.site.name}{v.building.label}")
            assert re.search(r"[1-4]单元[0-9]+0[12]$", v.address), v.address
        elif kind == "market":
            assert v.zone is not None and v.zone.site_id == v.site_id
            assert v.building_id is None
        else:
            assert v.building_id is None and v.zone_id is None


def test_status_history_explains_the_status(people: list[Volunteer]) -> None:
    by_status = Counter(v.status for v in people)
    assert by_status["suspended"] > 0 and by_status["left"] > 0
    assert by_status["active"] > 0.8 * len(people)
    for v in people:
        first = v.status_history[0]
        assert (first.old_status, first.new_status, first.reason) == (None, "active", "加入队伍")
        assert first.changed_on == v.joined_on
        assert FIRST_JOIN <= v.joined_on <= v.status_since <= TODAY
        assert v.created_at.date() == v.joined_on
        if v.status == "active":
            assert len(v.status_history) == 1 and v.status_since == v.joined_on
        else:
            last = v.status_history[-1]
            assert len(v.status_history) == 2
            assert (last.old_status, last.new_status) == ("active", v.status)
            assert last.changed_on == v.status_since and last.reason


def test_names_have_pinyin_and_some_are_awkward(people: list[Volunteer]) -> None:
    for v in people:
        assert (v.name_pinyin, v.name_initials) == name_pinyin(v.name)
    names = {v.name for v in people}
    assert {"张洁", "欧阳明月"} <= names
    assert any("·" in n for n in names)


def test_zhang_jie_trades_at_dashanghui(people: list[Volunteer]) -> None:
    (zhang,) = [v for v in people if v.name == "张洁"]
    assert zhang.site.name == "大商汇" and zhang.zone.name == "卫浴洁具区"
    assert (zhang.gender, zhang.background, zhang.status) == ("F", "merchant", "active")
    assert zhang.id_number.startswith("51")  # from Sichuan, as in the report
    assert "反诈宣传" in {k.name for k in zhang.skills}


def test_party_backgrounds_are_mostly_party_members(people: list[Volunteer]) -> None:
    veterans = [v for v in people if v.background in ("retired_cadre", "party_member")]
    cpc = [v for v in veterans if v.political_status == "cpc_member"]
    assert veterans and len(cpc) >= 0.8 * len(veterans)
    assert all(len(v.skills) <= 3 for v in people)


def test_every_volunteer_has_a_portrait(small: tuple[Database, DemoSummary]) -> None:
    db, _ = small
    with db.read() as s:
        photos = list(s.scalars(select(VolunteerPhoto)))
    assert len(photos) == SMALL
    for photo in photos[:20]:
        assert Image.open(io.BytesIO(photo.image)).size == (300, 400)
        assert Image.open(io.BytesIO(photo.thumbnail)).size == (36, 48)
    assert len({p.image for p in photos}) > SMALL * 0.9  # colours differ per person


def test_a_second_load_is_refused(small: tuple[Database, DemoSummary]) -> None:
    db, _ = small
    with pytest.raises(ConflictError):
        load_demo(db, volunteers=5, today=TODAY)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Volunteer)) == SMALL


def test_a_tiny_roster_still_builds_the_whole_station(tmp_path: Path) -> None:
    db = _fresh_db(tmp_path)
    summary = load_demo(db, volunteers=2, today=FIRST_JOIN)
    assert (summary.compounds, summary.volunteers) == (43, 2)
    assert {v.joined_on for v in _volunteers(db)} == {FIRST_JOIN}
    db.dispose()


def test_a_date_before_the_team_existed_is_refused(tmp_path: Path) -> None:
    db = _fresh_db(tmp_path)
    with pytest.raises(ValueError):
        load_demo(db, volunteers=2, today=date(2021, 5, 31))
    db.dispose()


def _fingerprint(db: Database) -> list[tuple]:
    return [
        (v.name, v.id_number, v.phone, v.address, v.status, v.joined_on, v.site.name)
        for v in _volunteers(db)
    ]


def test_the_same_seed_gives_the_same_station(tmp_path: Path) -> None:
    dbs = [_fresh_db(tmp_path / name) for name in ("a", "b", "c")]
    load_demo(dbs[0], seed=DEMO_SEED, volunteers=80, today=TODAY)
    load_demo(dbs[1], seed=DEMO_SEED, volunteers=80, today=TODAY)
    load_demo(dbs[2], seed=DEMO_SEED + 1, volunteers=80, today=TODAY)
    first, second, other = (_fingerprint(db) for db in dbs)
    assert first == second
    assert first != other
    with dbs[0].read() as a, dbs[1].read() as b:
        query = select(VolunteerPhoto.image).order_by(VolunteerPhoto.volunteer_id).limit(5)
        assert list(a.scalars(query)) == list(b.scalars(query))
    for db in dbs:
        db.dispose()


def test_full_roster_of_1100_odd_active(tmp_path: Path) -> None:
    db = _fresh_db(tmp_path)
    started = time.perf_counter()
    summary = load_demo(db, today=TODAY)
    elapsed = time.perf_counter() - started
    print(f"load_demo with {VOLUNTEERS:,} volunteers: {elapsed:.2f} s")  # a figure, not a limit
    people = _volunteers(db)
    db.dispose()
    assert summary.volunteers == len(people) == VOLUNTEERS
    assert summary.active + summary.suspended + summary.left == VOLUNTEERS
    assert 1100 <= summary.active <= 1199  # the article's 1100余名
    assert 0.02 <= summary.suspended / VOLUNTEERS <= 0.07
    assert 0.03 <= summary.left / VOLUNTEERS <= 0.10
    assert len({v.id_number for v in people}) == len({v.phone for v in people}) == VOLUNTEERS
    assert 0.6 <= sum(v.in_wechat_group for v in people) / VOLUNTEERS <= 0.8
    assert sum(1 for v in people if v.emergency_name and v.emergency_phone) > 900
    cadres = [v.birth_date.year for v in people if v.background == "retired_cadre"]
    assert cadres and min(cadres) >= 1945 and max(cadres) <= 1965
    # Most volunteers are registered in Xishan, as long-time residents of the station.
    assert Counter(v.id_number[:6] for v in people).most_common(1)[0][0] == "530112"
    assert len({v.name for v in people}) > 1000  # repeated names stay rare


def test_most_buildings_and_zones_have_a_head_and_some_gaps_show(tmp_path: Path) -> None:
    from redband_desktop.db.models import PlaceHead
    from redband_desktop.services.coverage.service import station_report

    db = _fresh_db(tmp_path)
    load_demo(db, today=TODAY)
    with db.read() as s:
        report = station_report(s)
        heads = list(s.scalars(select(PlaceHead).options(selectinload(PlaceHead.volunteer))))
    db.dispose()
    station = report.station
    assert 0.7 <= station.covered / station.total <= 0.95
    reasons = Counter(g.reason.value for g in report.gaps)
    assert reasons["no_head"] > 0 and reasons["head_suspended"] > 0 and reasons["head_left"] > 0
    assert any(h.end_date is not None for h in heads)  # some places changed hands
    for h in heads:
        assert h.start_date >= h.volunteer.joined_on and h.role
        assert h.end_date is None or h.end_date >= h.start_date
