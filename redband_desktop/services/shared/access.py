"""Who is signed in, and whether they may do what they ask.

One `AccessControl` is shared by every service of a running app (or CLI command). The
accounts service sets its `user` on sign-in; every service calls `require(action, …)`
before reading or writing, so a denied action fails in the service itself, not only in
the UI. Officers are held to their own district for edits.
"""

from __future__ import annotations

import getpass
import socket
from dataclasses import dataclass

from redband_desktop.domain.access import DISTRICT_SCOPED, Action, Role, action_label, allowed
from redband_desktop.errors import PermissionDenied


@dataclass(frozen=True)
class Actor:
    """The signed-in user, as services see them."""

    id: int
    username: str
    display_name: str
    role: Role
    district_id: int | None
    must_change_password: bool = False

    @property
    def masks_personal_data(self) -> bool:
        return not allowed(self.role, Action.REVEAL)


def workstation() -> str:
    """Which PC (and OS account) an action came from, for the audit trail."""
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "?"
    return f"{socket.gethostname()} ({who})"[:100]


class AccessControl:
    def __init__(self) -> None:
        self.user: Actor | None = None
        self.host = workstation()

    def require(self, action: Action, district_id: int | None = None) -> Actor:
        """Return the signed-in user if they may take `action` (on a record of
        `district_id`); otherwise raise PermissionDenied naming what is missing."""
        user = self.user
        if user is None:
            raise PermissionDenied("not_signed_in")
        if user.must_change_password and action is not Action.READ:
            raise PermissionDenied("must_change_password")
        if not allowed(user.role, action):
            raise PermissionDenied(
                "permission_denied", what=action_label(action), what_en=action_label(action, "en"),
                role=user.role.zh, role_en=user.role.en,
            )
        if (
            user.role is Role.OFFICER
            and action in DISTRICT_SCOPED
            and district_id is not None
            and user.district_id != district_id
        ):
            raise PermissionDenied("outside_district")
        return user

    def can(self, action: Action, district_id: int | None = None) -> bool:
        try:
            self.require(action, district_id)
        except PermissionDenied:
            return False
        return True


def anonymous_reader() -> Actor:
    """The command line without --user: read-only, personal data masked (viewer)."""
    return Actor(id=0, username="cli", display_name="命令行", role=Role.VIEWER, district_id=None)
