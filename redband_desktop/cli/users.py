"""`redband users …`: station accounts on the command line, for scripted set-ups.

    redband users add NAME --role ROLE [--district ID] [--full-name TEXT]
    redband users list [--json]
    redband users disable NAME
    redband users reset-password NAME

Administrators only (--user with the users right), through the same service actions as
the Users page: the same checks (name, role, district, password rules, never the last
administrator) and the same audit entries. A new or reset password comes from
$REDBAND_NEW_PASSWORD or is asked twice on the terminal, and must be changed at the
account's first sign-in.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import replace

from redband_desktop.cli.session import open_for
from redband_desktop.domain.access import Role
from redband_desktop.errors import NotFoundError, PermissionDenied, ValidationError

NEW_PASSWORD = "REDBAND_NEW_PASSWORD"


def add_parsers(sub: argparse._SubParsersAction) -> None:
    users = sub.add_parser("users", help="station accounts (administrators): add, list, disable, reset a password")
    usub = users.add_subparsers(dest="users_command", required=True)
    add = usub.add_parser("add", help=f"add an account (password from ${NEW_PASSWORD} or a prompt)")
    add.add_argument("name", help="user name: letters, digits, underscores, 3–40")
    add.add_argument("--role", required=True, choices=[r.value for r in Role], help="the account's role")
    add.add_argument("--district", type=int, metavar="ID", help="district id (required for an officer)")
    add.add_argument("--full-name", default="", metavar="TEXT", help="name shown in the window (default: NAME)")
    lst = usub.add_parser("list", help="every account with its role and state")
    lst.add_argument("--json", action="store_true", help="machine-readable JSON")
    disable = usub.add_parser("disable", help="deactivate an account (it loses its rights at once)")
    disable.add_argument("name")
    reset = usub.add_parser("reset-password", help=f"set a new password (from ${NEW_PASSWORD} or a prompt)")
    reset.add_argument("name")


def new_password() -> str:
    """$REDBAND_NEW_PASSWORD, or asked twice on the terminal."""
    if NEW_PASSWORD in os.environ:
        return os.environ[NEW_PASSWORD]
    if not sys.stdin.isatty():
        raise PermissionDenied("new_password_needed")
    first = getpass.getpass("新密码 / new password: ")
    if getpass.getpass("再次输入 / again: ") != first:
        raise ValidationError.single("confirm_password", "password_mismatch")
    return first


def _users(args: argparse.Namespace) -> int:
    from redband_desktop.services.accounts.types import UserForm

    services = open_for(args)
    accounts, command, zh = services.accounts, args.users_command, args.lang.startswith("zh")
    if command == "list":
        _list(accounts.users(), args.json)
        return 0
    if command == "add":
        accounts.users()  # refused before any password is asked of a non-administrator
        form = UserForm(args.name, args.full_name or args.name, "", args.role, args.district)
        password = new_password()
        row = accounts.create_user(form, password, password)
        print(f"已添加账号 {row.username}（{row.role.zh}），首次登录须修改密码" if zh
              else f"Added {row.username} ({row.role.en}); the password must be changed at first sign-in")
        return 0
    row = _find(accounts.users(), args.name)
    if command == "disable":
        form = UserForm(row.username, row.display_name, row.police_no, row.role.value, row.district_id, True)
        accounts.update_user(row.id, row.version, replace(form, active=False))
        print(f"已停用账号 {row.username}" if zh else f"Deactivated {row.username}")
    else:
        password = new_password()
        accounts.reset_password(row.id, password, password)
        print(f"已重置 {row.username} 的密码，下次登录须修改" if zh
              else f"Reset the password of {row.username}; it must be changed at the next sign-in")
    return 0


def _find(rows, name: str):  # noqa: ANN001, ANN202 - UserRow
    wanted = name.strip().lower()
    row = next((r for r in rows if r.username == wanted), None)
    if row is None:
        raise NotFoundError(what="用户", id=name)
    return row


def _list(rows, as_json: bool) -> None:  # noqa: ANN001
    if as_json:
        print(json.dumps([{
            "username": r.username, "full_name": r.display_name, "role": r.role.value, "district_id": r.district_id,
            "district": r.district, "active": r.active, "must_change_password": r.must_change_password,
            "locked_until": r.locked_until.isoformat() if r.locked_until else None,
            "last_sign_in": r.last_sign_in.isoformat() if r.last_sign_in else None,
        } for r in rows], ensure_ascii=False, indent=2))
        return
    for r in rows:
        state = "active" if r.active else "disabled"
        print(f"{r.username}\t{r.display_name}\t{r.role.value}\t{r.district}\t{state}")


COMMANDS = {"users": _users}
