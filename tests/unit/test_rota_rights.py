"""Rights on the rota: viewers and leaders read it, clerks plan the whole station,
officers plan their own district only (a template cannot be moved out of it, a holiday for
the whole station is not theirs to set, a rota-wide generation or copy covers their
district), checked against the account as it is now."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from redband_desktop.db.engine import Database
from redband_desktop.errors import PermissionDenied
from redband_desktop.services import build_services
from redband_desktop.services.accounts.types import UserForm
from tests.ui.staff import sign_in_as
from tests.unit.rota_helpers import NEXT_MONDAY, shifts_on, template

SUNDAY = NEXT_MONDAY + timedelta(days=6)


@pytest.fixture
def planned(services, place) -> dict:  # noqa: ANN001
    """A template at each district's compound, generated for next week by the administrator."""
    mine = services.rota.create_template(template(place["compound"].id, weekdays=tuple(range(7))))
    theirs = services.rota.create_template(template(place["far"].id, weekdays=tuple(range(7))))
    return {"mine": mine, "theirs": theirs}


def test_viewer_and_leader_read_but_do_not_plan(services, place, planned) -> None:  # noqa: ANN001
    services.rota.generate(NEXT_MONDAY, SUNDAY)
    shift = shifts_on(services, NEXT_MONDAY, place["compound"].id)[0]
    for role in ("viewer", "leader"):
        sign_in_as(services, role)
        assert len(services.rota.week(NEXT_MONDAY).rows) == 2
        for attempt in (lambda: services.rota.assign(shift.id, place["volunteer"]),
                        lambda: services.rota.generate(NEXT_MONDAY, SUNDAY),
                        lambda: services.rota.create_template(template(place["compound"].id)),
                        lambda: services.rota.skip_day(NEXT_MONDAY),
                        lambda: services.rota.copy_day(NEXT_MONDAY, SUNDAY)):
            with pytest.raises(PermissionDenied) as caught:
                attempt()
            assert caught.value.code == "permission_denied"
    assert services.rota.shift(shift.id).people == ()


def test_officer_plans_only_their_own_district(services, place, planned) -> None:  # noqa: ANN001
    sign_in_as(services, "officer", place["district"].id)
    assert services.rota.generate(NEXT_MONDAY, SUNDAY).created == 7  # their district's template only
    with pytest.raises(PermissionDenied) as caught:
        services.rota.generate(NEXT_MONDAY, SUNDAY, district_id=place["other"].id)
    assert caught.value.code == "outside_district"
    with pytest.raises(PermissionDenied):
        services.rota.create_template(template(place["far"].id))
    mine = planned["mine"]
    with pytest.raises(PermissionDenied):  # moving their template into another district
        services.rota.update_template(mine.id, mine.version, template(place["far"].id))
    with pytest.raises(PermissionDenied):  # changing the other district's template
        services.rota.update_template(planned["theirs"].id, planned["theirs"].version, template(place["compound"].id))
    with pytest.raises(PermissionDenied):
        services.rota.retire_template(planned["theirs"].id, planned["theirs"].version)
    with pytest.raises(PermissionDenied):
        services.rota.skip_day(NEXT_MONDAY, reason="春节")  # the whole station
    with pytest.raises(PermissionDenied):
        services.rota.skip_day(NEXT_MONDAY, site_id=place["far"].id)
    services.rota.skip_day(SUNDAY, site_id=place["compound"].id, reason="小区活动")
    own = shifts_on(services, NEXT_MONDAY, place["compound"].id)[0]
    assert [p.name for p in services.rota.assign(own.id, place["volunteer"]).shift.people] == ["张洁"]
    services.rota.update_template(mine.id, mine.version, template(place["compound"].id, start_time=time(18),
                                                                  end_time=time(20), weekdays=tuple(range(7))))
    sign_in_as(services, "clerk")
    services.rota.generate(NEXT_MONDAY, SUNDAY)  # the clerk plans the whole station
    far = shifts_on(services, NEXT_MONDAY, place["far"].id)[0]
    sign_in_as(services, "officer", place["district"].id)
    with pytest.raises(PermissionDenied) as caught:
        services.rota.assign(far.id, place["volunteer"])
    assert caught.value.code == "outside_district"
    copied = services.rota.copy_day(NEXT_MONDAY, NEXT_MONDAY + timedelta(days=7))  # their district only
    assert copied.shifts_created == 1 and copied.assigned == 1


def test_a_demoted_officer_loses_the_right_at_once(services, place, planned, db_url, sign_in) -> None:  # noqa: ANN001
    sign_in_as(services, "officer", place["district"].id)
    services.rota.generate(NEXT_MONDAY, SUNDAY)
    shift = shifts_on(services, NEXT_MONDAY, place["compound"].id)[0]
    officer = services.access.user
    admin = sign_in(build_services(Database(db_url)))  # the administrator, on another PC
    row = next(u for u in admin.accounts.users() if u.id == officer.id)
    admin.accounts.update_user(row.id, row.version, UserForm(row.username, row.display_name, "", "viewer", None))
    admin.db.dispose()
    with pytest.raises(PermissionDenied):
        services.rota.assign(shift.id, place["volunteer"])
    assert services.rota.shift(shift.id).people == ()
