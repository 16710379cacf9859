"""Test helper: station staff accounts with their own (already changed) passwords."""

from __future__ import annotations

from redband_desktop.services import Services
from redband_desktop.services.accounts.types import UserForm

ADMIN = ("admin", "Station#2026")
STAFF_PASSWORD = "Volunteer#77"


def add_staff(services: Services, username: str, role: str = "clerk", district_id: int | None = None,
              keep_initial: bool = False) -> str:
    """Create an account as the administrator. Unless `keep_initial`, its user signs in once
    and sets their own password (so no change is due). Ends with the admin signed in."""
    initial = "Initial#2026"
    services.accounts.create_user(UserForm(username, f"测试{username}", "", role, district_id), initial, initial)
    if keep_initial:
        return initial
    services.accounts.sign_in(username, initial)
    services.accounts.change_password(initial, STAFF_PASSWORD, STAFF_PASSWORD)
    services.accounts.sign_in(*ADMIN)
    return STAFF_PASSWORD


def sign_in_as(services: Services, role: str, district_id: int | None = None) -> None:
    """Sign in as a real account of `role` (made by the administrator the first time):
    services read the account again on every action, so a test cannot just pretend."""
    username = f"t_{role}_{district_id or 0}"
    services.accounts.sign_in(*ADMIN)
    if username not in {u.username for u in services.accounts.users()}:
        add_staff(services, username, role, district_id)
    services.accounts.sign_in(username, STAFF_PASSWORD)
