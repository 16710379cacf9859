"""Every service action as every role: allowed or PermissionDenied, enforced in the
services themselves (the UI only disables what the services would refuse).

The expected table is written out here from the issue's rules, not derived from the
code's own matrix, so a wrong entry in domain/access.py fails this test.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.errors import PermissionDenied
from redband_desktop.services.accounts.types import UserForm
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.roster.types import RosterFilter, VolunteerForm

PW = "Roles#2026pw"
ROLES = ("admin", "leader", "officer", "clerk", "viewer")

# action → roles allowed (officer: on records of their own district)
EXPECTED = {
    "read roster": {"admin", "leader", "officer", "clerk", "viewer"},
    "statistics": {"admin", "leader", "officer", "clerk", "viewer"},
    "add volunteer (own district)": {"admin", "officer", "clerk"},
    "add volunteer (other district)": {"admin", "clerk"},
    "edit volunteer (own district)": {"admin", "officer", "clerk"},
    "edit volunteer (other district)": {"admin", "clerk"},
    "change status (own district)": {"admin", "officer", "clerk"},
    "reveal ID number": {"admin", "leader", "officer", "clerk"},
    "add site (own district)": {"admin", "officer", "clerk"},
    "add district": {"admin"},
    "rename station": {"admin"},
    "security settings": {"admin"},
    "list users": {"admin"},
    "create user": {"admin"},
    "read audit trail": {"admin", "leader"},
    "verify audit trail": {"admin", "leader"},
    "export audit trail": {"admin", "leader"},
    "export coverage": {"admin", "leader", "officer", "clerk"},
    "purge personal data": {"admin"},
}


@pytest.fixture
def world(services):  # noqa: ANN001, ANN201
    from redband_desktop.db.models import Building

    a = services.structure.create_district("甲片区")
    b = services.structure.create_district("乙片区")
    site_a = services.structure.create_site(a.id, "compound", "甲小区")
    site_b = services.structure.create_site(b.id, "compound", "乙小区")
    with services.db.write() as s:
        s.add(Building(site_id=site_a.id, label="1栋"))
    for role in ROLES[1:]:
        services.accounts.create_user(
            UserForm(role, f"{role}用户", role=role, district_id=a.id if role == "officer" else None), PW, PW)
    vols = {
        key: services.roster.create(VolunteerForm(
            name=name, id_number=make_id_number("530112", date(1960, 1, n), n * 2 + 1), phone=f"1390000000{n}",
            background="resident", site_id=site.id, joined_on=date(2022, 1, 1))).volunteer
        for key, name, site, n in (("a", "甲某", site_a, 1), ("b", "乙某", site_b, 2))
    }
    return {"a": a, "b": b, "site_a": site_a, "site_b": site_b, "vol": vols}


def _as(services, role: str):  # noqa: ANN001, ANN202
    if role == "admin":
        services.accounts.sign_in("admin", "Station#2026")
        return
    services.accounts.sign_in(role, PW)
    if services.access.user.must_change_password:
        services.accounts.change_password(PW, PW + "!", PW + "!")
        services.accounts.sign_in(role, PW + "!")


def _actions(services, w):  # noqa: ANN001, ANN202
    r = services.roster
    base = VolunteerForm(name="新人", phone="13911112222", background="resident", joined_on=date(2023, 1, 1))
    counter = iter(range(100, 999))

    def new(site) -> VolunteerForm:  # noqa: ANN001
        n = next(counter)
        return replace(base, id_number=make_id_number("530112", date(1970, 1, 1), n), site_id=site.id)

    def fresh(key: str):  # noqa: ANN202
        return r.get(w["vol"][key].id)

    return {
        "read roster": lambda: r.page(RosterFilter(), 0, 10),
        "statistics": lambda: services.stats.volunteers(),
        "add volunteer (own district)": lambda: r.create(new(w["site_a"])),
        "add volunteer (other district)": lambda: r.create(new(w["site_b"])),
        "edit volunteer (own district)": lambda: r.update(
            fresh("a").id, fresh("a").version, replace(base, id_number=None, site_id=w["site_a"].id, name="甲某")),
        "edit volunteer (other district)": lambda: r.update(
            fresh("b").id, fresh("b").version, replace(base, id_number=None, site_id=w["site_b"].id, name="乙某")),
        "change status (own district)": lambda: r.change_status(
            fresh("a").id, fresh("a").version,
            "suspended" if fresh("a").status.value == "active" else "active", date.today(), "测试"),
        "reveal ID number": lambda: r.reveal(w["vol"]["a"].id, "id_number", "核实身份"),
        "add site (own district)": lambda: services.structure.create_site(w["a"].id, "market", f"市场{next(counter)}"),
        "add district": lambda: services.structure.create_district(f"片区{next(counter)}"),
        "rename station": lambda: services.station.rename("金家河派出所"),
        "security settings": lambda: services.station.update_security(15, 3),
        "list users": lambda: services.accounts.users(),
        "create user": lambda: services.accounts.create_user(UserForm(f"u{next(counter)}", "新用户"), PW, PW),
        "read audit trail": lambda: services.audit.page(AuditFilter(), 0, 5),
        "verify audit trail": lambda: services.audit.verify(),
        "export audit trail": lambda: services.audit.export(AuditFilter()),
        "export coverage": lambda: services.coverage.export(),
        "purge personal data": lambda: services.privacy.purge(),
    }


@pytest.mark.parametrize("role", ROLES)
def test_role_action_matrix(services, world, role) -> None:  # noqa: ANN001
    _as(services, role)
    outcome = {}
    for name, action in _actions(services, world).items():
        try:
            action()
            outcome[name] = True
        except PermissionDenied as exc:
            outcome[name] = False
            assert exc.message("zh_CN").startswith("没有权限"), exc.message("zh_CN")
    expected = {name: role in allowed for name, allowed in EXPECTED.items()}
    assert outcome == expected


def test_viewer_sees_personal_data_masked(services, world) -> None:  # noqa: ANN001
    _as(services, "viewer")
    v = services.roster.get(world["vol"]["a"].id)
    assert v.masked and "*" in v.phone and "*" in v.id_number and v.address in ("", "＊＊＊")
    row = services.roster.page(RosterFilter(text="甲某"), 0, 1)[0]
    assert "*" in row.phone_masked


def test_denied_message_names_what_is_missing(services, world) -> None:  # noqa: ANN001
    _as(services, "clerk")
    with pytest.raises(PermissionDenied) as caught:
        services.structure.create_district("丙片区")
    assert caught.value.message("zh_CN") == "没有权限：辅警/录入员不能管理片区"
    assert caught.value.message("en") == "Permission denied: a Clerk may not manage districts"
