"""`redband`: the command line over the same services as the window.

    redband [--db PATH|URL] [--lang zh_CN|en] [--user NAME] [gui|init|stats|report|export|backup|
            restore|check|cards|verify-card|duty|certificate|service-record|hours|points|users] …

`gui` (the window) is the default, so a double-click and `redband` both open it. Errors go
to stderr in the chosen language with exit status 2 (bad input) or 1 (the database cannot
be used); `--json` output is for scripts. The commands live in station.py, data.py,
cards.py, duty.py, records.py, points.py and users.py; what they share (opening the station, signing in) in session.py.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from redband_desktop import __version__
from redband_desktop.cli import (
    cards,
    data,
    duty,
    importing,
    points,
    records,
    self_test,
    station,
    users,
)
from redband_desktop.cli.words import language_of, localize, use_language
from redband_desktop.errors import DatabaseError, RedbandError


def build_parser(lang: str = "zh_CN") -> argparse.ArgumentParser:
    """The parser with its help in `lang` (see words.py)."""
    use_language(lang)
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
    station.add_parsers(sub)
    data.add_parsers(sub)
    cards.add_parsers(sub)
    duty.add_parsers(sub)
    records.add_parsers(sub)
    points.add_parsers(sub)
    users.add_parsers(sub)
    self_test.add_parsers(sub)
    importing.add_parsers(sub)
    return localize(parser, lang)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(language_of(argv)).parse_args(argv)
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


COMMANDS = {**station.COMMANDS, **data.COMMANDS, **cards.COMMANDS, **duty.COMMANDS, **records.COMMANDS,
            **points.COMMANDS, **users.COMMANDS,
            **self_test.COMMANDS, **importing.COMMANDS}
