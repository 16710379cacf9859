"""`redband backup`, `redband restore` and `redband check`: data safety on the command line.

    redband backup [--out FILE]     verified backup into the backup folder, or to FILE
                                    encrypted with a passphrase (administrators only)
    redband restore FILE [--yes]    replace the database with a backup (asks first on a terminal;
                                    an encrypted FILE needs its passphrase)
    redband check [--json]          integrity, foreign keys, schema, audit chain, its triggers and
                                    its anchors (witness file, backups); exit 1 if wrong

The passphrase of an exported backup comes from $REDBAND_BACKUP_PASSPHRASE or is typed on
the terminal (twice for a new export); without either the command refuses.
These commands never migrate or repair behind the user's back: `check` only reads, and
`restore` saves the current file as a pre-restore backup before it changes anything.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from redband_desktop.cli.session import location, open_for
from redband_desktop.cli.words import CHECK_NAMES, VERDICTS, say
from redband_desktop.errors import DatabaseError, RedbandError

PASSPHRASE_VAR = "REDBAND_BACKUP_PASSPHRASE"


def add_parsers(sub: argparse._SubParsersAction) -> None:
    backup = sub.add_parser("backup", help="make a verified backup now")
    backup.add_argument("--out", metavar="FILE", help="write the backup to FILE (e.g. on a USB stick), encrypted "
                        f"with a passphrase from ${PASSPHRASE_VAR} or typed twice on the terminal")
    restore = sub.add_parser("restore", help="replace the database with a backup file")
    restore.add_argument("file", help="the backup file to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    check = sub.add_parser("check", help="check the database (exit status 1 when something is wrong)")
    check.add_argument("--json", action="store_true", help="machine-readable JSON")


def _backup(args: argparse.Namespace) -> int:
    services = open_for(args)
    zh = args.lang.startswith("zh")
    if args.out:
        from redband_desktop.domain.access import Action

        services.access.require(Action.SETTINGS)  # before asking for a passphrase
        phrase, again = passphrase(confirm=True)
        info = services.backups.export(Path(args.out), phrase, again)
    else:
        info = services.backups.backup_now("manual")
    counts = info.counts.get("volunteers", 0)
    sealed = ("，已加密" if zh else ", encrypted") if args.out else ""
    print(f"已备份到 {info.path}（{info.size:,} 字节，志愿者 {counts} 名，已校验{sealed}）" if zh
          else f"Backed up to {info.path} ({info.size:,} bytes, {counts} volunteers, verified{sealed})")
    return 0


def passphrase(confirm: bool) -> tuple[str, str | None]:
    """The backup passphrase: $REDBAND_BACKUP_PASSPHRASE, else typed on the terminal (twice
    for a new export: the second is returned for the service to compare); refused when
    there is neither."""
    if os.environ.get(PASSPHRASE_VAR):
        return os.environ[PASSPHRASE_VAR], None
    if not sys.stdin.isatty():
        raise RedbandError("backup_passphrase_needed")
    first = getpass.getpass("备份口令 / backup passphrase: ")
    return first, getpass.getpass("再次输入 / again: ") if confirm else None


def _restore(args: argparse.Namespace) -> int:
    from redband_desktop.services.backups.recovery import recover_if_damaged, restore_file
    from redband_desktop.services.backups.service import BackupService

    url, dirs = location(args)
    zh = args.lang.startswith("zh")
    recovery = recover_if_damaged(url, dirs.backups)
    access = None
    if recovery is not None:
        print(recovery.error().message(args.lang), file=sys.stderr)
    else:  # replacing a sound database is an administrator's decision
        access = _require_admin(args)
    source = Path(args.file).expanduser().resolve()
    phrase = passphrase(confirm=False)[0] if BackupService.is_sealed(source) else None
    if not args.yes and sys.stdin.isatty():
        question = (f"用 {source} 替换当前数据库？当前数据库会先另存为恢复前备份。[y/N] " if zh
                    else f"Replace the current database with {source}? It is saved as a pre-restore backup first. [y/N] ")
        if input(question).strip().lower() not in ("y", "yes", "是"):
            raise DatabaseError("restore_cancelled")
    result = restore_file(url, dirs.backups, source, phrase, access)
    saved = result.pre_restore or "-"
    print(f"已恢复 {source}；恢复前的数据库已保存为 {saved}" if zh
          else f"Restored {source}; the previous database was saved as {saved}")
    return 0


def _require_admin(args: argparse.Namespace):  # noqa: ANN202 - the signed-in AccessControl
    from redband_desktop.domain.access import Action

    services = open_for(args)
    try:
        services.access.require(Action.SETTINGS)
    finally:
        services.db.dispose()
    return services.access


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
        zh = args.lang.startswith("zh")
        for r in results:
            verdict = VERDICTS["skipped" if r.skipped else ("ok" if r.ok else "failed")]
            name = CHECK_NAMES.get(r.name, (r.name, r.name))
            print(f"{say(args.lang, *name)}{'：' if zh else ': '}{say(args.lang, *verdict)}")
            for p in r.problems[:20]:
                print(f"  {p}")
    return 0 if ok else 1


COMMANDS = {"backup": _backup, "restore": _restore, "check": _check}
