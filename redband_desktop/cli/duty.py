"""`redband duty …`: the duty rota on the command line.

    redband duty hours [--from DATE] [--to DATE] [--district ID] [--json]
    redband duty week [--date DATE] [--district ID] [--site ID] [--duty TYPE] --out FILE.pdf|FILE.xlsx

Service hours per volunteer from recorded attendance (a shift nobody recorded gives no
hours; a swap's hours go to the stand-in), most first, and the total. `week` writes the
排班表 of the week holding DATE (default: this week) as an A4 landscape PDF for a notice
board or as an Excel sheet, recorded in the audit trail as an export. Reading only: no
sign-in needed (the anonymous reader may read the rota).
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from redband_desktop.cli.session import open_for
from redband_desktop.cli.station import _iso_date
from redband_desktop.domain.rota import DutyType


def add_parsers(sub: argparse._SubParsersAction) -> None:
    duty = sub.add_parser("duty", help="the duty rota: service hours, the week's rota as PDF or Excel")
    dsub = duty.add_subparsers(dest="duty_command", required=True)
    hours = dsub.add_parser("hours", help="service hours per volunteer from attendance, most first")
    hours.add_argument("--from", dest="date_from", type=_iso_date, metavar="DATE",
                       help="first day (YYYY-MM-DD; default: 1 January of this year)")
    hours.add_argument("--to", dest="date_to", type=_iso_date, metavar="DATE",
                       help="last day (YYYY-MM-DD; default: today)")
    hours.add_argument("--district", type=int, metavar="ID", help="shifts of this district only")
    hours.add_argument("--json", action="store_true", help="machine-readable JSON")
    week = dsub.add_parser("week", help="write the week's rota (排班表) as PDF or Excel")
    week.add_argument("--date", metavar="DATE", help="any day of the week (YYYY-MM-DD; default: today)")
    week.add_argument("--district", type=int, metavar="ID", help="the places of this district only")
    week.add_argument("--site", type=int, metavar="ID", help="this site only")
    week.add_argument("--duty", choices=[d.value for d in DutyType], metavar="TYPE",
                      help="shifts of this duty type only (patrol, info_warning, clue_reporting, order_keeping, "
                           "daily_duty, other)")
    week.add_argument("--out", required=True, metavar="FILE", help="FILE.pdf or FILE.xlsx")


def _duty(args: argparse.Namespace) -> int:
    if args.duty_command == "week":
        return _week(args)
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


def _week(args: argparse.Namespace) -> int:
    """Checks what it can before the station is opened: a wrong file name, folder or date
    opens (and records) nothing."""
    from pathlib import Path

    from redband_desktop.errors import DatabaseError, ValidationError
    from redband_desktop.services.rota.types import WeekFilter

    out = Path(args.out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "xlsx"):
        raise ValidationError.single("report_file", "report_format_invalid", name=out.name)
    if not out.absolute().parent.is_dir():
        raise ValidationError.single("report_file", "rota_no_folder", folder=str(out.absolute().parent))
    try:
        day = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError:
        raise ValidationError.single("week", "invalid_date") from None
    services = open_for(args, required=False)
    if not services.station.settings().initialised:
        raise DatabaseError("db_not_initialised", path=services.db.shown)
    data = services.rota.week_document(day, WeekFilter(args.district, args.site, args.duty or ""), fmt)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise ValidationError.single("report_file", "rota_not_written", file=str(out), error=exc.strerror or exc) \
            from None
    zh = args.lang.startswith("zh")
    print(f"已写入排班表：{out}" if zh else f"Rota written to {out}")
    return 0


COMMANDS = {"duty": _duty}
