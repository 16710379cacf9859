"""`redband duty …`: the duty rota on the command line.

    redband duty hours [--from DATE] [--to DATE] [--district ID] [--json]

Service hours per volunteer from recorded attendance (a shift nobody recorded gives no
hours; a swap's hours go to the stand-in), most first, and the total. Reading only: no
sign-in needed (the anonymous reader may read the rota).
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from redband_desktop.cli.session import open_for
from redband_desktop.cli.station import _iso_date


def add_parsers(sub: argparse._SubParsersAction) -> None:
    duty = sub.add_parser("duty", help="the duty rota: service hours")
    dsub = duty.add_subparsers(dest="duty_command", required=True)
    hours = dsub.add_parser("hours", help="service hours per volunteer from attendance, most first")
    hours.add_argument("--from", dest="date_from", type=_iso_date, metavar="DATE",
                       help="first day (YYYY-MM-DD; default: 1 January of this year)")
    hours.add_argument("--to", dest="date_to", type=_iso_date, metavar="DATE",
                       help="last day (YYYY-MM-DD; default: today)")
    hours.add_argument("--district", type=int, metavar="ID", help="shifts of this district only")
    hours.add_argument("--json", action="store_true", help="machine-readable JSON")


def _duty(args: argparse.Namespace) -> int:
    services = open_for(args, required=False)
    today = date.today()
    first, last = args.date_from or date(today.year, 1, 1), args.date_to or today
    report = services.rota.hours(first, last, args.district)
    total = round(report.total_minutes / 60, 1)
    if args.json:
        print(json.dumps({
            "from": first.isoformat(), "to": last.isoformat(),
            "volunteers": [{"volunteer_id": h.volunteer_id, "name": h.name, "shifts": h.shifts, "hours": h.hours}
                           for h in report.rows],
            "total_hours": total,
        }, ensure_ascii=False, indent=2))
        return 0
    zh = args.lang.startswith("zh")
    for h in report.rows:
        print(f"{h.volunteer_id}\t{h.name}\t{h.shifts}\t{h.hours:.1f}")
    print(f"{first.isoformat()}–{last.isoformat()}：{len(report.rows)} 人，共 {total:.1f} 小时" if zh
          else f"{first.isoformat()}–{last.isoformat()}: {len(report.rows)} volunteers, {total:.1f} hours in all")
    return 0


COMMANDS = {"duty": _duty}
