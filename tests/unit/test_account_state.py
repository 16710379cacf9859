"""Issue #13, item 12: rights follow the account as it is now. An officer deactivated or
demoted by the administrator on another PC loses the rights at their next action, not at
their next sign-in; a deactivated account gets its own message and the window is told."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date

import pytest
from pgtest import ON_POSTGRES

from redband_desktop.db.engine import Database
from redband_desktop.domain.access import Action
from redband_desktop.errors import PermissionDenied
from redband_desktop.services import build_services
from redband_desktop.services.accounts.types import UserForm
from redband_desktop.services.roster.types import RosterFilter, VolunteerForm
from tests.ui.staff import ADMIN, STAFF_PASSWORD, add_staff


@pytest.fixture
def two_pcs(services, place, db_url):  # noqa: ANN001, ANN201
    """The officer signed in on one PC (`services`), the administrator on another."""
    add_staff(services, "chen", "officer", place["district"].id)
    other = build_services(Database(db_url))
    other.accounts.sign_in(*ADMIN)
    services.accounts.sign_in("chen", STAFF_PASSWORD)
    yield services, other
    other.db.dispose()


def _change(admin, username: str, **changes) -> None:  # noqa: ANN001
    row = next(u for u in admin.accounts.users() if u.username == username)
    form = UserForm(row.username, row.display_name, row.police_no, row.role.value, row.district_id, row.active)
    admin.accounts.update_user(row.id, row.version, replace(form, **changes))


def _edit_volunteer(services, place):  # noqa: ANN001, ANN202
    v = services.roster.get(place["volunteer"])
    return services.roster.update(v.id, v.version, VolunteerForm(
        name=v.name, id_number=None, phone="13808712345", background="resident", political_status="masses",
        site_id=place["compound"].id, joined_on=v.joined_on, notes="夜间巡逻"))


def test_a_deactivated_account_is_refused_at_its_next_action(two_pcs, place) -> None:  # noqa: ANN001
    officer, admin = two_pcs
    _edit_volunteer(officer, place)
    told = []
    officer.access.on_deactivated(lambda: told.append(True))
    _change(admin, "chen", active=False)
    for action in (lambda: _edit_volunteer(officer, place),
                   lambda: officer.roster.page(RosterFilter(), 0, 10),
                   lambda: officer.accounts.change_password(STAFF_PASSWORD, "Another#2026x", "Another#2026x")):
        with pytest.raises(PermissionDenied) as caught:
            action()
        assert caught.value.code == "account_deactivated"
        assert caught.value.message("zh_CN").startswith("账号已停用")
    assert told and not officer.access.can(Action.READ)


def test_a_demoted_account_has_the_new_roles_rights_at_once(two_pcs, place) -> None:  # noqa: ANN001
    officer, admin = two_pcs
    assert not officer.roster.get(place["volunteer"]).masked
    _change(admin, "chen", role="viewer", district_id=None)
    with pytest.raises(PermissionDenied) as caught:
        _edit_volunteer(officer, place)
    assert caught.value.code == "permission_denied"
    assert officer.roster.get(place["volunteer"]).masked  # a viewer's masking, at once
    assert officer.access.user.role.value == "viewer"


def test_an_officer_moved_to_another_district_loses_the_old_one(two_pcs, place) -> None:  # noqa: ANN001
    officer, admin = two_pcs
    _change(admin, "chen", district_id=place["other"].id)
    with pytest.raises(PermissionDenied) as caught:
        _edit_volunteer(officer, place)
    assert caught.value.code == "outside_district"


def test_enabled_again_the_account_works_again(two_pcs, place) -> None:  # noqa: ANN001
    officer, admin = two_pcs
    _change(admin, "chen", active=False)
    with pytest.raises(PermissionDenied):
        officer.roster.page(RosterFilter(), 0, 1)
    _change(admin, "chen", active=True)
    assert officer.roster.page(RosterFilter(), 0, 1)


def test_checking_the_account_costs_little_per_action(services) -> None:  # noqa: ANN001
    """The re-read is one indexed read: a figure for the report, and far below the
    roster keystroke's budget (~20 ms)."""
    access = services.access
    reader = access._reader  # noqa: SLF001 - measured with and without
    rounds = 2000
    start = time.perf_counter()
    for _ in range(rounds):
        access.require(Action.EDIT, 1)
    with_read = (time.perf_counter() - start) / rounds
    access.set_reader(None)  # type: ignore[arg-type]
    start = time.perf_counter()
    for _ in range(rounds):
        access.require(Action.EDIT, 1)
    without = (time.perf_counter() - start) / rounds
    access.set_reader(reader)
    print(f"\nrequire(): {with_read * 1e6:.0f} µs with the account re-read, {without * 1e6:.1f} µs without")
    if not ON_POSTGRES:  # a server adds its round trips (and the pool's pre-ping): a figure only
        assert with_read < 0.005


def test_the_command_lines_anonymous_reader_has_no_account_to_read(services) -> None:  # noqa: ANN001
    from redband_desktop.services.shared.access import anonymous_reader

    services.access.user = anonymous_reader()
    assert services.access.require(Action.READ).username == "cli"
    assert date.today()  # nothing else to see: no account row was asked for
