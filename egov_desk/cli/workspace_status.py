"""`workspace status`: who has the workspace open, whether it can be written here, its last backup.

It reads the folder without opening the database for writing, so it also answers for a damaged or held workspace.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from egov_desk.cli.common import print_json, workspace_folder
from egov_desk.core.backups import latest_backup
from egov_desk.core.errors import EgovError
from egov_desk.core.filesystems import mount_type, network_filesystem
from egov_desk.core.folder_layout import DATABASE_NAME
from egov_desk.core.lock import holder_of
from egov_desk.core.messages import cli_language, is_chinese
from egov_desk.core.opening import check_database_file, writable


def workspace_status(folder: Path, chinese: bool = False) -> dict[str, Any]:
    database = folder / DATABASE_NAME
    state, problem = "ok", None
    if not database.exists():
        state = "missing"
    else:
        try:
            check_database_file(database)
        except EgovError as exc:
            state, problem = exc.kind, exc.text(chinese)
    holder = holder_of(folder) if folder.is_dir() else None
    network = network_filesystem(folder)
    backup = latest_backup(folder) if folder.is_dir() else None
    return {
        "workspace": str(folder),
        "database": state,
        "problem": problem,
        "open_by": holder.to_json() if holder else None,
        "read_only": network or not writable(folder, database),
        "network_filesystem": network,
        "filesystem": mount_type(folder) if os.name != "nt" else None,
        "last_backup": (
            {
                "file": backup.path.name,
                "created": backup.created.isoformat(timespec="seconds"),
                "reason": backup.reason,
                "size": backup.size,
            }
            if backup
            else None
        ),
    }


def _yes_no(value: bool, chinese: bool) -> str:
    if chinese:
        return "是" if value else "否"
    return "yes" if value else "no"


def cmd_workspace_status(args: argparse.Namespace) -> int:
    folder = workspace_folder(args)
    chinese = is_chinese(cli_language())
    status = workspace_status(folder, chinese)
    if args.json:
        print_json(status)
        return 0
    holder, backup = status["open_by"], status["last_backup"]
    lines = [
        ("workspace", "工作区", status["workspace"]),
        (
            "database",
            "数据库",
            status["problem"] or (("完好" if chinese else "ok") if status["database"] == "ok" else status["database"]),
        ),
        (
            "open by",
            "正在使用",
            f"{holder['user']}@{holder['host']} pid {holder['pid']} since {holder['since']}" if holder else "-",
        ),
        ("read-only here", "本机只读", _yes_no(status["read_only"], chinese)),
        ("network share", "网络共享", _yes_no(status["network_filesystem"], chinese)),
        ("last backup", "最近备份", f"{backup['created']} {backup['reason']} {backup['file']}" if backup else "-"),
    ]
    for english, chinese_label, value in lines:
        print(f"{chinese_label if chinese else english}: {value}")
    return 0
