"""Who is signed in, and whether they may do what they ask.

One `AccessControl` is shared by every service of a running app (or CLI command). The
accounts service sets its `user` on sign-in; every service calls `require(action, …)`
before reading or writing, so a denied action fails in the service itself, not only in
the UI. Officers are held to their own district for edits, on both sides of a write that
moves a record (`require_move`).

Rights follow the account as it is *now*: the accounts service installs a reader
(`set_reader`) that reads the account's row by primary key, and every `require` asks it,
so an account deactivated or demoted by an administrator on another PC loses its rights
at its next action, not at its next sign-in. A deactivated account is refused with its
own message, and whoever watches (`on_deactivated`: the main window) is told so it can
lock itself.
"""

from __future__ import annotations

import getpass
import socket
from collections.abc import Callable
from dataclasses import dataclass

from redband_desktop.domain.access import DISTRICT_SCOPED, Action, Role, action_label, allowed
from redband_desktop.errors import PermissionDenied

# The command line's anonymous reader has no account row to read again.
NO_ACCOUNT = 0


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
        self._reader: Callable[[int], Actor | None] | None = None
        self._deactivated: list[Callable[[], None]] = []

    def set_reader(self, reader: Callable[[int], Actor | None]) -> None:
        """`reader(user_id)` returns the account as stored now, or None when it is
        deactivated or gone (installed by the accounts service)."""
        self._reader = reader

    def on_deactivated(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call `callback` (from whichever thread noticed) when an action is refused
        because the signed-in account was deactivated. Returns what stops the calls."""
        self._deactivated.append(callback)
        return lambda: self._deactivated.remove(callback) if callback in self._deactivated else None

    def current(self) -> Actor:
        """The signed-in user as the database has them now (role, district, state)."""
        user = self.user
        if user is None:
            raise PermissionDenied("not_signed_in")
        if self._reader is None or user.id == NO_ACCOUNT:
            return user
        fresh = self._reader(user.id)
        if fresh is None:
            for callback in list(self._deactivated):
                callback()
            raise PermissionDenied("account_deactivated", name=user.username)
        if fresh != user:
            self.user = fresh
        return fresh

    def require(self, action: Action, district_id: int | None = None) -> Actor:
        """Return the signed-in user if they may take `action` (on a record of
        `district_id`); otherwise raise PermissionDenied naming what is missing."""
        user = self.current()
        _check(user, action, district_id)
        return user

    def require_move(self, action: Action, old_district: int | None, new_district: int | None) -> Actor:
        """A write that may move a record between districts: the user needs `action` on
        the district the record is in now and on the one it is saved into. An officer
        may not take a record of a district out of every district either, where it
        would be anybody's."""
        user = self.current()
        _check(user, action, old_district)
        _check(user, action, new_district)
        if (user.role is Role.OFFICER and action in DISTRICT_SCOPED
                and old_district is not None and new_district is None):
            raise PermissionDenied("outside_district")
        return user

    def can(self, action: Action, district_id: int | None = None) -> bool:
        try:
            self.require(action, district_id)
        except PermissionDenied:
            return False
        return True


def _check(user: Actor, action: Action, district_id: int | None) -> None:
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


def anonymous_reader() -> Actor:
    """The command line without --user: read-only, personal data masked (viewer)."""
    return Actor(id=NO_ACCOUNT, username="cli", display_name="命令行", role=Role.VIEWER, district_id=None)
