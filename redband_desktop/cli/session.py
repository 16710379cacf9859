"""What every `redband` command shares: where the database is, signing in, asking for a
password, and opening the station the one way the window does (`open_station`)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from redband_desktop.errors import PermissionDenied, ValidationError
from redband_desktop.paths import UserDirs


def location(args: argparse.Namespace) -> tuple[str, UserDirs]:
    """The database URL the command works on (--db, else the per-user data folder)."""
    from redband_desktop.db.engine import database_url

    dirs = UserDirs.default()
    return database_url(args.db or dirs.database()), dirs


def password(prompt: str, confirm: bool = False) -> str:
    """$REDBAND_PASSWORD, or asked on the terminal (twice when setting a new one)."""
    if "REDBAND_PASSWORD" in os.environ:
        return os.environ["REDBAND_PASSWORD"]
    if not sys.stdin.isatty():
        raise PermissionDenied("password_needed")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("再次输入 / again: ") != first:
        raise ValidationError.single("confirm_password", "password_mismatch")
    return first


def sign_in(services, args: argparse.Namespace, required: bool) -> None:  # noqa: ANN001
    """Sign in as --user; without one, read-only commands run with viewer rights."""
    from redband_desktop.services.shared.access import anonymous_reader

    if args.user:
        services.accounts.sign_in(args.user, password(f"{args.user} 的密码 / password: "))
    elif required:
        raise PermissionDenied("user_needed")
    else:
        services.access.user = anonymous_reader()


def open_for(args: argparse.Namespace, *, signed_in: bool = True, required: bool = True,  # noqa: ANN201
             create: bool = False, recover: bool = True, upgrade: bool = True):
    """The station's services for a command (see `services.opening.open_station`),
    signed in as --user (`required`), or read-only without one."""
    from redband_desktop.services.opening import open_station, share_warning

    url, dirs = location(args)
    services = open_station(url, dirs.backups, create=create, recover=recover, upgrade=upgrade)
    if (warning := share_warning(url)) is not None:
        print(warning.message(args.lang), file=sys.stderr)
    if signed_in:
        sign_in(services, args, required)
    return services
