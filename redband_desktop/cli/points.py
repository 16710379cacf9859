"""`redband points VOLUNTEER_NO [--json]`: a volunteer's points (积分) on the command line —
the balance, every entry that makes it up (each with its shift, clue or activity) and the
prizes exchanged. Reading only: no sign-in needed (the anonymous reader may read).
"""

from __future__ import annotations

import argparse
import json

from redband_desktop.cli.session import open_for
from redband_desktop.domain.points import RULE_KINDS

SOURCES = {"shift": ("值班", "shift"), "clue": ("线索", "clue"), "activity": ("活动", "activity")}


def add_parsers(sub: argparse._SubParsersAction) -> None:
    points = sub.add_parser("points", help="a volunteer's points: the balance, the entries and the prizes exchanged")
    points.add_argument("volunteer_no", metavar="VOLUNTEER_NO", help="the volunteer number (志愿者编号)")
    points.add_argument("--json", action="store_true", help="machine-readable JSON")


def _points(args: argparse.Namespace) -> int:
    services = open_for(args, required=False)
    account = services.points.account_by_number(args.volunteer_no)
    if args.json:
        print(json.dumps({
            "volunteer_no": account.volunteer_no, "name": account.name, "earned": account.earned,
            "redeemed": account.redeemed, "balance": account.balance,
            "entries": [{"day": e.day.isoformat(), "kind": e.kind, "source": e.source, "source_id": e.source_id,
                         "what": e.what, "quantity": e.quantity, "points": e.points} for e in account.entries],
            "redemptions": [{"day": r.day.isoformat(), "prize": r.prize, "points": r.points,
                             "handed_by": r.handed_by} for r in account.redemptions],
        }, ensure_ascii=False, indent=2))
        return 0
    zh = args.lang.startswith("zh")
    lang = "zh_CN" if zh else "en"
    for e in account.entries:
        kind = RULE_KINDS[e.kind].label(lang) if e.kind in RULE_KINDS else e.kind
        print(f"{e.day.isoformat()}\t{kind}\t{e.what}\t+{e.points}")
    for r in account.redemptions:
        print(f"{r.day.isoformat()}\t{'兑换' if zh else 'Redeemed'}\t{r.prize}（{r.handed_by}）\t-{r.points}")
    print(f"{account.name}（{account.volunteer_no}）：获得 {account.earned} 分，已兑换 {account.redeemed} 分，"
          f"余额 {account.balance} 分" if zh else
          f"{account.name} ({account.volunteer_no}): {account.earned} earned, {account.redeemed} redeemed, "
          f"balance {account.balance}")
    return 0


COMMANDS = {"points": _points}
