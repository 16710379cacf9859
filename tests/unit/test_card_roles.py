"""The role printed on a card names the place its holder heads: "5栋楼栋长", "3区片区负责人",
both for someone with two posts; a card printed again follows the post as it is now."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import update

from redband_desktop.db.models import Card
from redband_desktop.domain.coverage import PlaceKind
from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.cards.query import post_title
from redband_desktop.services.cards.types import CardFilter, CardSelection
from redband_desktop.services.roster.types import VolunteerForm


@pytest.mark.parametrize(("buildings", "zones", "printed"), [
    (["5栋"], [], "5栋楼栋长"),
    (["5"], [], "5栋楼栋长"),
    (["5号楼"], [], "5号楼楼栋长"),
    (["5栋", "6栋"], [], "5栋、6栋楼栋长"),
    ([], ["3区"], "3区片区负责人"),
    ([], ["3"], "3区片区负责人"),
    ([], ["东片区"], "东片区负责人"),
    ([], ["蔬菜水果区"], "蔬菜水果区片区负责人"),
    (["2栋"], ["3区"], "2栋楼栋长、3区片区负责人"),
    ([f"{n}栋" for n in range(1, 20)], [], "1栋等楼栋长"),
])
def test_post_titles(buildings: list[str], zones: list[str], printed: str) -> None:
    assert post_title(buildings, zones) == printed
    assert len(printed) <= 40


def _volunteer(services, site_id: int, name: str, seq: int) -> int:  # noqa: ANN001
    form = VolunteerForm(name=name, id_number=make_id_number("530112", date(1960, 1, 2), seq),
                         phone=f"1390871{seq:04d}", background="resident", site_id=site_id,
                         joined_on=date(2022, 1, 1))
    return services.roster.create(form).volunteer.id


@pytest.fixture
def heads(services):  # noqa: ANN001, ANN201
    services.station.initialise("金家河派出所")
    d = services.structure.create_district("金家河片区")
    compound = services.structure.create_site(d.id, "compound", "金色家园")
    market = services.structure.create_site(d.id, "market", "大商汇")
    services.places.add_buildings(compound.id, "1-5栋")
    fifth = services.structure.buildings(compound.id)[4]
    zone = services.places.add_zone(market.id, "3区")
    ids = {"building": _volunteer(services, compound.id, "王建国", 11),
           "zone": _volunteer(services, market.id, "李秀英", 13),
           "plain": _volunteer(services, compound.id, "张洁", 15)}
    services.places.assign(PlaceKind.BUILDING, fifth.id, ids["building"], "", date(2023, 1, 1))
    services.places.assign(PlaceKind.ZONE, zone.id, ids["zone"], "", date(2023, 1, 1))
    return ids


def test_cards_name_the_building_and_the_zone(services, heads, tmp_path: Path) -> None:  # noqa: ANN001
    result = services.cards.print_batch(CardSelection("ids", ids=tuple(heads.values())), "cr80")
    roles = {r.name: r.role for r in services.cards.register()}
    assert roles == {"王建国": "5栋楼栋长", "李秀英": "3区片区负责人", "张洁": "治安志愿者"}
    if shutil.which("pdftotext"):
        (tmp_path / "cards.pdf").write_bytes(result.pdf)
        text = subprocess.run(["pdftotext", str(tmp_path / "cards.pdf"), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "5栋楼栋长" in text and "3区片区负责人" in text


def test_a_reprint_carries_the_post_as_it_is_now(services, heads) -> None:  # noqa: ANN001
    head = heads["building"]
    services.cards.issue(head)
    with services.db.write() as s:  # a card issued before places were named on cards
        s.execute(update(Card).where(Card.volunteer_id == head).values(role="楼栋长"))
    services.cards.print_batch(CardSelection("ids", ids=(head,)), "a4")
    row = services.cards.register(CardFilter(text="王建国"))[0]
    assert row.role == "5栋楼栋长" and row.printed_count == 1
    entry = services.audit.page(AuditFilter(action="update", entity="card"), 0, 10)[0]
    assert entry.changes["role"] == ["楼栋长", "5栋楼栋长"]
