"""`redband init`, `redband stats` and `redband export`: setting up a station, its figures,
and its lists as Excel workbooks.

    redband init [--station NAME] [--demo] [--admin NAME]
    redband stats [--json]
    redband export volunteers|cards|heads|sites|mediations|incidents|clues FILE.xlsx [--full]
                   [--status S] [--from DATE] [--to DATE]
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from redband_desktop.cli.session import open_for
from redband_desktop.cli.session import password as ask_password
from redband_desktop.cli.stats_text import stats_text
from redband_desktop.errors import DatabaseError

DEMO_STATION = "金家河派出所"


def add_parsers(sub: argparse._SubParsersAction) -> None:
    init = sub.add_parser("init", help="create the station database (first run, without the window)")
    init.add_argument("--station", help=f"station name (default with --demo: {DEMO_STATION})")
    init.add_argument("--demo", action="store_true", help="load the demonstration station (1,100 volunteers)")
    init.add_argument("--admin", metavar="NAME",
                      help="create the first administrator (password from $REDBAND_PASSWORD or a prompt)")
    stats = sub.add_parser("stats", help="print station statistics")
    stats.add_argument("--json", action="store_true", help="machine-readable JSON")
    export = sub.add_parser("export", help="export a list to Excel (personal numbers masked unless --full)")
    export.add_argument("what", choices=("volunteers", "cards", "heads", "sites", "mediations", "incidents", "clues"),
                        help="which list (heads: buildings and zones with their heads)")
    export.add_argument("file", help="the .xlsx file to write")
    export.add_argument("--full", action="store_true", help="full ID numbers and phones (roles allowed only)")
    export.add_argument("--status", choices=("active", "suspended", "left"), help="only this status")
    export.add_argument("--from", dest="date_from", type=_iso_date, metavar="DATE",
                        help="incidents, clues: received / reported on or after this date (YYYY-MM-DD)")
    export.add_argument("--to", dest="date_to", type=_iso_date, metavar="DATE",
                        help="incidents, clues: received / reported on or before this date (YYYY-MM-DD)")


def _init(args: argparse.Namespace) -> int:
    from redband_desktop.services.station.setup import FirstAdmin

    services = open_for(args, signed_in=False, create=True)
    settings = services.station.settings()
    if settings.initialised:
        raise DatabaseError("db_already_initialised", path=services.db.shown, station=settings.name)
    name = args.station or (DEMO_STATION if args.demo else "")
    admin = None
    if args.admin:
        password = ask_password(f"{args.admin} 的新密码 / new password: ", confirm=True)
        admin = FirstAdmin(args.admin, args.admin, password, password)
    result = services.setup.first_run(name, admin, args.demo, today=date.today())
    zh = args.lang.startswith("zh")
    if result.demo_volunteers:
        print(f"已创建：{result.station.name}（演示志愿者 {result.demo_volunteers} 名）" if zh
              else f"Created: {result.station.name} ({result.demo_volunteers} demo volunteers)")
    else:
        print(f"已创建：{result.station.name}" if zh else f"Created: {result.station.name}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    services = open_for(args, required=False)
    if not services.station.settings().initialised:
        raise DatabaseError("db_not_initialised", path=services.db.shown)
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

    services = open_for(args)
    if args.what in ("cards", "heads", "sites"):
        result = {"cards": lambda: services.cards.export(),
                  "heads": lambda: services.sites.export_heads(full=args.full),
                  "sites": lambda: services.sites.export_sites()}[args.what]()
    elif args.what == "mediations":
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


COMMANDS = {"init": _init, "stats": _stats, "export": _export}
