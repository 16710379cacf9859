"""`redband`: the command line over the same services as the window.

    redband [--db PATH|URL] [--lang zh_CN|en] [gui|init|stats] …

`gui` is the default. Errors go to stderr in the chosen language with exit status 2
(bad input) or 1 (the database cannot be used); `--json` output is for scripts.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from datetime import date

from redband_desktop import __version__, cli_cards, cli_data
from redband_desktop.cli_stats import stats_text
from redband_desktop.errors import DatabaseError, PermissionDenied, RedbandError, ValidationError
from redband_desktop.paths import UserDirs

DEMO_STATION = "金家河派出所"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="redband", description="红袖标 Desktop — 治安志愿者管理 (volunteer management for a police station)"
    )
    parser.add_argument("--db", help="database file or SQLAlchemy URL (default: the per-user data folder)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="language (default zh_CN)")
    parser.add_argument("--version", action="version", version=f"redband {__version__}")
    parser.add_argument("--user", default=os.environ.get("REDBAND_USER"),
                        help="sign in as this user (default: $REDBAND_USER); the password comes from "
                             "$REDBAND_PASSWORD or a prompt. Needed by commands that change or export data")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("gui", help="open the window (default)")
    init = sub.add_parser("init", help="create the station database (first run, without the window)")
    init.add_argument("--station", help=f"station name (default with --demo: {DEMO_STATION})")
    init.add_argument("--demo", action="store_true", help="load the demonstration station (1,100 volunteers)")
    init.add_argument("--admin", metavar="NAME",
                      help="create the first administrator (password from $REDBAND_PASSWORD or a prompt)")
    stats = sub.add_parser("stats", help="print station statistics")
    stats.add_argument("--json", action="store_true", help="machine-readable JSON")
    export = sub.add_parser("export", help="export a list to Excel (personal numbers masked unless --full)")
    export.add_argument("what", choices=("volunteers", "mediations", "incidents", "clues"), help="which list")
    export.add_argument("file", help="the .xlsx file to write")
    export.add_argument("--full", action="store_true", help="full ID numbers and phones (roles allowed only)")
    export.add_argument("--status", choices=("active", "suspended", "left"), help="only this status")
    export.add_argument("--from", dest="date_from", type=_iso_date, metavar="DATE",
                        help="incidents, clues: received / reported on or after this date (YYYY-MM-DD)")
    export.add_argument("--to", dest="date_to", type=_iso_date, metavar="DATE",
                        help="incidents, clues: received / reported on or before this date (YYYY-MM-DD)")
    cli_data.add_parsers(sub)
    cli_cards.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    if command == "gui":
        from redband_desktop.app import run_gui

        return run_gui(args.db, args.lang)
    try:
        return COMMANDS[command](args)
    except DatabaseError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    except RedbandError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2


def _password(prompt: str, confirm: bool = False) -> str:
    """$REDBAND_PASSWORD, or asked on the terminal (twice when setting a new one)."""
    if "REDBAND_PASSWORD" in os.environ:
        return os.environ["REDBAND_PASSWORD"]
    if not sys.stdin.isatty():
        raise PermissionDenied("password_needed")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("再次输入 / again: ") != first:
        raise ValidationError.single("confirm_password", "password_mismatch")
    return first


def _sign_in(services, args: argparse.Namespace, required: bool) -> None:  # noqa: ANN001
    """Sign in as --user; without one, read-only commands run with viewer rights."""
    from redband_desktop.services.shared.access import anonymous_reader

    if args.user:
        services.accounts.sign_in(args.user, _password(f"{args.user} 的密码 / password: "))
    elif required:
        raise PermissionDenied("user_needed")
    else:
        services.access.user = anonymous_reader()


def _open(args: argparse.Namespace, sign_in: bool = True, required: bool = True):  # noqa: ANN202 - Services
    from redband_desktop.db.engine import database_url
    from redband_desktop.services import open_services
    from redband_desktop.services.backups.recovery import recover_if_damaged

    dirs = UserDirs.default()
    url = database_url(args.db or dirs.database())
    if (recovery := recover_if_damaged(url, dirs.backups)) is not None:
        raise recovery.error()
    services = open_services(url, dirs.backups)
    if sign_in:
        _sign_in(services, args, required)
    return services


def _init(args: argparse.Namespace) -> int:
    from redband_desktop.services.station.setup import FirstAdmin

    services = _open(args, sign_in=False)
    settings = services.station.settings()
    if settings.initialised:
        raise DatabaseError("db_already_initialised", path=services.db.path or services.db.url, station=settings.name)
    name = args.station or (DEMO_STATION if args.demo else "")
    admin = None
    if args.admin:
        password = _password(f"{args.admin} 的新密码 / new password: ", confirm=True)
        admin = FirstAdmin(args.admin, args.admin, password, password)
    result = services.setup.first_run(name, admin, args.demo, today=date.today())
    zh = args.lang.startswith("zh")
    print(
        f"已创建：{result.station.name}（演示志愿者 {result.demo_volunteers} 名）" if zh
        else f"Created: {result.station.name} ({result.demo_volunteers} demo volunteers)"
    )
    return 0


def _stats(args: argparse.Namespace) -> int:
    services = _open(args, required=False)
    if not services.station.settings().initialised:
        raise DatabaseError("db_not_initialised", path=services.db.path or services.db.url)
    report = services.stats.report()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(stats_text(report, args.lang))
    return 0


def _iso_date(text: str):  # noqa: ANN202 - a date
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from exc


def _export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from redband_desktop.services.roster.types import RosterFilter

    services = _open(args)
    if args.what == "mediations":
        result = services.mediation.export()
    elif args.what == "incidents":
        from redband_desktop.services.incidents.types import IncidentFilter

        result = services.incidents.export(IncidentFilter(date_from=args.date_from, date_to=args.date_to),
                                           full=args.full)
    elif args.what == "clues":
        from redband_desktop.services.clues.types import ClueFilter

        result = services.clues.export(ClueFilter(date_from=args.date_from, date_to=args.date_to), full=args.full)
    else:
        result = services.roster.export(RosterFilter(status=args.status), full=args.full)
    Path(args.file).write_bytes(result.data)
    zh = args.lang.startswith("zh")
    kind = ("完整" if result.full else "脱敏") if zh else ("full" if result.full else "masked")
    print(f"已导出 {result.rows} 行（{kind}）到 {args.file}" if zh else f"Exported {result.rows} rows ({kind}) to {args.file}")
    return 0


COMMANDS = {"init": _init, "stats": _stats, "export": _export, **cli_data.COMMANDS, **cli_cards.COMMANDS}
