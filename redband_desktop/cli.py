"""`redband`: the command line over the same services as the window.

    redband [--db PATH|URL] [--lang zh_CN|en] [gui|init|stats] …

`gui` is the default. Errors go to stderr in the chosen language with exit status 2
(bad input) or 1 (the database cannot be used); `--json` output is for scripts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date

from redband_desktop import __version__, cli_data
from redband_desktop.errors import DatabaseError, RedbandError
from redband_desktop.paths import UserDirs

DEMO_STATION = "金家河派出所"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="redband", description="红袖标 Desktop — 治安志愿者管理 (volunteer management for a police station)"
    )
    parser.add_argument("--db", help="database file or SQLAlchemy URL (default: the per-user data folder)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="language (default zh_CN)")
    parser.add_argument("--version", action="version", version=f"redband {__version__}")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("gui", help="open the window (default)")
    init = sub.add_parser("init", help="create the station database (first run, without the window)")
    init.add_argument("--station", help=f"station name (default with --demo: {DEMO_STATION})")
    init.add_argument("--demo", action="store_true", help="load the demonstration station (1,100 volunteers)")
    stats = sub.add_parser("stats", help="print station statistics")
    stats.add_argument("--json", action="store_true", help="machine-readable JSON")
    cli_data.add_parsers(sub)
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


def _open(args: argparse.Namespace):  # noqa: ANN202 - Services
    from redband_desktop.db.engine import database_url
    from redband_desktop.services import open_services
    from redband_desktop.services.backups import recover_if_damaged

    dirs = UserDirs.default()
    url = database_url(args.db or dirs.default_db)
    if (recovery := recover_if_damaged(url, dirs.backups)) is not None:
        raise recovery.error()
    return open_services(url, dirs.backups)


def _init(args: argparse.Namespace) -> int:
    services = _open(args)
    settings = services.station.settings()
    if settings.initialised:
        raise DatabaseError("db_already_initialised", path=services.db.path or services.db.url, station=settings.name)
    name = args.station or (DEMO_STATION if args.demo else "")
    result = services.setup.first_run(name, args.demo, today=date.today())
    zh = args.lang.startswith("zh")
    print(
        f"已创建：{result.station.name}（演示志愿者 {result.demo_volunteers} 名）" if zh
        else f"Created: {result.station.name} ({result.demo_volunteers} demo volunteers)"
    )
    return 0


def _stats(args: argparse.Namespace) -> int:
    services = _open(args)
    if not services.station.settings().initialised:
        raise DatabaseError("db_not_initialised", path=services.db.path or services.db.url)
    report = services.stats.report()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(_stats_text(report, args.lang))
    return 0


def _stats_text(report: dict, lang: str) -> str:
    from redband_desktop.domain.enums import SiteKind, VolunteerStatus

    v = report["volunteers"]
    zh = lang.startswith("zh")
    lines = [f"{'志愿者总数' if zh else 'Volunteers'}: {v['total']}"]
    lines += [f"  {VolunteerStatus(k).label(lang)}: {n}" for k, n in v["by_status"].items()]
    lines += [f"  {SiteKind(k).label(lang)}: {n}" for k, n in v["by_site_kind"].items()]
    lines += [f"  {name}: {n}" for name, n in v["by_district"].items()]
    return "\n".join(lines)


COMMANDS = {"init": _init, "stats": _stats, **cli_data.COMMANDS}
