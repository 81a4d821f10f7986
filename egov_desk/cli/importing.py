"""``egov-desk-cli import``: an indicator table from Word or Excel, with proposed rules and findings.

The person's corrections — the sheet, the header row(s), a column's role, what rows are — are flags, so a reading
done in the wizard can be reproduced and scripted. Row numbers are those the person sees: a sheet's own row
numbers for Excel, the numbers ``--show-rows`` prints for Word.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_desk.cli.common import Refused, print_json
from egov_desk.core.folder_layout import DATABASE_NAME

if TYPE_CHECKING:
    from egov_desk.core.importers.grid import Grid
    from egov_desk.core.importers.options import ImportOptions, RowKind
    from egov_desk.core.importers.pipeline import ImportResult
    from egov_desk.core.workspace import Workspace

_RANGE = re.compile(r"^\s*(\d+)\s*(?:[-–~]\s*(\d+))?\s*$")
_SHOWN_TEXTS = 60  # characters of a row's texts --show-rows prints


def add_import_commands(commands: Any) -> None:
    imp = commands.add_parser("import", help="read an indicator table (.docx/.xlsx) with proposed rules")
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true", help="print the interchange JSON with findings")
    imp.add_argument("--into", metavar="DIR", help="add the system (and an assessment) to this workspace")
    imp.add_argument(
        "--year",
        type=int,
        help="with --into: the year assessed (default: the year the table's title names)",
    )
    imp.add_argument("--accept", action="store_true", help="import despite errors (duplicate codes get a suffix)")
    imp.add_argument(
        "--role",
        action="append",
        default=[],
        metavar="COL=ROLE",
        help="override a column's role (level, points, rule, name, code, evidence, lead, "
        "cooperating, extra, ignore); columns count from 1",
    )
    imp.add_argument("--sheet", metavar="NAME", help="read this sheet of the workbook (see --list-sheets)")
    imp.add_argument(
        "--header-row",
        metavar="N|N,M|none",
        help="the header is row N (or rows N and M); none: the table has no header, its columns are told "
        "from their content",
    )
    imp.add_argument(
        "--rows",
        action="append",
        default=[],
        metavar="A-B=KIND",
        help="rows A to B (or row A) are KIND: level, item, section, tier (of the item above), ignore "
        "(or 指标, 评分项, 分组, 档次, 忽略); repeatable",
    )
    imp.add_argument("--show-rows", action="store_true", help="list each row: number, where, kind read, texts")
    imp.add_argument("--list-sheets", action="store_true", help="list the workbook's sheets and which is read")
    imp.set_defaults(run=cmd_import)


def _refused(flag: str, value: str, english: str, chinese: str) -> Refused:
    return Refused(f"{flag} {value}: {english}", f"{flag} {value}：{chinese}", "bad_flag")


def _roles(pairs: list[str]) -> dict[int, str]:
    roles = {}
    for pair in pairs:
        column, _, role = pair.partition("=")
        if not column.strip().isdigit() or int(column) < 1 or not role:
            raise _refused(
                "--role",
                pair,
                "expected COLUMN=ROLE, e.g. 3=points (columns count from 1)",
                "应为 列号=用途，例如 3=points（列号从 1 数起）",
            )
        roles[int(column) - 1] = role.strip()
    return roles


def _header_rows(value: str | None) -> tuple[int, ...] | None:
    from egov_desk.core.importers.grid import Grid

    if value is None:
        return None
    if value.strip().lower() in ("none", "无", "没有"):
        return ()
    parts = [part.strip() for part in re.split(r"[,，]", value)]
    if not all(part.isdigit() and int(part) >= 1 for part in parts) or len(parts) > 2:
        raise _refused(
            "--header-row",
            value,
            "expected a row number N, two rows N,M, or none (row numbers count from 1)",
            "应为行号 N、两行 N,M，或 none（没有表头）；行号从 1 数起",
        )
    numbers = [int(part) for part in parts]
    if len(numbers) == 2 and numbers[1] != numbers[0] + 1:
        raise _refused("--header-row", value, "two header rows must be adjacent (N,N+1)", "两行表头须相邻（N,N+1）")
    return tuple(Grid.row_of(number) for number in numbers)


def _row_kinds(pairs: list[str]) -> dict[int, RowKind]:
    from egov_desk.core.importers.grid import Grid
    from egov_desk.core.importers.options import ROW_KIND_NAMES, ROW_KINDS

    words: dict[str, RowKind] = {kind: kind for kind in ROW_KINDS} | {name: k for k, name in ROW_KIND_NAMES.items()}
    kinds: dict[int, RowKind] = {}
    for pair in pairs:
        rows, _, word = pair.rpartition("=")
        match = _RANGE.match(rows)
        kind = words.get(word.strip().lower())
        if not match or kind is None:
            raise _refused(
                "--rows",
                pair,
                "expected A-B=KIND or A=KIND, KIND one of level, item, section, tier, ignore "
                "(指标, 评分项, 分组, 档次, 忽略); rows count from 1",
                "应为 起-止=类型 或 行号=类型，类型为 level、item、section、tier、ignore"
                "（指标、评分项、分组、档次、忽略）；行号从 1 数起",
            )
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        if first < 1 or last < first:
            raise _refused("--rows", pair, "rows count from 1, the first before the last", "行号从 1 数起，起不大于止")
        kinds |= {Grid.row_of(number): kind for number in range(first, last + 1)}
    return kinds


def options_of(args: argparse.Namespace) -> ImportOptions:
    """The person's corrections given as flags."""
    from egov_desk.core.importers.options import ImportOptions

    return ImportOptions(
        sheet=args.sheet,
        header_rows=_header_rows(args.header_row),
        roles=_roles(args.role),
        row_kinds=_row_kinds(args.rows),
    )


def cmd_import(args: argparse.Namespace) -> int:
    from egov_desk.core.importers.grid import ImportRefused
    from egov_desk.core.importers.pipeline import import_table, read_grid

    options = options_of(args)
    if args.list_sheets:
        if args.into:
            raise Refused(
                "--list-sheets only lists the sheets; leave out --into to list them, or --list-sheets to import",
                "--list-sheets 只列出工作表；要列出时请去掉 --into，要导入时请去掉 --list-sheets",
                "bad_flag",
            )
        return _list_sheets(read_grid(Path(args.file), sheet=options.sheet), args.json)
    known: set[str] = set()
    workspace = None
    if args.into:  # the workspace (SQLAlchemy) only when the table is stored
        from egov_desk.core.workspace import Workspace

        workspace = Workspace.open(Path(args.into), create=False)
    try:
        if workspace:
            known = {name for s in workspace.systems() for name in workspace.departments(s.id)}
        try:
            result = import_table(Path(args.file), options, known)
        except ImportRefused:
            if args.show_rows:  # the rows, so the person can say which is the header or what they are
                _print_rows(read_grid(Path(args.file), sheet=options.sheet), None, args.json)
            raise
        if args.json:
            rows = {"rows": _rows_json(result.grid, result)} if args.show_rows else {}
            print_json(result.to_json() | rows)
        else:
            _print_import_summary(result)
            if args.show_rows:
                _print_rows(result.grid, result, False)
        if workspace:
            return _store(workspace, result, args)
    finally:
        if workspace:
            workspace.close()
    return 0


def _store(workspace: Workspace, result: ImportResult, args: argparse.Namespace) -> int:
    from egov_desk.core.backups import BackupError
    from egov_desk.core.importers.grid import ImportRefused
    from egov_desk.core.importers.into_workspace import import_into_workspace
    from egov_desk.core.messages import cli_language

    try:  # the backup is made after the checks (errors, year, read-only): a refused import costs none
        changes = import_into_workspace(
            workspace,
            result,
            Path(args.file),
            accept=args.accept,
            year=getattr(args, "year", None),
            before_write=lambda: _back_up(workspace),
        )
    except BackupError as error:
        print(f"egov-desk-cli: {error.describe(cli_language())}", file=sys.stderr)
        return 1
    except ImportRefused as refused:
        if refused.kind != "no_year":
            raise
        raise Refused(f"{refused} (--year YYYY)", f"{refused.describe('zh_CN')}（--year 年度）", "no_year") from None
    from egov_desk.core.changes import AssessmentAdded

    assessment = changes.assessments_added[0]
    added = next(change for change in changes if isinstance(change, AssessmentAdded))
    again = "" if changes.systems_added else " (the same table was imported before: its system is used again)"
    print(f"added to {args.into}: system {added.system_id}, assessment {assessment}{again}", file=sys.stderr)
    stated, given = result.data.get("year"), getattr(args, "year", None)
    if stated and given and int(stated) != given:  # kept as given, and said: a walk met it silently set aside
        print(
            f"表格标题写的是 {stated} 年，考评年度按 --year 记为 {given} 年"
            if _chinese()
            else f"the table's title names {stated}; the assessment is for {given} as --year says",
            file=sys.stderr,
        )
    return 0


def _back_up(workspace: Workspace) -> None:
    """A ``before-import`` backup of the workspace; when it cannot be made (BackupError), nothing is imported."""
    from egov_desk.core.backups import backup_before

    if workspace.folder is not None:  # a server's database is backed up by its administrator
        backup_before(workspace.folder / DATABASE_NAME, "import")


def _chinese() -> bool:
    from egov_desk.core.messages import cli_language, is_chinese

    return is_chinese(cli_language())


def _list_sheets(grid: Grid, as_json: bool) -> int:
    if as_json:
        print_json({"sheets": [sheet.to_json() for sheet in grid.sheets]})
        return 0
    if not grid.sheets:
        print("Word 文档没有工作表" if _chinese() else "a Word document has no sheets")
    for sheet in grid.sheets:
        mark = "*" if sheet.chosen else " "
        if _chinese():
            print(f"{mark} {sheet.name}\t{sheet.rows} 行\t{sheet.score:.1f}\t{sheet.why}")
        else:
            print(f"{mark} {sheet.name}\t{sheet.rows} rows\t{sheet.score:.1f}\t{sheet.why_english}")
    return 0


def _kind(row: int, result: ImportResult | None) -> str:
    """What row ``row`` was read as: a row kind, "header", or "" (blank, or the tree did not say)."""
    if result is None:
        return ""
    if row in result.header_rows:
        return "header"
    return result.row_kinds.get(row, "")


def _rows_json(grid: Grid, result: ImportResult | None) -> list[dict[str, Any]]:
    out = []
    for row in range(len(grid.rows)):
        texts = [cell.text for c, cell in enumerate(grid.rows[row]) if cell.text.strip() and cell.origin[1] == c]
        out.append({"number": grid.shown(row), "where": grid.labels[row], "kind": _kind(row, result), "texts": texts})
    return out


def _print_rows(grid: Grid, result: ImportResult | None, as_json: bool) -> None:
    from egov_desk.core.importers.options import ROW_KIND_NAMES

    rows = _rows_json(grid, result)
    if as_json:
        print_json({"rows": rows})
        return
    names: dict[str, str] = {"header": "表头"} if _chinese() else {}
    if names:
        names |= {kind: name for kind, name in ROW_KIND_NAMES.items()}
    for row in rows:
        texts = " | ".join(text.replace("\n", " ") for text in row["texts"])
        kind = names.get(row["kind"], row["kind"]) or "—"
        print(f"{row['number']:>5}  {row['where']}  {kind}  {texts[:_SHOWN_TEXTS]}")


def _print_import_summary(result: ImportResult) -> None:
    columns = "，".join(f"{c.index + 1}:{c.header}→{c.describe}" for c in result.layout.columns)
    print(f"{result.data['title']}（{result.data.get('total_points') or '—'} 分）")
    print(f"列：{columns}")
    system = result.data
    items = [i for n in _walk(system["tree"]) for i in n.get("items", [])]
    print(f"{len(items)} 个评分项")
    for finding in result.findings:
        print(f"[{finding.severity}] {finding.row} {finding.message}".replace("  ", " "))


def _walk(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for node in nodes:
        out.append(node)
        out.extend(_walk(node.get("children", [])))
    return out
