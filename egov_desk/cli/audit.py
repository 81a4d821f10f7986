"""The change history on the command line: ``audit show [--assessment A] [--item CODE] [--json]``, ``audit verify
[--json]`` (exit 0 when the chain is whole and the data fits it, 1 when something was found) and ``audit export
--out F.xlsx [--assessment A] [--item CODE]``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from egov_desk.cli.common import Refused, open_workspace, print_json

FOUND = 1  # audit verify's exit status when a row or a value does not fit


def add_audit_commands(commands: Any) -> None:
    audit = commands.add_parser("audit", help="the change history: who changed what when (修改记录)")
    actions = audit.add_subparsers(dest="audit_command", required=True)
    show = actions.add_parser("show", help="each change in words, oldest first")
    show.add_argument("--workspace")
    show.add_argument("--assessment", type=int, help="only this assessment's changes (all when not given)")
    show.add_argument("--item", help="only this item's changes (编号, e.g. 021)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=cmd_audit_show)
    verify = actions.add_parser(
        "verify",
        help="check the hash chain and that the data holds what it says (exit 1 when something does not fit)",
    )
    verify.add_argument("--workspace")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(run=cmd_audit_verify)
    export = actions.add_parser("export", help="the change history as a workbook (.xlsx)")
    export.add_argument("--workspace")
    export.add_argument("--out", required=True, metavar="F.xlsx")
    export.add_argument("--assessment", type=int, help="only this assessment's changes (all when not given)")
    export.add_argument("--item", help="only this item's changes (编号, e.g. 021)")
    export.set_defaults(run=cmd_audit_export)


def cmd_audit_show(args: argparse.Namespace) -> int:
    from egov_desk.core.history import history
    from egov_desk.core.messages import cli_language, is_chinese

    with open_workspace(args) as workspace:
        if args.assessment is not None:
            workspace.assessment(args.assessment)  # an unknown one is refused, not shown as an empty history
        lines = history(workspace, args.assessment, args.item)
    if args.json:
        print_json([line.to_json() for line in lines])
        return 0
    chinese = is_chinese(cli_language())
    if not lines:
        print("没有修改记录。" if chinese else "No changes recorded.")
    for line in lines:
        print(line.text(chinese))
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from egov_desk.core.audit_verify import verify
    from egov_desk.core.messages import cli_language, is_chinese

    with open_workspace(args) as workspace:
        report = verify(workspace)
    if args.json:
        print_json(report.to_json())
    else:
        for line in report.lines(is_chinese(cli_language())):
            print(line)
    return 0 if report.clean else FOUND


def cmd_audit_export(args: argparse.Namespace) -> int:
    from egov_desk.core.exports.history_xlsx import write_history_xlsx
    from egov_desk.core.history import history, item_names

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise Refused(f"--out {args.out}: the file must end in .xlsx", f"--out {args.out}：文件名须以 .xlsx 结尾")
    with open_workspace(args) as workspace:
        title = "修改记录"
        if args.assessment is not None:
            title = f"{workspace.assessment(args.assessment).label} 修改记录"
        lines = history(workspace, args.assessment, args.item)
        names = item_names(workspace, lines)
        if args.item:
            title = f"{title}（{args.item}）"
    write_history_xlsx(lines, out, names, title)
    print(out)
    return 0
