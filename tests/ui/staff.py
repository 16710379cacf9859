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
