"""``egov-desk-cli backup create|list|restore``: copies of the workspace database in its ``backups/`` folder.

``restore`` takes a backup's file name (as ``list`` prints it) or ``--latest``. It backs the current database
up first (``before-restore``), so a restore can itself be undone by restoring that one. Evidence files the
restored database refers to that the vault no longer holds are listed on stderr, one line each; the restore
itself succeeded, so the exit status is 0 (``verify`` reports the same files and exits 1).
Exit status 2: no such backup, or the file is not one; 1: the backup or restore could not be written, or the
workspace is on a network share or read-only media (the same words the workspace uses; nothing is written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_desk.cli.common import print_json, workspace_folder
from egov_desk.core.backup_errors import BackupError
from egov_desk.core.folder_layout import DATABASE_NAME
from egov_desk.core.messages import cli_language
from egov_desk.core.points import compact, display, to_json_number

if TYPE_CHECKING:
    from egov_desk.core.backups import BackupInfo

REFUSALS = ("not_found", "not_a_backup", "newer", "no_backup", "no_database")


def add_backup_commands(commands: Any) -> None:
    backup = commands.add_parser("backup", help="copies of the workspace database: create, list, restore")
    backup_cmds = backup.add_subparsers(dest="backup_command", required=True)
    create = backup_cmds.add_parser("create", help="back the workspace up now")
    create.set_defaults(run=cmd_backup_create)
    listing = backup_cmds.add_parser("list", help="the backups, newest first, with date, size and total")
    listing.set_defaults(run=cmd_backup_list)
    restore = backup_cmds.add_parser("restore", help="put a backup back (the current state is backed up first)")
    restore.add_argument("name", nargs="?", help="the backup's file name, as `backup list` prints it")
    restore.add_argument("--latest", action="store_true", help="the newest backup")
    restore.set_defaults(run=cmd_backup_restore)
    for command in (create, listing, restore):
        command.add_argument("--workspace", help="the workspace folder (default: the app's)")
        command.add_argument("--json", action="store_true")


def _folder(args: argparse.Namespace) -> Path:
    return workspace_folder(args)


def _chinese() -> bool:
    return cli_language().startswith("zh")


def _failed(error: BackupError) -> int:
    print(f"egov-desk-cli: {error.describe(cli_language())}", file=sys.stderr)
    return 2 if error.kind in REFUSALS else 1


def _total(info: BackupInfo) -> str:
    shown = info.shown
    if shown is None or shown.total is None:
        return "未知" if _chinese() else "unknown"
    return f"{display(shown.total)}/{compact(shown.max)}" if shown.max is not None else display(shown.total)


def _json(info: BackupInfo) -> dict[str, Any]:
    return {
        "name": info.name,
        "path": str(info.path),
        "created": info.created.isoformat(timespec="seconds"),
        "reason": info.reason,
        "size": info.size,
        "total": to_json_number(info.total) if info.total is not None else None,
        "assessments": [
            {
                "id": t.id,
                "label": t.label,
                "total": to_json_number(t.total) if t.total is not None else None,
                "max": to_json_number(t.max) if t.max is not None else None,
            }
            for t in info.totals or ()
        ]
        if info.totals is not None
        else None,
    }


def _line(info: BackupInfo) -> str:
    return f"{info.name}  {info.created:%Y-%m-%d %H:%M:%S}  {info.reason:<22} {info.size:>10}  {_total(info)}"


def cmd_backup_create(args: argparse.Namespace) -> int:
    from egov_desk.core.backups import create_backup, list_backups

    database = _folder(args) / DATABASE_NAME
    try:
        info = create_backup(database, "manual")
    except BackupError as error:
        return _failed(error)
    [listed] = [b for b in list_backups(info.path.parent) if b.path == info.path] or [info]
    if args.json:
        print_json(_json(listed))
    else:
        print(listed.path)
    return 0


def cmd_backup_list(args: argparse.Namespace) -> int:
    from egov_desk.core.backups import list_backups

    found = list_backups(_folder(args))
    if args.json:
        print_json({"backups": [_json(info) for info in found]})
    elif not found:
        print("还没有备份" if _chinese() else "no backups yet")
    else:
        for info in found:
            print(_line(info))
    return 0


def cmd_backup_restore(args: argparse.Namespace) -> int:
    from egov_desk.core.backups import latest_backup, restore_backup

    folder = _folder(args)
    if bool(args.name) == bool(args.latest):
        words = (
            "backup restore：请给出一个备份的文件名（见 backup list），或用 --latest 恢复最新的备份"
            if _chinese()
            else "backup restore: give a backup's file name (as backup list prints it) or --latest"
        )
        print(f"egov-desk-cli: {words}", file=sys.stderr)
        return 2
    try:
        name: Path | str
        if args.latest:
            newest = latest_backup(folder)
            if newest is None:
                raise BackupError("no_backup", folder / "backups")
            name = newest.path
        else:
            name = args.name
        report = restore_backup(folder, name)
    except BackupError as error:
        return _failed(error)
    if args.json:
        print_json(
            {
                "restored": _json(report.restored),
                "before_restore": str(report.safety.path) if report.safety else None,
                "damaged_moved_to": str(report.damaged) if report.damaged else None,
                "missing_evidence": [
                    {"sha256": m.sha256, "names": list(m.names), "items": list(m.items)} for m in report.missing
                ],
            }
        )
    else:
        _print_restore(report)
    if report.missing:
        warning = (
            "警告：恢复后的工作区引用了 {n} 个证据库中已不存在的文件（见上）；请重新添加原件"
            if _chinese()
            else "warning: the restored workspace refers to {n} evidence file(s) the vault no longer holds (above); "
            "add the originals again"
        )
        print(warning.format(n=len(report.missing)), file=sys.stderr)
    return 0


def _print_restore(report: Any) -> None:
    zh = _chinese()
    restored = report.restored
    print(
        ("已恢复：" if zh else "restored: ")
        + f"{restored.name} ({restored.created:%Y-%m-%d %H:%M:%S}, {_total(restored)})"
    )
    if report.safety:
        print(
            ("恢复前的状态已备份为：" if zh else "the state before the restore was backed up as: ") + report.safety.name
        )
    if report.damaged:
        print(("无法读取的数据库已移至：" if zh else "the unreadable database was moved to: ") + str(report.damaged))
    for missing in report.missing:
        items = ",".join(missing.items) or "—"
        label = "缺少" if zh else "MISSING"
        print(f"{label}  {missing.sha256}  {items}  {'; '.join(missing.names)}", file=sys.stderr)
