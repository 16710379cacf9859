"""What the accounts service takes and returns: a user as the Users page lists them, and
the form an administrator fills in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from redband_desktop.domain.access import Role


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    police_no: str
    role: Role
    district_id: int | None
    district: str
    active: bool
    locked_until: datetime | None
    must_change_password: bool
    last_sign_in: datetime | None
    version: int


@dataclass(frozen=True)
class UserForm:
    username: str = ""
    display_name: str = ""
    police_no: str = ""
    role: str = Role.CLERK.value
    district_id: int | None = None
    active: bool = True
