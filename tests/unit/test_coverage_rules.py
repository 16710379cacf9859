"""Coverage rules: a building or zone is covered only by a current head who is active
(and, once cards exist, holds a valid card); percentages per district and site."""

from __future__ import annotations

from redband_desktop.domain.coverage import GapReason, PlaceFacts, PlaceKind, coverage, gap_reason
from redband_desktop.domain.enums import VolunteerStatus as S

B, Z = PlaceKind.BUILDING, PlaceKind.ZONE


def fact(pid: int, head: int | None = None, status: S | None = S.ACTIVE, kind: PlaceKind = B,
         site: int = 1, district: int = 1) -> PlaceFacts:
    return PlaceFacts(kind, pid, f"{pid}栋", site, f"site{site}", district, f"d{district}",
                      head, "某某" if head else "", status if head else None)


def test_gap_reasons() -> None:
    assert gap_reason(fact(1, head=7)) is None
    assert gap_reason(fact(1)) is GapReason.NO_HEAD
    assert gap_reason(fact(1, head=7, status=S.SUSPENDED)) is GapReason.HEAD_SUSPENDED
    assert gap_reason(fact(1, head=7, status=S.LEFT)) is GapReason.HEAD_LEFT


def test_card_check_is_an_extension_point() -> None:
    assert gap_reason(fact(1, head=7), card_valid=lambda vid: vid != 7) is GapReason.CARD_EXPIRED
    assert gap_reason(fact(1, head=8), card_valid=lambda vid: vid != 7) is None
    # status comes first: a suspended head is reported as suspended, whatever the card
    assert gap_reason(fact(1, head=7, status=S.LEFT), card_valid=lambda _v: False) is GapReason.HEAD_LEFT


def test_percent_per_district_and_site() -> None:
    places = [
        fact(1, head=1), fact(2, head=2, status=S.LEFT), fact(3), fact(4, head=4),  # site 1: 2 of 4
        fact(5, head=5, kind=Z, site=2, district=2), fact(6, kind=Z, site=2, district=2),
    ]
    report = coverage(places, districts=[(1, "d1"), (2, "d2"), (3, "d3")])
    d1, d2, d3 = report.districts
    assert (d1.buildings_total, d1.buildings_covered, d1.percent) == (4, 2, 50.0)
    assert (d2.zones_total, d2.zones_covered, d2.percent) == (2, 1, 50.0)
    assert (d3.total, d3.percent) == (0, None)  # nothing to cover is not 0 %
    assert [(s.id, s.covered, s.total) for s in report.sites] == [(1, 2, 4), (2, 1, 2)]
    assert (report.station.covered, report.station.total) == (3, 6)
    assert [(g.place.place_id, g.reason) for g in report.gaps] == [
        (2, GapReason.HEAD_LEFT), (3, GapReason.NO_HEAD), (6, GapReason.NO_HEAD)
    ]


def test_rounding_to_one_decimal() -> None:
    report = coverage([fact(1, head=1), fact(2, head=2), fact(3)])
    assert report.station.percent == 66.7
