"""`redband init`, `redband stats` and `redband export`: setting up a station, its figures,
and its lists as Excel workbooks.

    redband init [--station NAME] [--demo] [--admin NAME]
    redband stats [--from DATE --to DATE] [--compare yoy|pop] [--json]
    redband report [--from DATE --to DATE] [--compare yoy|pop] --out FILE.pdf|FILE.xlsx
    redband export volunteers|cards|heads|sites|mediations|incidents|clues FILE.xlsx [--full] [--status S]
                   [--from DATE] [--to DATE]
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
    init.add_argument("--demo", action="store_true", help="load the demonstration station (1,220 volunteers, 1,100-odd of them active)")
    init.add_argument("--admin", metavar="NAME",
                      help="create the first administrator (password from $REDBAND_PASSWORD or a prompt)")
    stats = sub.add_parser("stats", help="print station statistics (default: the year to date, year on year)")
    add_period_arguments(stats)
    stats.add_argument("--json", action="store_true", help="machine-readable JSON")
    report = sub.add_parser("report", help="write the 治安成绩单 (statistics report) as PDF or Excel")
    add_period_arguments(report)
    report.add_argument("--out", required=True, metavar="FILE", help="FILE.pdf or FILE.xlsx")
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
    report = services.stats.report(chosen_period(services, args), args.compare)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(stats_text(report, args.lang, args.compare))
    return 0


def _report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from redband_desktop.errors import ValidationError

    out = Path(args.out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "xlsx"):
        raise ValidationError.single("report_file", "report_format_invalid", name=out.name)
    services = open_for(args, required=False)
    if not services.station.settings().initialised:
        raise DatabaseError("db_not_initialised", path=services.db.path or services.db.url)
    data = services.stats.report_document(fmt, chosen_period(services, args), args.compare)
    out.write_bytes(data)
    zh = args.lang.startswith("zh")
    print(f"已写入治安成绩单：{out}" if zh else f"Report written to {out}")
    return 0


def add_period_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", type=_iso_date, metavar="DATE",
                        help="first day of the period, by date of occurrence (YYYY-MM-DD; default 1 January)")
    parser.add_argument("--to", dest="date_to", type=_iso_date, metavar="DATE",
                        help="last day of the period, included (YYYY-MM-DD; default today)")
    parser.add_argument("--compare", choices=("yoy", "pop"), default="yoy",
                        help="yoy: the same dates a year earlier (同比, default); pop: the period just before (环比)")


def chosen_period(services, args: argparse.Namespace):  # noqa: ANN001, ANN201 - Services -> Period
    """The year to date unless --from/--to are given; --to alone needs its --from."""
    if args.date_from is None and args.date_to is None:
        return services.stats.default_period()
    return services.stats.period("custom", args.date_from, args.date_to or date.today())


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


COMMANDS = {"init": _init, "stats": _stats, "report": _report, "export": _export}
