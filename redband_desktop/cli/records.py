"""`redband certificate / service-record / hours`: service records on the command line.

    redband --user NAME certificate VOLUNTEER_NO --from DATE --to DATE --out FILE.pdf
    redband service-record VOLUNTEER_NO [--json]
    redband hours [--from DATE] [--to DATE] [--district ID] [--json]

`certificate` issues a 志愿服务证明 (numbered, registered and audited) with the full ID
number, so it signs in (--user) as an account that may see full personal data. The record
and the ranking only read: without --user they run with viewer rights (ID numbers masked).
Service time is the service record's: attended shifts and activities, the same clock time
counted once.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from redband_desktop.cli.session import open_for
from redband_desktop.cli.station import _iso_date
from redband_desktop.domain.records import hours_text


def add_parsers(sub: argparse._SubParsersAction) -> None:
    cert = sub.add_parser("certificate", help="issue a volunteer service certificate (志愿服务证明) as PDF")
    cert.add_argument("volunteer_no", metavar="VOLUNTEER_NO", help="the volunteer number (志愿者编号)")
    cert.add_argument("--from", dest="date_from", type=_iso_date, metavar="DATE", required=True,
                      help="first day of the period (YYYY-MM-DD)")
    cert.add_argument("--to", dest="date_to", type=_iso_date, metavar="DATE", required=True,
                      help="last day of the period (YYYY-MM-DD)")
    cert.add_argument("--out", required=True, metavar="FILE", help="the PDF file to write")
    record = sub.add_parser("service-record", help="a volunteer's service record (志愿服务记录)")
    record.add_argument("volunteer_no", metavar="VOLUNTEER_NO", help="the volunteer number (志愿者编号)")
    record.add_argument("--json", action="store_true", help="machine-readable JSON")
    hours = sub.add_parser("hours", help="the ranking of service hours (shifts and activities, overlaps once)")
    hours.add_argument("--from", dest="date_from", type=_iso_date, metavar="DATE",
                       help="first day (YYYY-MM-DD; default: 1 January of this year)")
    hours.add_argument("--to", dest="date_to", type=_iso_date, metavar="DATE",
                       help="last day (YYYY-MM-DD; default: today)")
    hours.add_argument("--district", type=int, metavar="ID", help="volunteers of this district only")
    hours.add_argument("--json", action="store_true", help="machine-readable JSON")


def _certificate(args: argparse.Namespace) -> int:
    """Checks the output folder before the station is opened: a wrong path issues nothing."""
    from pathlib import Path

    from redband_desktop.errors import ValidationError

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise ValidationError.single("report_file", "report_format_invalid", name=out.name)
    if not out.absolute().parent.is_dir():
        raise ValidationError.single("report_file", "rota_no_folder", folder=str(out.absolute().parent))
    services = open_for(args, required=True)
    vid = services.records.by_number(args.volunteer_no)
    printed = services.records.issue_certificate(vid, args.date_from, args.date_to)
    try:
        out.write_bytes(printed.pdf)
    except OSError as exc:
        raise ValidationError.single("report_file", "rota_not_written", file=str(out), error=exc.strerror or exc) \
            from None
    c = printed.certificate
    zh = args.lang.startswith("zh")
    print(f"已出具志愿服务证明 {c.number}：{c.name}，{hours_text(c.minutes)} 小时 → {out}" if zh
          else f"Certificate {c.number} issued: {c.name}, {hours_text(c.minutes)} hours → {out}")
    return 0


def _service_record(args: argparse.Namespace) -> int:
    services = open_for(args, required=False)
    r = services.records.service_record(services.records.by_number(args.volunteer_no))
    if args.json:
        print(json.dumps({
            "volunteer_no": r.volunteer_no, "name": r.name, "id_number": r.id_number, "district": r.district,
            "site": r.site, "joined_on": r.joined_on.isoformat(), "status": r.status,
            "total_hours": float(hours_text(r.total_minutes)),
            "years": [{"year": y.year, "hours": float(hours_text(y.minutes))} for y in r.years],
            "services": [{"date": i.day.isoformat(), "kind": i.kind, "type": i.kind_code, "content": i.content,
                          "hours": float(hours_text(i.minutes)), "training": i.training} for i in r.services],
            "commendations": [{"name": a.name, "level": a.level, "date": a.awarded_on.isoformat(),
                               "awarded_by": a.awarded_by} for a in r.awards],
            "evaluations": [{"year": e.year, "stars": e.stars, "comment": e.comment} for e in r.evaluations],
        }, ensure_ascii=False, indent=2))
        return 0
    zh = args.lang.startswith("zh")
    print(f"{r.volunteer_no}\t{r.name}\t{r.id_number}\t{r.district} {r.site}")
    print(f"累计服务 {hours_text(r.total_minutes)} 小时" if zh else f"{hours_text(r.total_minutes)} hours in all")
    for y in r.years:
        print(f"  {y.year}\t{hours_text(y.minutes)}")
    for i in r.services:
        print(f"{i.day.isoformat()}\t{i.kind_code}\t{i.content}\t{hours_text(i.minutes)}")
    for a in r.awards:
        print(f"{'表彰' if zh else 'award'}\t{a.awarded_on.isoformat()}\t{a.name}\t{a.awarded_by}")
    for e in r.evaluations:
        print(f"{'评价' if zh else 'evaluation'}\t{e.year}\t{'★' * e.stars}\t{e.comment}")
    return 0


def _hours(args: argparse.Namespace) -> int:
    services = open_for(args, required=False)
    today = date.today()
    first, last = args.date_from or date(today.year, 1, 1), args.date_to or today
    result = services.records.ranking(first, last, args.district)

    def row(r) -> dict:  # noqa: ANN001
        return {"rank": r.rank or None, "volunteer_no": r.volunteer_no, "name": r.name, "district": r.district,
                "site": r.site, "status": r.status, "hours": float(hours_text(r.minutes))}
    if args.json:
        print(json.dumps({"from": first.isoformat(), "to": last.isoformat(),
                          "ranking": [row(r) for r in result.rows], "apart": [row(r) for r in result.apart]},
                         ensure_ascii=False, indent=2))
        return 0
    zh = args.lang.startswith("zh")
    for r in result.rows:
        print(f"{r.rank}\t{r.volunteer_no}\t{r.name}\t{r.district}\t{r.site}\t{hours_text(r.minutes)}")
    if result.apart:
        print("暂停或已退出（不排名）：" if zh else "Suspended or left (not ranked):")
        for r in result.apart:
            print(f"—\t{r.volunteer_no}\t{r.name}\t{r.status}\t{hours_text(r.minutes)}")
    print(f"{first.isoformat()}–{last.isoformat()}：{len(result.rows)} 人排名" if zh
          else f"{first.isoformat()}–{last.isoformat()}: {len(result.rows)} volunteers ranked")
    return 0


COMMANDS = {"certificate": _certificate, "service-record": _service_record, "hours": _hours}
