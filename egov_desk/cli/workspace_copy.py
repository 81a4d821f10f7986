"""``egov-desk-cli workspace copy --workspace SRC --to DEST``: a workspace moved to a server and back
(:mod:`egov_desk.core.workspace_copy`), progress on stderr, the proof on stdout; Ctrl+C leaves DEST empty."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from egov_desk.cli.common import print_json


def add_copy_command(workspace_cmds: Any) -> None:
    copy = workspace_cmds.add_parser(
        "copy", help="copy a workspace (folder or postgresql://…) to a new folder or an empty server database"
    )
    copy.add_argument("--workspace", required=True, help="the workspace to copy: a folder or postgresql://…")
    copy.add_argument("--to", required=True, help="a new or empty folder, or an empty database: postgresql://…")
    copy.add_argument(
        "--evidence", nargs="+", metavar="database|folder PATH", help="where a server copy keeps its evidence"
    )
    copy.add_argument("--json", action="store_true")
    copy.set_defaults(run=cmd_workspace_copy)


def cmd_workspace_copy(args: argparse.Namespace) -> int:
    from egov_desk.core.evidence_place import place
    from egov_desk.core.messages import cli_language, is_chinese
    from egov_desk.core.workspace_copy import copy_workspace

    chinese = is_chinese(cli_language())

    def said(english: str, chinese_: str) -> None:
        print(chinese_ if chinese else english, file=sys.stderr, flush=True)

    chosen = place(*args.evidence[:2]) if args.evidence else None
    try:
        copied = copy_workspace(args.workspace, args.to, said, chosen)
    except KeyboardInterrupt:
        said(f"cancelled: {args.to} was left empty", f"已取消：{args.to} 已恢复为空")
        return 130
    if args.json:
        print_json(
            {
                "from": copied.source,
                "to": copied.destination,
                "rows": copied.rows,
                "files": copied.files,
                "bytes": copied.bytes,
                "audit_rows": copied.audit_rows,
                "snapshots": {str(k): v for k, v in copied.snapshots.items()},
            }
        )
        return 0
    rows = sum(copied.rows.values())
    if chinese:
        print(f"已复制到 {copied.destination}：{rows} 行，佐证材料 {copied.files} 个（{copied.bytes} 字节）")
        print(f"修改记录 {copied.audit_rows} 条，核验完整")
    else:
        print(f"copied to {copied.destination}: {rows} rows, {copied.files} evidence files ({copied.bytes} bytes)")
        print(f"the change history's {copied.audit_rows} rows verify")
    for assessment, snapshot in copied.snapshots.items():
        print(
            f"评估 {assessment} 快照 {snapshot}（两边一致）"
            if chinese
            else f"assessment {assessment}: snapshot {snapshot}, equal"
        )
    return 0
