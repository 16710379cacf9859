"""`redband backup`, `redband restore` and `redband check`: data safety on the command line.

    redband backup [--out FILE]     verified backup into the backup folder, or to FILE
    redband restore FILE [--yes]    replace the database with a backup (asks first on a terminal)
    redband check [--json]          integrity, foreign keys, schema, audit chain; exit 1 if wrong
                                    (the audit chain is checked when --user may read the audit trail)

These commands never migrate or repair behind the user's back: `check` only reads, and
`restore` saves the current file as a pre-restore backup before it changes anything.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from redband_desktop.cli.session import location, open_for
from redband_desktop.errors import DatabaseError


def add_parsers(sub: argparse._SubParsersAction) -> None:
    backup = sub.add_parser("backup", help="make a verified backup now")
    backup.add_argument("--out", metavar="FILE", help="write the backup to FILE (e.g. on a USB stick)")
    restore = sub.add_parser("restore", help="replace the database with a backup file")
    restore.add_argument("file", help="the backup file to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    check = sub.add_parser("check", help="check the database (exit status 1 when something is wrong)")
    check.add_argument("--json", action="store_true", help="machine-readable JSON")


def _backup(args: argparse.Namespace) -> int:
    services = open_for(args)
    info = services.backups.export(Path(args.out)) if args.out else services.backups.backup_now("manual")
    zh = args.lang.startswith("zh")
    counts = info.counts.get("volunteers", 0)
    print(f"已备份到 {info.path}（{info.size:,} 字节，志愿者 {counts} 名，已校验）" if zh
          else f"Backed up to {info.path} ({info.size:,} bytes, {counts} volunteers, verified)")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from redband_desktop.services.backups.recovery import recover_if_damaged, restore_file

    url, dirs = location(args)
    zh = args.lang.startswith("zh")
    recovery = recover_if_damaged(url, dirs.backups)
    if recovery is not None:
        print(recovery.error().message(args.lang), file=sys.stderr)
    else:  # replacing a sound database is an administrator's decision
        _require_admin(args)
    source = Path(args.file).expanduser().resolve()
    if not args.yes and sys.stdin.isatty():
        question = (f"用 {source} 替换当前数据库？当前数据库会先另存为恢复前备份。[y/N] " if zh
                    else f"Replace the current database with {source}? It is saved as a pre-restore backup first. [y/N] ")
        if input(question).strip().lower() not in ("y", "yes", "是"):
            raise DatabaseError("restore_cancelled")
    result = restore_file(url, dirs.backups, source)
    saved = result.pre_restore or "-"
    print(f"已恢复 {source}；恢复前的数据库已保存为 {saved}" if zh
          else f"Restored {source}; the previous database was saved as {saved}")
    return 0


def _require_admin(args: argparse.Namespace) -> None:
    from redband_desktop.domain.access import Action

    services = open_for(args)
    try:
        services.access.require(Action.SETTINGS)
    finally:
        services.db.dispose()


def _check(args: argparse.Namespace) -> int:
    from redband_desktop.services.backups.checks import run_checks

    # `check` only reads: no upgrade, and a damaged file is reported, not moved aside.
    services = open_for(args, signed_in=bool(args.user), recover=False, upgrade=False)
    try:
        results = run_checks(services)  # the audit chain too, for users who may read the trail
    finally:
        services.db.dispose()
    ok = all(r.ok for r in results)
    if args.json:
        print(json.dumps({"ok": ok, "checks": [r.as_dict() for r in results]}, ensure_ascii=False, indent=2))
    else:
        for r in results:
            verdict = "skipped" if r.skipped else ("ok" if r.ok else "FAILED")
            print(f"{r.name}: {verdict}")
            for p in r.problems[:20]:
                print(f"  {p}")
    return 0 if ok else 1


COMMANDS = {"backup": _backup, "restore": _restore, "check": _check}
