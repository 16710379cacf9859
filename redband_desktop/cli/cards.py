"""`redband cards …` and `redband verify-card`: volunteer ID cards on the command line.

    redband cards print [--all | --ids 1,2,3 | --site ID | --district ID | --without-card |
                         --expiring DAYS] [--layout a4|cr80] [--start N] --out FILE.pdf
    redband cards revoke CARD_NO --reason TEXT [--lost]
    redband cards list [--status S] [--json]
    redband cards public-key [--out FILE]
    redband verify-card PAYLOAD [--json]

Printing and revoking change the register, so they sign in (--user); listing and
verifying only read. `verify-card` exits 0 whenever it could check the text, whatever the
verdict: the verdict is the output (`status` in --json).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from redband_desktop.cli.session import open_for
from redband_desktop.documents.card_types import LAYOUTS
from redband_desktop.errors import ValidationError


def add_parsers(sub: argparse._SubParsersAction) -> None:
    cards = sub.add_parser("cards", help="volunteer ID cards: print, revoke, list")
    csub = cards.add_subparsers(dest="cards_command", required=True)
    prt = csub.add_parser("print", help="issue missing cards and write a print-ready PDF")
    which = prt.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="every active volunteer (default)")
    which.add_argument("--ids", help="volunteer ids, comma-separated")
    which.add_argument("--site", type=int, metavar="ID", help="the active volunteers of one site")
    which.add_argument("--district", type=int, metavar="ID", help="the active volunteers of one district")
    which.add_argument("--without-card", action="store_true", help="active volunteers without a valid card")
    which.add_argument("--expiring", type=int, metavar="DAYS", help="cards running out within DAYS")
    prt.add_argument("--layout", choices=LAYOUTS, default="a4", help="A4 sheet 2×5 or one card a page")
    prt.add_argument("--start", type=int, default=1, metavar="N", help="first free slot (1–10) on the first A4 sheet")
    prt.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    revoke = csub.add_parser("revoke", help="revoke a card (or record it lost with --lost)")
    revoke.add_argument("card_no", help="card number, e.g. 2026-00042")
    revoke.add_argument("--reason", required=True, help="why (kept in the register)")
    revoke.add_argument("--lost", action="store_true", help="the card was reported lost")
    lst = csub.add_parser("list", help="the card register")
    lst.add_argument("--status", choices=("valid", "expired", "revoked", "lost", "replaced"))
    lst.add_argument("--json", action="store_true", help="machine-readable JSON")
    key = csub.add_parser("public-key", help="print (or save) the station's public key")
    key.add_argument("--out", metavar="FILE", help="write the PEM file here")
    verify = sub.add_parser("verify-card", help="check a scanned card QR text")
    verify.add_argument("payload", help="the QR text, e.g. RB1:…")
    verify.add_argument("--json", action="store_true", help="machine-readable JSON")


def _selection(args: argparse.Namespace):  # noqa: ANN202 - CardSelection
    from redband_desktop.services.cards.types import CardSelection

    if args.ids:
        try:
            ids = tuple(int(x) for x in args.ids.split(",") if x.strip())
        except ValueError as exc:
            raise ValidationError.single("selection", "invalid_choice", value=args.ids) from exc
        return CardSelection("ids", ids=ids)
    if args.site is not None:
        return CardSelection("site", site_id=args.site)
    if args.district is not None:
        return CardSelection("district", district_id=args.district)
    if args.without_card:
        return CardSelection("without_card")
    if args.expiring is not None:
        return CardSelection("expiring", days=args.expiring)
    return CardSelection("all")


def _cards(args: argparse.Namespace) -> int:
    command = args.cards_command
    services = open_for(args, required=command in ("print", "revoke"))
    zh = args.lang.startswith("zh")
    if command == "print":
        result = services.cards.print_batch(_selection(args), args.layout, max(0, args.start - 1))
        Path(args.out).write_bytes(result.pdf)
        print(f"已生成 {result.cards} 张证件（新发 {result.issued} 张）：{args.out}" if zh
              else f"{result.cards} cards ({result.issued} newly issued) written to {args.out}")
    elif command == "revoke":
        row = services.cards.revoke(args.card_no, args.reason, lost=args.lost)
        print(f"{row.card_no} {row.name}：{row.status.zh}" if zh else f"{row.card_no} {row.name}: {row.status.en}")
    elif command == "list":
        _list(services, args)
    else:
        pem = services.cards.public_key_pem(str(Path(args.out).resolve()) if args.out else "")
        if args.out:
            Path(args.out).write_text(pem, encoding="ascii")
        else:
            sys.stdout.write(pem)
    return 0


def _list(services, args: argparse.Namespace) -> None:  # noqa: ANN001
    from redband_desktop.services.cards.types import CardFilter

    rows = services.cards.register(CardFilter(status=args.status))
    if args.json:
        print(json.dumps([{
            "card_no": r.card_no, "volunteer_id": r.volunteer_id, "name": r.name, "district": r.district,
            "site": r.site, "role": r.role, "issued_on": r.issued_on.isoformat(),
            "valid_until": r.valid_until.isoformat(), "status": r.shown_status,
            "changed_on": r.changed_on.isoformat() if r.changed_on else None, "reason": r.reason,
            "replaced_by": r.replaced_by or None,
        } for r in rows], ensure_ascii=False, indent=2))
        return
    for r in rows:
        print(f"{r.card_no}\t{r.name}\t{r.site}\t{r.valid_until.isoformat()}\t{r.shown_status}\t{r.reason}")


def _verify(args: argparse.Namespace) -> int:
    services = open_for(args, required=False)
    result = services.cards.verify(args.payload)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        label = result.status.label(args.lang)
        print(f"{label}  {result.card_no}  {result.name}".rstrip())
    return 0


COMMANDS = {"cards": _cards, "verify-card": _verify}
