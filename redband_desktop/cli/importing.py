"""`redband import`: bringing a station's existing sheets in from the command line.

    redband --user NAME import roster FILE [--sheet NAME] [--mapping FILE.json] [--create-places]
                                     [--dry-run] [--json]
    redband --user NAME import heads FILE …

Every row is checked as the wizard checks it; without --dry-run the valid new and update
rows are written in one transaction, with no prompt. Exit status 0 when the valid rows were
written (or would be, with --dry-run), 2 on bad input (no such file, a sheet that cannot be
read, a needed column missing). With --json the counts and every row's problems (`row` is
the spreadsheet's row number) are printed as one object.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from redband_desktop.cli.session import open_for
from redband_desktop.errors import ValidationError


def add_parsers(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser("import", help="import a sheet (.xlsx, .xls, .et, .ods, .csv) of volunteers or building heads")
    imp.add_argument("what", choices=("roster", "heads"), help="roster: volunteers; heads: building heads and zone leads")
    imp.add_argument("file", help="the sheet file")
    imp.add_argument("--sheet", metavar="NAME", help="the worksheet (default: the first with data)")
    imp.add_argument("--mapping", metavar="FILE.json",
                     help='columns by header, as the wizard saves them: {"columns": {"name": "姓名", …}, "defaults": {…}}')
    imp.add_argument("--create-places", action="store_true",
                     help="create districts, sites, buildings and zones the sheet names that do not exist yet")
    imp.add_argument("--dry-run", action="store_true", help="check every row and write nothing")
    imp.add_argument("--json", action="store_true", help="machine-readable JSON")


def _import(args: argparse.Namespace) -> int:
    from redband_desktop.services.importing.places import create_all
    from redband_desktop.services.importing.types import ImportKind

    kind = ImportKind(args.what)
    services = open_for(args)
    importer = services.importer
    table = importer.read(Path(args.file), args.sheet)
    mapping = importer.guess(table, kind) if not args.mapping else importer.mapping_from_json(
        table, kind, _mapping_file(Path(args.mapping)))
    preview = importer.preview(table, kind, mapping)
    if args.create_places and preview.unknown_places:
        preview = importer.preview(table, kind, mapping, create_all(list(preview.unknown_places)))
    written = None
    if not args.dry_run and preview.writable:
        written = importer.commit(preview)
    _print(args, preview, written)
    return 0


def _mapping_file(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise ValidationError.single("file", "import_not_a_sheet", detail=f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ValidationError.single("file", "import_not_a_sheet", detail=f"{path}: not a JSON object")
    return data


def _print(args: argparse.Namespace, preview, written) -> None:  # noqa: ANN001
    lang = args.lang
    errors = [{"row": r.row, "field": p.field, "message": p.text(lang)}
              for r in preview.rows for p in r.problems]
    if args.json:
        out = {**preview.counts(), "errors": errors, "written": written is not None,
               "unknown_places": [{"level": u.level, "name": u.name, "parent": u.parent, "rows": u.rows}
                                  for u in preview.unknown_places]}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return
    zh = lang.startswith("zh")
    c = preview.counts()
    print(("共 {total} 行：新增 {new}，更新 {update}，无变化 {unchanged}，表内重复 {duplicate}，有误 {invalid}" if zh else
           "{total} rows: {new} new, {update} to update, {unchanged} unchanged, {duplicate} duplicate, "
           "{invalid} invalid").format(**c))
    for r in preview.rows:
        for p in r.problems:
            print(f"  第 {r.row} 行 {p.message(lang)}" if zh else f"  row {r.row}: {p.message(lang)}", file=sys.stderr)
    if written is not None:
        print(f"已导入：新增 {written.new} 人，更新 {written.updated} 人" if zh
              else f"Imported: {written.new} new, {written.updated} updated")
    elif args.dry_run:
        print("试运行，未写入任何内容" if zh else "Dry run: nothing was written")


COMMANDS = {"import": _import}
