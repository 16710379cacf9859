"""Issue #13, item 13: what a viewer sees masked they cannot rebuild by searching or
sorting. Each test plays the attacker — a name and a growing number, one digit at a
time — and shows that only what is shown anyway (an ID number's first six and last four,
a phone's first three and last four) or a number typed in full ever matches; confidential
callers are neither shown to nor found by a viewer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest

from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.services.incidents.types import IncidentFilter, IncidentForm
from redband_desktop.services.roster.types import RosterFilter, VolunteerForm
from tests.ui.staff import sign_in_as

ID_NUMBER = make_id_number("510104", date(1988, 3, 8), 24)  # 张洁's, in the `place` fixture
PHONE = "13808712345"
DIGITS = "0123456789X"


def rebuild(found: Callable[[str], bool], length: int, grow: Callable[[str, str], str],
            start: str = "") -> tuple[str, int]:
    """From what is shown (`start`), guess the rest one character at a time, keeping a
    guess whenever the search still finds the person. Returns what was rebuilt and how
    many searches it took."""
    known, searches = start, 0
    while len(known) < length:
        for ch in DIGITS:
            searches += 1
            if found(grow(known, ch)):
                known = grow(known, ch)
                break
        else:
            break
    return known, searches


def _prefix(known: str, ch: str) -> str:
    return known + ch


def _suffix(known: str, ch: str) -> str:
    return ch + known


def _roster_finds(services, volunteer_id: int, name: str = "张洁") -> Callable[[str], bool]:  # noqa: ANN001
    def found(number: str) -> bool:
        return volunteer_id in (services.roster.search(RosterFilter(text=f"{name} {number}")).ids or ())
    return found


def test_the_administrator_still_finds_by_any_part(services, place) -> None:  # noqa: ANN001
    found = _roster_finds(services, place["volunteer"])
    assert found(ID_NUMBER[6:14]) and found(PHONE[3:8]) and found(ID_NUMBER[:10])


def test_a_viewer_cannot_rebuild_an_id_number_by_prefixes(services, place) -> None:  # noqa: ANN001
    sign_in_as(services, "viewer")
    found = _roster_finds(services, place["volunteer"])
    head, searches = rebuild(found, 18, _prefix, ID_NUMBER[:6])
    tail, _ = rebuild(found, 18, _suffix, ID_NUMBER[-4:])
    assert head == ID_NUMBER[:6] and tail == ID_NUMBER[-4:], (head, tail, searches)
    assert found(ID_NUMBER)  # typed in full, it is found
    assert not found(ID_NUMBER[:7]) and not found(ID_NUMBER[6:10]) and not found(ID_NUMBER[-5:])


def test_a_viewer_cannot_rebuild_a_phone_by_prefixes(services, place) -> None:  # noqa: ANN001
    sign_in_as(services, "viewer")
    found = _roster_finds(services, place["volunteer"])
    head, _ = rebuild(found, 11, _prefix, PHONE[:3])
    tail, _ = rebuild(found, 11, _suffix, PHONE[-4:])
    assert head == PHONE[:3] and tail == PHONE[-4:], (head, tail)
    assert found(PHONE) and not found(PHONE[3:7]) and not found(PHONE[:4])


def test_sorting_by_phone_tells_a_viewer_nothing_hidden(services, place) -> None:  # noqa: ANN001
    ids = []
    for n, phone in enumerate(("13899990000", "13811110000")):  # the same shown digits: 138****0000
        ids.append(services.roster.create(VolunteerForm(
            name=f"王{'一二'[n]}", id_number=make_id_number("530112", date(1970, 1, 1), 40 + n), phone=phone,
            background="resident", political_status="masses", site_id=place["compound"].id,
            joined_on=date(2022, 1, 1))).volunteer.id)
    by_phone = RosterFilter(text="王", sort="phone")
    assert list(services.roster.search(by_phone).ids) == ids[::-1]  # the administrator's order: whole numbers
    sign_in_as(services, "viewer")
    for descending in (False, True):
        f = RosterFilter(text="王", sort="phone", descending=descending)
        order = list(services.roster.search(f).ids)
        assert order == sorted(ids, reverse=descending)  # a tie on what is shown: by id only
        assert [r.id for r in services.roster.page(RosterFilter(sort="phone", descending=descending), 0, 10)
                if r.id in ids] == order


def _incident(services, place, confidential: bool, phone: str, name: str):  # noqa: ANN001, ANN202
    when = datetime.now().replace(microsecond=0) - timedelta(days=1)
    return services.incidents.create(IncidentForm(
        received_at=when, occurred_at=when - timedelta(hours=1), category="public_order", subcategory="",
        district_id=place["district"].id, site_id=place["compound"].id, channel="110", caller_name=name,
        caller_phone=phone, caller_confidential=confidential, summary="深夜噪音扰民"))


def _incident_finds(services, incident_id: int) -> Callable[[str], bool]:  # noqa: ANN001
    def found(text: str) -> bool:
        return incident_id in services.incidents.search(IncidentFilter(text=text), limit=0).ids
    return found


def test_a_viewer_cannot_find_or_see_a_confidential_caller(services, place) -> None:  # noqa: ANN001
    secret = _incident(services, place, True, "13987654321", "赵敏")
    found = _incident_finds(services, secret.id)
    assert found("赵敏") and found("13987654321") and found("1398")  # the administrator may
    sign_in_as(services, "viewer")
    rebuilt, searches = rebuild(found, 11, _prefix, "139")
    assert rebuilt == "139", (rebuilt, searches)
    assert not found("赵敏") and not found("13987654321") and not found("4321")
    shown = services.incidents.get(secret.id)
    assert (shown.form.caller_name, shown.form.caller_phone, shown.form.caller_confidential) == ("", "", True)
    row = services.incidents.search(IncidentFilter(), limit=10).first_page[0]
    assert row.caller == "" and row.caller_confidential


def test_a_viewer_finds_an_ordinary_callers_phone_only_by_what_is_shown(services, place) -> None:  # noqa: ANN001
    plain = _incident(services, place, False, "13612345678", "钱明")
    sign_in_as(services, "viewer")
    found = _incident_finds(services, plain.id)
    head, _ = rebuild(found, 11, _prefix, "136")
    assert head == "136" and found("5678") and found("13612345678") and not found("12345")
    assert found("钱明")
    assert services.incidents.get(plain.id).form.caller_phone == "136****5678"


def test_nobody_sorts_by_a_confidential_callers_name(services, place) -> None:  # noqa: ANN001
    first = _incident(services, place, True, "", "艾")  # would sort first by name
    second = _incident(services, place, False, "", "白")
    order = list(services.incidents.search(IncidentFilter(sort="caller", descending=False), limit=0).ids)
    assert order.index(first.id) < order.index(second.id)  # "" first: the hidden name plays no part
    third = _incident(services, place, True, "", "左")
    order = list(services.incidents.search(IncidentFilter(sort="caller", descending=False), limit=0).ids)
    assert order.index(third.id) < order.index(second.id)


@pytest.mark.parametrize("role", ["clerk"])
def test_roles_that_see_everything_search_as_before(services, place, role) -> None:  # noqa: ANN001
    sign_in_as(services, role)
    found = _roster_finds(services, place["volunteer"])
    assert rebuild(found, 18, _prefix, ID_NUMBER[:6])[0] == ID_NUMBER
